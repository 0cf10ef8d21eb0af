package vn.ydan.admin.error;

import java.time.Instant;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.layout.MainLayout;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages that do not exist, or that the user's roles do not open: a friendly page in the
 * user's language inside the console's frame, not Vaadin's bare "Could not navigate".
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser(username = "thuky", givenName = "Cường", familyName = "Lê Văn", roles = "clerk")
class NotFoundViewIntegrationTest extends SpringBrowserlessTest {

	private final FakeBackend backend = FakeBackend.shared();

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-thuky",
				Instant.now().plusSeconds(300), "refresh-1");
	}

	@Test
	void anUnknownPageSaysSoInVietnameseInsideTheFrame() {
		UI.getCurrent().navigate("khong-co-trang-nay");

		assertThat(text("not-found-title")).isEqualTo("Không mở được trang này");
		assertThat(text("not-found-text")).startsWith("Trang /khong-co-trang-nay không có");
		assertThat(find(Component.class).id("not-found-view").getParent().orElseThrow()).isInstanceOf(MainLayout.class);
		assertThat(find(Component.class).id("sign-out").isVisible()).isTrue();
	}

	@Test
	void aPageTheUsersRolesDoNotOpenGetsTheSameFriendlyPage() {
		UI.getCurrent().navigate("access/users");

		assertThat(text("not-found-title")).isEqualTo("Không mở được trang này");
		assertThat(text("not-found-text")).contains("không được mở trang này");
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

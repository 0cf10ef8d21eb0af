package vn.ydan.admin.layout;

import java.time.Instant;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.home.ui.HomeView;
import vn.ydan.admin.i18n.Language;
import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class LanguageSwitchIntegrationTest extends SpringBrowserlessTest {

	private final FakeBackend backend = FakeBackend.shared();

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		this.backend.answerApi((call) -> Reply.json(200,
				"""
						{"data":{"me":{"username":"canbo","displayName":"Trần Thị Bình","roles":["official"],"clientId":"ydan-console"}}}"""));
		TokensInSession.store(this.registrations, this.authorizedClients, "access-1", Instant.now().plusSeconds(300),
				"refresh-1");
		navigate(HomeView.class);
	}

	@Test
	void speaksVietnameseWithTheUsersNameAndASignOutButton() {
		assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("vi");
		assertThat(find(H1.class).id("app-title").getText()).isEqualTo("Ý Dân");
		assertThat(find(SideNavItem.class).id("nav-home").getLabel()).isEqualTo("Trang chủ");
		assertThat(find(Button.class).id("sign-out").getText()).isEqualTo("Đăng xuất");
		assertThat(find(Span.class).id("user-display-name").getText()).isEqualTo("Trần Thị Bình");
	}

	@Test
	void onAPhoneTheHeaderKeepsOnlyWhatFitsAndSignOutStaysWhole() {
		MainLayout layout = (MainLayout) find(Button.class).id("sign-out")
			.getParent()
			.flatMap(Component::getParent)
			.flatMap(Component::getParent)
			.orElseThrow();

		layout.compact(true);

		Button signOut = find(Button.class).id("sign-out");
		assertThat(signOut.getText()).isEmpty();
		assertThat(signOut.getAriaLabel()).hasValue("Đăng xuất");
		assertThat(signOut.isVisible()).isTrue();
		assertThat(find(Span.class).withId("user-display-name").exists()).isFalse();

		layout.compact(false);

		assertThat(find(Button.class).id("sign-out").getText()).isEqualTo("Đăng xuất");
		assertThat(find(Span.class).id("user-display-name").isVisible()).isTrue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void switchingToEnglishChangesTheNavigationAndTheViewAndIsRemembered() {
		Select<Locale> language = find(Select.class).id("language-switch");

		test(language).selectItem("English");

		assertThat(find(SideNavItem.class).id("nav-home").getLabel()).isEqualTo("Home");
		assertThat(find(Button.class).id("sign-out").getText()).isEqualTo("Sign out");
		assertThat(find(H2.class).id("home-greeting").getText()).isEqualTo("Hello, Trần Thị Bình!");
		assertThat(find(Span.class).id("me-roles").getText()).isEqualTo("Official");
		// Kept in the session: a reload or a new tab starts in English.
		assertThat(Language.of(VaadinSession.getCurrent())).isEqualTo(Translations.ENGLISH);

		test(language).selectItem("Tiếng Việt");

		assertThat(find(SideNavItem.class).id("nav-home").getLabel()).isEqualTo("Trang chủ");
	}

}

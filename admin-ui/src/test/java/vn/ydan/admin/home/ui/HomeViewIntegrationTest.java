package vn.ydan.admin.home.ui;

import java.time.Instant;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
class HomeViewIntegrationTest extends SpringBrowserlessTest {

	private static final String CANBO = """
			{"data":{"me":{"username":"canbo","displayName":"Trần Thị Bình","roles":["official"],"clientId":"ydan-console"}}}""";

	private static final String QUANTRI = """
			{"data":{"me":{"username":"quantri","displayName":"Nguyễn Văn An","roles":["admin"],"clientId":"ydan-console"}}}""";

	private static final String STATUS = """
			{"data":{"systemStatus":{"version":"0.1.0","startedAt":"2026-11-22T01:30:00Z","store":{"kind":"EMBEDDED","status":"UP","collections":7}}}}""";

	private static final String FORBIDDEN = """
			{"errors":[{"message":"Forbidden","path":["systemStatus"],"extensions":{"code":"FORBIDDEN","classification":"FORBIDDEN"}}],"data":{"systemStatus":null}}""";

	private final FakeBackend backend = FakeBackend.shared();

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedInWithFreshTokens() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-1", Instant.now().plusSeconds(300),
				"refresh-1");
	}

	@Test
	@WithKeycloakUser(username = "canbo", roles = "official")
	void showsWhoTheApiSaysTheUserIsFetchedWithTheirAccessToken() {
		this.backend.answerApi((call) -> Reply.json(200, CANBO));

		navigate(HomeView.class);

		assertThat(text("home-greeting")).isEqualTo("Xin chào, Trần Thị Bình!");
		assertThat(text("me-display-name")).isEqualTo("Trần Thị Bình");
		assertThat(text("me-username")).isEqualTo("canbo");
		assertThat(text("me-roles")).isEqualTo("Cán bộ");
		assertThat(text("me-client-id")).isEqualTo("ydan-console");
		assertThat(this.backend.apiCalls()).singleElement().satisfies((call) -> {
			assertThat(call.authorization()).isEqualTo("Bearer access-1");
			assertThat(call.asks("me")).isTrue();
		});
		assertThat(find(Card.class).id("account")).isNotNull();
		assertThat(find(Card.class).withId("system-status").exists()).isFalse();
	}

	@Test
	@WithKeycloakUser(username = "quantri", givenName = "An", familyName = "Nguyễn Văn", roles = "admin")
	void showsTheSystemStatusToAdmins() {
		this.backend.answerApi((call) -> Reply.json(200, call.asks("systemStatus") ? STATUS : QUANTRI));

		navigate(HomeView.class);

		assertThat(text("me-roles")).isEqualTo("Quản trị viên");
		assertThat(text("status-version")).isEqualTo("0.1.0");
		assertThat(text("status-store-kind")).isEqualTo("Nhúng trong API (bản thay thế MongoDB, cho phát triển)");
		assertThat(text("status-store-status")).isEqualTo("Hoạt động");
		assertThat(text("status-store-collections")).isEqualTo("7");
		assertThat(text("status-started-at")).isEqualTo("22/11/2026 08:30:00");
	}

	@Test
	@WithKeycloakUser(username = "quantri", givenName = "An", familyName = "Nguyễn Văn", roles = "admin")
	void saysSoWhenTheApiRefusesTheSystemStatus() {
		this.backend
			.answerApi((call) -> call.asks("systemStatus") ? Reply.graphQl(200, FORBIDDEN) : Reply.json(200, QUANTRI));

		navigate(HomeView.class);

		assertThat(text("me-display-name")).isEqualTo("Nguyễn Văn An");
		assertThat(text("system-status-error")).isEqualTo("Bạn không có quyền xem nội dung này.");
	}

	@Test
	@WithKeycloakUser
	void saysTheApiIsUnreachableInsteadOfFailing() {
		this.backend.answerApi((call) -> Reply.hangUp());

		navigate(HomeView.class);

		assertThat(text("api-error")).isEqualTo("Không kết nối được tới máy chủ API. Vui lòng thử lại sau.");
		assertThat(find(Span.class).withId("me-display-name").exists()).isFalse();

		// Once the api is back, trying again shows the data without reloading the page.
		this.backend.answerApi((call) -> Reply.json(200, CANBO));
		test(find(Button.class).id("api-error-retry")).click();
		assertThat(text("me-display-name")).isEqualTo("Trần Thị Bình");
	}

	@Test
	@WithKeycloakUser
	void refreshesAnExpiredAccessTokenBeforeCallingTheApi() {
		TokensInSession.store(this.registrations, this.authorizedClients, "access-expired",
				Instant.now().minusSeconds(10), "refresh-1");
		this.backend.answerToken(Reply.json(200, """
				{"access_token":"access-2","token_type":"Bearer","expires_in":300,"refresh_token":"refresh-2"}"""));
		this.backend.answerApi((call) -> Reply.json(200, CANBO));

		navigate(HomeView.class);

		assertThat(text("me-display-name")).isEqualTo("Trần Thị Bình");
		assertThat(this.backend.tokenCalls()).singleElement()
			.extracting(Call::body)
			.asString()
			.contains("grant_type=refresh_token", "refresh_token=refresh-1");
		assertThat(this.backend.apiCalls()).singleElement()
			.extracting(Call::authorization)
			.isEqualTo("Bearer access-2");
	}

	@Test
	@WithKeycloakUser
	void asksToSignInAgainWhenKeycloakRejectsTheRefresh() {
		TokensInSession.store(this.registrations, this.authorizedClients, "access-expired",
				Instant.now().minusSeconds(10), "refresh-1");
		this.backend
			.answerToken(Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}"));

		navigate(HomeView.class);

		assertThat(text("api-error")).isEqualTo("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
		assertThat(this.backend.apiCalls()).isEmpty();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getText();
	}

}

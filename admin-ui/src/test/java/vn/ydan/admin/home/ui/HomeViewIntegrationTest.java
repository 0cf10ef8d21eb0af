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

	private static final String CONSULTATIONS = """
			{"data":{"consultations":[
			 {"id":"c-1","title":"Tây Hồ","status":"OPEN","statusName":"Đang lấy ý kiến","closesAt":"2025-04-20T17:00:00Z"},
			 {"id":"c-2","title":"Ba Đình","status":"CLOSED","statusName":"Đã kết thúc","closesAt":"2025-04-20T17:00:00Z"},
			 {"id":"c-0","title":"Đợt cũ","status":"PUBLISHED","statusName":"Đã công bố","closesAt":"2025-03-20T17:00:00Z"}]}}""";

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
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("me")).singleElement().satisfies((call) -> {
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
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("me"))
			.singleElement()
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

	@Test
	@WithKeycloakUser(username = "canbo", roles = "official")
	void anOfficialSeesTheirConsultationsAndPlansWithWhatWaitsInEach() {
		this.backend.answerApi((call) -> {
			if (call.runs("homeConsultations")) {
				return Reply.json(200, CONSULTATIONS);
			}
			if (call.runs("homePlans")) {
				return Reply.json(200,
						"""
								{"data":{"plans":[{"id":"p-1","title":"Sắp xếp Ba Đình","status":"DRAFT","statusName":"Dự thảo"},
								 {"id":"p-0","title":"Cũ","status":"IN_EFFECT","statusName":"Có hiệu lực"}]}}""");
			}
			return Reply.json(200, CANBO);
		});

		navigate(HomeView.class);

		assertThat(find(Component.class).id("home-consultation-c-2").getElement().getAttribute("href"))
			.isEqualTo("consultations/c-2");
		assertThat(find(Component.class).id("home-consultation-tallies-c-1").getElement().getAttribute("href"))
			.isEqualTo("consultations/c-1/tallies");
		assertThat(find(Card.class).id("home-consultations").getElement().getTextRecursively())
			.contains("Ba Đình · đã kết thúc: chờ xác nhận kết quả theo xã, huyện, tỉnh")
			.contains("Tây Hồ · đang lấy ý kiến: theo dõi kết quả trực tiếp")
			.doesNotContain("Đợt cũ");
		assertThat(find(Card.class).id("home-plans").getElement().getTextRecursively())
			.contains("Sắp xếp Ba Đình · dự thảo: hoàn thiện, kiểm tra và công bố")
			.doesNotContain("Cũ ·");
		assertThat(find(Card.class).withId("home-admin").exists()).isFalse();
		assertThat(find(Card.class).withId("home-clerk").exists()).isFalse();
	}

	@Test
	@WithKeycloakUser(username = "thuky", roles = "clerk")
	void aClerkGetsTheNextGroupToEnterInOneClick() {
		this.backend.answerApi((call) -> {
			if (call.runs("homeConsultations")) {
				return Reply.json(200, CONSULTATIONS);
			}
			if (call.runs("homeCommunes")) {
				return Reply.json(200, """
						{"data":{"consultation":{"results":{"communes":[
						 {"unit":{"id":"u-1","fullName":"Phường Phúc Xá"},"groups":2,"groupsReported":2},
						 {"unit":{"id":"u-4","fullName":"Phường Trúc Bạch"},"groups":3,"groupsReported":1}]}}}}""");
			}
			if (call.runs("homeGroups")) {
				return Reply.json(200,
						"""
								{"data":{"consultation":{"electorateGroups":[{"group":{"id":"g-1","fullName":"Tổ 1"}},
								 {"group":{"id":"g-2","fullName":"Tổ 2"}},{"group":{"id":"g-3","fullName":"Tổ 3"}}],
								 "tallies":[{"group":{"id":"g-1"},"state":"VERIFIED"},{"group":{"id":"g-2"},"state":"MISMATCH"}]}}}""");
			}
			return Reply.json(200,
					"""
							{"data":{"me":{"username":"thuky","displayName":"Lê Văn Cường","roles":["clerk"],"clientId":"ydan-console"}}}""");
		});

		navigate(HomeView.class);

		Component next = find(Component.class).id("home-next-c-1");
		assertThat(next.getElement().getText()).isEqualTo("Tổ tiếp theo cần nhập: Tổ 2, Phường Trúc Bạch");
		assertThat(next.getElement().getAttribute("href")).isEqualTo("consultations/c-1/tallies?commune=u-4&group=g-2");
		assertThat(find(Component.class).id("home-tallies-c-2").getElement().getAttribute("href"))
			.isEqualTo("consultations/c-2/tallies");
		assertThat(find(Card.class).withId("home-consultations").exists()).isFalse();
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("homePlans")).isEmpty();
	}

	@Test
	@WithKeycloakUser(username = "cutri", roles = "resident")
	void aResidentIsToldWhatTheyCanDoHereInsteadOfARefusal() {
		this.backend.answerApi((call) -> Reply.json(200,
				"""
						{"data":{"me":{"username":"cutri","displayName":"Phạm Thị Dung","roles":["resident"],"clientId":"ydan-console"}}}"""));

		navigate(HomeView.class);

		assertThat(find(Card.class).id("home-elsewhere").getElement().getTextRecursively())
			.contains("trang của cử tri");
		assertThat(find(Component.class).id("home-resident-page").getElement().getAttribute("href"))
			.isEqualTo("cu-tri");
		assertThat(this.backend.apiCalls()).singleElement().satisfies((call) -> assertThat(call.runs("me")).isTrue());
	}

	@Test
	@WithKeycloakUser(username = "quantri", givenName = "An", familyName = "Nguyễn Văn", roles = "admin")
	void anAdminReachesUsersPartnerAppsAndTheAuditCheckInOneClick() {
		this.backend.answerApi((call) -> Reply.json(200,
				call.asks("systemStatus") ? STATUS
						: call.runs("homeConsultations") ? "{\"data\":{\"consultations\":[]}}"
								: call.runs("homePlans") ? "{\"data\":{\"plans\":[]}}" : QUANTRI));

		navigate(HomeView.class);

		assertThat(find(Component.class).id("home-admin-users").getElement().getAttribute("href"))
			.isEqualTo("access/users");
		assertThat(find(Component.class).id("home-admin-partners").getElement().getAttribute("href"))
			.isEqualTo("access/partner-apps");
		assertThat(find(Component.class).id("home-admin-audit").getElement().getAttribute("href")).isEqualTo("audit");
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getText();
	}

}

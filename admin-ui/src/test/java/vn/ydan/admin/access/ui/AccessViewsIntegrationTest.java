package vn.ydan.admin.access.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.access.PartnerApp;
import vn.ydan.admin.access.Role;
import vn.ydan.admin.access.UserAccount;
import vn.ydan.admin.home.ui.HomeView;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admins' screens for users and partner apps against a fake api: what the console
 * sends, and how it shows the answers (the secret once, LAST_ADMIN, Keycloak down).
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser(username = "quantri", givenName = "An", familyName = "Nguyễn Văn", roles = "admin")
class AccessViewsIntegrationTest extends SpringBrowserlessTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String THUKY = """
			{"id":"u-thuky","username":"thuky","displayName":"Lê Văn Cường","firstName":"Cường","lastName":"Lê Văn",
			 "email":"thuky@ydan.example","enabled":true,"roles":["CLERK"],"household":null,"scope":[],
			 "effectivePermissions":["Thư ký chưa được giao xã nào: chưa được nhập kết quả ở đâu"]}""";

	private static final String THUKY_ASSIGNED = """
			{"id":"u-thuky","username":"thuky","displayName":"Lê Văn Cường","firstName":"Cường","lastName":"Lê Văn",
			 "email":"thuky@ydan.example","enabled":true,"roles":["CLERK"],"household":null,
			 "scope":[{"id":"VW5pdDp0cnVjLWJhY2g","code":"00004","fullName":"Phường Trúc Bạch","level":"COMMUNE",
			   "ancestors":[{"fullName":"Quận Ba Đình"}]}],
			 "effectivePermissions":["Nhập kết quả và thêm tổ dân phố, thôn của: Phường Trúc Bạch (chỉ các xã này)"]}""";

	private static final String QUANTRI = """
			{"id":"u-quantri","username":"quantri","displayName":"Nguyễn Văn An","enabled":true,"roles":["ADMIN"],
			 "household":null,"scope":[],"effectivePermissions":[]}""";

	private final FakeBackend backend = FakeBackend.shared();

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-1", Instant.now().plusSeconds(300),
				"refresh-1");
	}

	@Test
	void adminGivesAClerkACommuneFoundWithoutDiacritics() {
		java.util.concurrent.atomic.AtomicBoolean saved = new java.util.concurrent.atomic.AtomicBoolean();
		answer((call) -> {
			if (call.runs("accessUsers")) {
				// After the change, the list is read again: the api has the new scope.
				return saved.get() ? users(THUKY_ASSIGNED, QUANTRI) : users(THUKY, QUANTRI);
			}
			if (call.runs("scopeUnitSearch")) {
				return Reply.json(200,
						"""
								{"data":{"units":{"edges":[
								 {"node":{"id":"VW5pdDp0cnVjLWJhY2g","code":"00004","fullName":"Phường Trúc Bạch","level":"COMMUNE",
								  "ancestors":[{"fullName":"Quận Ba Đình"},{"fullName":"Thành phố Hà Nội"}]}},
								 {"node":{"id":"VW5pdDp0by0x","code":null,"fullName":"Tổ dân phố Trúc Bạch 1","level":"RESIDENTIAL_GROUP",
								  "ancestors":[]}}]}}}""");
			}
			if (call.runs("setUserRoles")) {
				saved.set(true);
				return Reply.json(200,
						"{\"data\":{\"setUserRoles\":{\"user\":" + THUKY_ASSIGNED + ",\"userErrors\":[]}}}");
			}
			return Reply.json(200, "{\"data\":null}");
		});
		navigate(UsersView.class);
		select("thuky");
		assertThat(text("access-user-scope")).contains("Chưa được giao đơn vị nào");

		test(find(TextField.class).id("access-scope-search")).setValue("truc bach");
		test(find(Button.class).id("access-scope-search-button")).click();
		assertThat(find(Button.class).withId("access-scope-add-00004").exists()).isTrue();
		// Residential groups are not scopes.
		assertThat(text("access-scope-results")).doesNotContain("Tổ dân phố");
		test(find(Button.class).id("access-scope-add-00004")).click();
		test(find(Button.class).id("access-user-save")).click();

		Call save = this.backend.apiCalls()
			.stream()
			.filter((call) -> call.runs("setUserRoles"))
			.findFirst()
			.orElseThrow();
		assertThat(save.authorization()).isEqualTo("Bearer access-1");
		assertThat(input(save)).containsEntry("userId", "u-thuky")
			.containsEntry("roles", List.of("CLERK"))
			.containsEntry("scopeUnitIds", List.of("VW5pdDp0cnVjLWJhY2g"));
		assertThat(this.backend.apiCalls()
			.stream()
			.filter((call) -> call.runs("scopeUnitSearch"))
			.findFirst()
			.orElseThrow()
			.body()).contains("truc bach");
		assertThat(text("access-user-message")).startsWith("Đã lưu.");
		assertThat(text("access-user-permissions")).contains("Phường Trúc Bạch");
		assertThat(text("access-user-scope")).contains("Phường Trúc Bạch");
	}

	@Test
	void theApisRefusalIsShownInItsWords() {
		answer((call) -> {
			if (call.runs("accessUsers")) {
				return users(QUANTRI);
			}
			if (call.runs("setUserRoles")) {
				return Reply.json(200,
						"""
								{"data":{"setUserRoles":{"user":null,"userErrors":[{"field":["input","roles"],"code":"LAST_ADMIN",
								 "message":"Đây là quản trị viên cuối cùng còn hoạt động: hãy giao vai trò quản trị cho người khác trước"}]}}}""");
			}
			return Reply.json(200, "{\"data\":null}");
		});
		navigate(UsersView.class);
		select("quantri");
		@SuppressWarnings("unchecked")
		CheckboxGroup<Role> roles = find(CheckboxGroup.class).id("access-user-roles");
		roles.setValue(java.util.Set.of(Role.OFFICIAL));
		test(find(Button.class).id("access-user-save")).click();

		assertThat(text("access-user-message")).contains("quản trị viên cuối cùng");
	}

	@Test
	void keycloakDownIsExplained() {
		answer((call) -> {
			if (call.runs("accessUsers")) {
				return users(THUKY);
			}
			if (call.runs("setUserEnabled")) {
				return Reply.graphQl(200,
						"""
								{"errors":[{"message":"Không kết nối được Keycloak tại http://127.0.0.1:8180 (quá 2000 ms hoặc bị từ chối).",
								 "path":["setUserEnabled"],"extensions":{"code":"KEYCLOAK_UNAVAILABLE","classification":"INTERNAL_ERROR"}}],
								 "data":null}""");
			}
			return Reply.json(200, "{\"data\":null}");
		});
		navigate(UsersView.class);
		select("thuky");
		test(find(Button.class).id("access-user-enabled")).click();
		ConfirmDialog confirm = find(ConfirmDialog.class).id("access-user-disable-confirm");
		assertThat(confirm.getElement().getProperty("header")).isEqualTo("Khoá tài khoản thuky?");
		test(confirm).confirm();

		assertThat(text("access-user-message")).contains("Không kết nối được Keycloak");
	}

	@Test
	void aRegisteredAppsSecretIsShownOnceWithAWarning() {
		answer((call) -> {
			if (call.runs("partnerApps")) {
				return Reply.json(200, "{\"data\":{\"partnerApps\":[]}}");
			}
			if (call.runs("registerPartnerApp")) {
				return Reply.json(200,
						"""
								{"data":{"registerPartnerApp":{"app":{"id":"c-1","clientId":"partner-bao-moi-a1b2c3","name":"Báo Mới",
								 "description":null,"enabled":true,"residentAnswers":false,"redirectUris":[]},
								 "secret":"s3cr3t-value","userErrors":[]}}}""");
			}
			return Reply.json(200, "{\"data\":null}");
		});
		navigate(PartnerAppsView.class);
		test(find(TextField.class).id("partner-app-name")).setValue("Báo Mới");
		test(find(Button.class).id("partner-app-register")).click();

		Call register = this.backend.apiCalls()
			.stream()
			.filter((call) -> call.runs("registerPartnerApp"))
			.findFirst()
			.orElseThrow();
		assertThat(input(register)).containsEntry("name", "Báo Mới").containsEntry("residentAnswers", false);
		assertThat(find(Dialog.class).id("partner-secret-dialog").isOpened()).isTrue();
		assertThat(find(TextField.class).id("partner-secret").getValue()).isEqualTo("s3cr3t-value");
		assertThat(find(TextField.class).id("partner-secret-client-id").getValue()).isEqualTo("partner-bao-moi-a1b2c3");
		assertThat(find(Paragraph.class).id("partner-secret-warning").getText()).contains("chỉ hiện một lần");
		test(find(Button.class).id("partner-secret-close")).click();
		assertThat(find(Dialog.class).withId("partner-secret-dialog").exists()).isFalse();
	}

	@Test
	@WithKeycloakUser(username = "canbo", roles = "official")
	void officialsAreNotOfferedTheAdminScreens() {
		navigate(HomeView.class);

		assertThat(find(SideNavItem.class).withId("nav-access-users").exists()).isFalse();
		UI.getCurrent().navigate(UsersView.class);
		assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
		UI.getCurrent().navigate(PartnerAppsView.class);
		assertThat(getCurrentView()).isNotInstanceOf(PartnerAppsView.class);
	}

	@Test
	void adminsFindThemInTheNavigation() {
		navigate(HomeView.class);

		assertThat(find(SideNavItem.class).id("nav-access-users").getLabel()).isEqualTo("Người dùng và vai trò");
		assertThat(find(SideNavItem.class).id("nav-access-partner-apps").getLabel()).isEqualTo("Ứng dụng đối tác");
	}

	@SuppressWarnings("unchecked")
	private void select(String username) {
		Grid<UserAccount> grid = find(Grid.class).id("access-users-grid");
		UserAccount user = grid.getGenericDataView()
			.getItems()
			.filter((item) -> item.username().equals(username))
			.findFirst()
			.orElseThrow();
		grid.select(user);
	}

	private String text(String id) {
		return find(com.vaadin.flow.component.Component.class).id(id).getElement().getTextRecursively();
	}

	private void answer(java.util.function.Function<Call, Reply> answer) {
		this.backend.answerApi(answer);
	}

	private static Reply users(String... users) {
		StringBuilder edges = new StringBuilder();
		for (String user : users) {
			edges.append((edges.length() > 0) ? "," : "").append("{\"node\":").append(user).append('}');
		}
		return Reply.json(200,
				"{\"data\":{\"users\":{\"totalCount\":" + users.length + ",\"edges\":[" + edges + "]}}}");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> input(Call call) {
		Map<String, Object> body = JSON.readValue(call.body(), Map.class);
		return (Map<String, Object>) ((Map<String, Object>) body.get("variables")).get("input");
	}

	static Class<?>[] unused() {
		return new Class<?>[] { Span.class, UnorderedList.class, PartnerApp.class };
	}

}

package vn.ydan.api.access;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.GraphQlHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, roles, scopes and partner apps changed through the api's mutations, against the
 * real Keycloak: what the admin sets is what the next token carries, and what the api
 * then allows.
 */
class UserAdministrationKeycloakIntegrationTest extends KeycloakApiTest {

	private static final String UNITS = """
			code,name,full_name,type
			01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương
			""";

	private static final String DISTRICTS = """
			code,name,full_name,type,province_code
			001,Ba Đình,Quận Ba Đình,quận,01
			""";

	private static final String COMMUNES = """
			code,name,full_name,type,district_code,province_code
			00001,Phúc Xá,Phường Phúc Xá,phường,001,01
			00004,Trúc Bạch,Phường Trúc Bạch,phường,001,01
			""";

	static final String USER_FIELDS = "id username displayName enabled roles scope { id fullName } scopeEntries household effectivePermissions";

	private String admin;

	@BeforeEach
	void registry() {
		this.admin = passwordToken("ydan-test", "quantri");
		importUnits("PROVINCES", UNITS);
		importUnits("DISTRICTS", DISTRICTS);
		importUnits("COMMUNES", COMMUNES);
	}

	@Test
	void adminGivesAClerkACommuneAndTheClerksNextTokenActsThereOnly() {
		String thuky = userId("thuky");
		String trucBach = communeId("00004");

		Response set = this.api.query("""
				mutation($input: SetUserRolesInput!) {
				  setUserRoles(input: $input) { user { %s } userErrors { code message } }
				}""".formatted(USER_FIELDS),
				Map.of("input", Map.of("userId", thuky, "roles", List.of("CLERK"), "scopeUnitIds", List.of(trucBach))),
				this.admin);

		assertThat(set.<List<Object>>read("$.data.setUserRoles.userErrors")).as(set.toString()).isEmpty();
		assertThat(set.<List<String>>read("$.data.setUserRoles.user.roles")).containsExactly("CLERK");
		assertThat(set.<List<String>>read("$.data.setUserRoles.user.scope[*].fullName"))
			.containsExactly("Phường Trúc Bạch");
		assertThat(set.<List<String>>read("$.data.setUserRoles.user.effectivePermissions"))
			.anyMatch((permission) -> permission.contains("Phường Trúc Bạch") && permission.contains("Nhập kết quả"));

		String clerk = passwordToken("ydan-test", "thuky");
		assertThat(addGroup(clerk, trucBach).<List<Object>>read("$.data.addResidentialGroup.userErrors")).isEmpty();
		Response elsewhere = addGroup(clerk, communeId("00001"));
		assertThat(elsewhere.<String>read("$.errors[0].extensions.code")).as(elsewhere.toString())
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void usersAreSearchedWithTheirRolesAndScopeAsUnits() {
		Response response = this.api
			.query("""
					{ users(search: "canbo", first: 5) { totalCount edges { cursor node { %s } } pageInfo { hasNextPage } } }"""
				.formatted(USER_FIELDS), this.admin);

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<Integer>read("$.data.users.totalCount")).isEqualTo(1);
		assertThat(response.<String>read("$.data.users.edges[0].node.displayName")).isEqualTo("Trần Thị Bình");
		assertThat(response.<List<String>>read("$.data.users.edges[0].node.roles")).containsExactly("OFFICIAL");
		assertThat(response.<List<String>>read("$.data.users.edges[0].node.scope[*].fullName"))
			.containsExactly("Thành phố Hà Nội");
	}

	@Test
	void createdUsersGetTheirRolesScopeAndHousehold() {
		String username = "thu-" + UUID.randomUUID().toString().substring(0, 8);

		Response created = this.api.query(
				"""
						mutation($input: CreateUserInput!) { createUser(input: $input) { user { %s } userErrors { code } } }"""
					.formatted(USER_FIELDS),
				Map.of("input",
						Map.of("username", username, "firstName", "Hoa", "lastName", "Đỗ Thị", "temporaryPassword",
								"tam-thoi-2025", "roles", List.of("RESIDENT"), "household", "ho-00004-0099")),
				this.admin);

		assertThat(created.<List<Object>>read("$.data.createUser.userErrors")).as(created.toString()).isEmpty();
		assertThat(created.<String>read("$.data.createUser.user.displayName")).isEqualTo("Đỗ Thị Hoa");
		assertThat(created.<List<String>>read("$.data.createUser.user.roles")).containsExactly("RESIDENT");
		assertThat(created.<String>read("$.data.createUser.user.household")).isEqualTo("ho-00004-0099");

		// Audited, without the password.
		Response audit = this.api
			.query("""
					{ auditEntries(first: 20, filter: { kind: "mutation:createUser" }) { edges { node { actor input outcome } } } }""",
					this.admin);
		List<String> inputs = audit.read("$.data.auditEntries.edges[*].node.input");
		assertThat(inputs).as(audit.toString()).anyMatch((input) -> input.contains(username));
		assertThat(inputs).noneMatch((input) -> input.contains("tam-thoi-2025"));

		Response again = this.api.query(
				"mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } userErrors { code } } }",
				Map.of("input", Map.of("username", username)), this.admin);
		assertThat(again.<List<String>>read("$.data.createUser.userErrors[*].code")).as(again.toString())
			.containsExactly("USERNAME_TAKEN");
	}

	@Test
	void theLastAdminCannotRemoveTheirAdminRoleNorDisableThemselves() {
		String quantri = userId("quantri");

		Response demote = this.api
			.query("""
					mutation($input: SetUserRolesInput!) { setUserRoles(input: $input) { user { id } userErrors { code } } }""",
					Map.of("input", Map.of("userId", quantri, "roles", List.of("OFFICIAL"))), this.admin);
		Response disable = this.api
			.query("""
					mutation($input: SetUserEnabledInput!) { setUserEnabled(input: $input) { user { id } userErrors { code } } }""",
					Map.of("input", Map.of("userId", quantri, "enabled", false)), this.admin);

		assertThat(demote.<List<String>>read("$.data.setUserRoles.userErrors[*].code")).as(demote.toString())
			.containsExactly("LAST_ADMIN");
		assertThat(disable.<List<String>>read("$.data.setUserEnabled.userErrors[*].code")).as(disable.toString())
			.containsExactly("SELF_DISABLE");
		Response me = this.api.query("{ me { roles } }", passwordToken("ydan-test", "quantri"));
		assertThat(me.<List<String>>read("$.data.me.roles")).containsExactly("admin");
	}

	@Test
	void usersCannotSetTheirOwnScopeThroughKeycloaksAccountApi() throws Exception {
		String token = passwordToken("ydan-test", "canbo");
		String body = """
				{"username":"canbo","firstName":"Bình","lastName":"Trần Thị","email":"canbo@ydan.example",
				 "attributes":{"ydan_scope":["79"],"locale":["vi"]}}""";
		HttpResponse<String> update = http
			.send(HttpRequest.newBuilder(URI.create(KEYCLOAK_URL + "/realms/ydan/account/"))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());

		// Keycloak either refuses the request or ignores the attribute it may not edit.
		String again = passwordToken("ydan-test", "canbo");
		String claims = new String(java.util.Base64.getUrlDecoder().decode(again.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<String>>read(claims, "$.ydan_scope"))
			.as("account API answered %d %s", update.statusCode(), update.body())
			.containsExactly("01");
	}

	@Test
	void nonAdminsMayNotManageUsers() {
		Response response = this.api.query("{ users { totalCount } }", passwordToken("ydan-test", "canbo"));

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void aRegisteredPartnerAppReadsTheApiWithItsSecretUntilRotatedOrDisabled() {
		Response registered = this.api.query(
				"""
						mutation($input: RegisterPartnerAppInput!) {
						  registerPartnerApp(input: $input) { app { id clientId name enabled residentAnswers } secret userErrors { code } }
						}""",
				Map.of("input", Map.of("name", "Báo Tin Tức Thử", "description", "Trang tin thử nghiệm")), this.admin);
		assertThat(registered.<List<Object>>read("$.data.registerPartnerApp.userErrors")).as(registered.toString())
			.isEmpty();
		String id = registered.read("$.data.registerPartnerApp.app.id");
		String clientId = registered.read("$.data.registerPartnerApp.app.clientId");
		String secret = registered.read("$.data.registerPartnerApp.secret");
		assertThat(clientId).startsWith("partner-bao-tin-tuc-thu-");

		Response me = this.api.query("{ me { roles clientId } }", clientCredentials(clientId, secret));
		assertThat(me.<List<String>>read("$.data.me.roles")).as(me.toString()).containsExactly("partner");
		assertThat(me.<String>read("$.data.me.clientId")).isEqualTo(clientId);
		Response listed = this.api.query("{ partnerApps { id clientId } }", this.admin);
		assertThat(listed.<List<String>>read("$.data.partnerApps[*].clientId")).contains(clientId);

		Response rotated = this.api
			.query("""
					mutation($input: PartnerAppIdInput!) { rotatePartnerAppSecret(input: $input) { secret userErrors { code } } }""",
					Map.of("input", Map.of("id", id)), this.admin);
		String newSecret = rotated.read("$.data.rotatePartnerAppSecret.secret");
		assertThat(newSecret).as(rotated.toString()).isNotBlank().isNotEqualTo(secret);
		assertThat(tokenStatus(clientId, secret)).isEqualTo(401);
		assertThat(tokenStatus(clientId, newSecret)).isEqualTo(200);

		Response disabled = this.api
			.query("""
					mutation($input: SetPartnerAppEnabledInput!) { setPartnerAppEnabled(input: $input) { app { enabled } secret } }""",
					Map.of("input", Map.of("id", id, "enabled", false)), this.admin);
		assertThat(disabled.<Boolean>read("$.data.setPartnerAppEnabled.app.enabled")).as(disabled.toString()).isFalse();
		assertThat(disabled.<String>read("$.data.setPartnerAppEnabled.secret")).isNull();
		assertThat(tokenStatus(clientId, newSecret)).isNotEqualTo(200);
	}

	@Test
	void theConsolesOwnClientIsNotAPartnerAppToRotate() {
		String consoleId = keycloakClientId("ydan-console");

		Response response = this.api
			.query("""
					mutation($input: PartnerAppIdInput!) { rotatePartnerAppSecret(input: $input) { secret userErrors { code } } }""",
					Map.of("input", Map.of("id", consoleId)), this.admin);

		assertThat(response.<List<String>>read("$.data.rotatePartnerAppSecret.userErrors[*].code"))
			.as(response.toString())
			.containsExactly("NOT_FOUND");
		assertThat(response.<String>read("$.data.rotatePartnerAppSecret.secret")).isNull();
	}

	private Response addGroup(String token, String communeId) {
		return this.api.query("""
				mutation($input: AddResidentialGroupInput!) {
				  addResidentialGroup(input: $input) { unit { id } userErrors { code } }
				}""", Map.of("input", Map.of("communeId", communeId, "name",
				"Tổ thử " + UUID.randomUUID().toString().substring(0, 8), "type", "TO_DAN_PHO", "households", 3)),
				token);
	}

	private String userId(String username) {
		Response response = this.api.query("query($s: String) { users(search: $s) { edges { node { id username } } } }",
				Map.of("s", username), this.admin);
		List<String> ids = response.read("$.data.users.edges[?(@.node.username == '" + username + "')].node.id");
		assertThat(ids).as(response.toString()).hasSize(1);
		return ids.get(0);
	}

	private String communeId(String code) {
		Response response = this.api.query("query($code: String!) { unitByCode(code: $code, level: COMMUNE) { id } }",
				Map.of("code", code), null);
		return response.read("$.data.unitByCode.id");
	}

	@Test
	void aPartnerAppIsMadeWithTheRolesItWasGrantedConsentAndNoOfflineAccess() {
		Response registered = this.api.query("""
				mutation($input: RegisterPartnerAppInput!) {
				  registerPartnerApp(input: $input) { app { id clientId residentAnswers } secret userErrors { code } }
				}""", Map.of("input", Map.of("name", "Ứng dụng cư dân thử", "residentAnswers", true, "redirectUris",
				List.of("https://cu-dan.example.vn/dang-nhap"))), this.admin);
		assertThat(registered.<List<Object>>read("$.data.registerPartnerApp.userErrors")).as(registered.toString())
			.isEmpty();
		String id = registered.read("$.data.registerPartnerApp.app.id");

		String client = keycloakAdmin("GET", "/clients/" + id, null).body();
		assertThat(JsonPath.<Boolean>read(client, "$.fullScopeAllowed")).as(client).isFalse();
		assertThat(JsonPath.<Boolean>read(client, "$.consentRequired")).isTrue();
		assertThat(JsonPath.<Boolean>read(client, "$.directAccessGrantsEnabled")).isFalse();
		assertThat(JsonPath.<List<String>>read(client, "$.optionalClientScopes")).doesNotContain("offline_access");
		assertThat(JsonPath.<List<String>>read(client, "$.defaultClientScopes")).doesNotContain("offline_access");
		assertThat(JsonPath.<List<String>>read(client,
				"$.protocolMappers[?(@.protocolMapper == 'oidc-hardcoded-role-mapper')].config.role"))
			.containsExactlyInAnyOrder("partner", "resident");

		// Its own token (client credentials) carries what the app was granted, nothing
		// of its service account's realm roles beyond them.
		String secret = registered.read("$.data.registerPartnerApp.secret");
		String token = clientCredentials(registered.read("$.data.registerPartnerApp.app.clientId"), secret);
		String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<String>>read(claims, "$.realm_access.roles")).as(claims)
			.containsExactlyInAnyOrder("partner", "resident");
		Response me = this.api.query("{ me { roles } }", token);
		assertThat(me.<List<String>>read("$.data.me.roles")).as(me.toString()).containsExactly("resident", "partner");
	}

	private void importUnits(String kind, String csv) {
		Response response = this.api.query(
				"mutation($input: UnitImportInput!) { importUnits(input: $input) { errors { message } } }",
				Map.of("input", Map.of("kind", kind, "csv", csv)), this.admin);
		assertThat(response.<List<Object>>read("$.data.importUnits.errors")).as(response.toString()).isEmpty();
	}

	static String clientCredentials(String clientId, String secret) {
		return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	private static int tokenStatus(String clientId, String secret) {
		try {
			String body = "grant_type=client_credentials&client_id=" + clientId + "&client_secret="
					+ java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
			return http
				.send(HttpRequest.newBuilder(URI.create(KEYCLOAK_URL + "/realms/ydan/protocol/openid-connect/token"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Keycloak's internal id of a client, asked as the role manager. */
	private static String keycloakClientId(String clientId) {
		String token = clientCredentials("ydan-role-manager", "ydan-role-manager-dev-secret");
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(KEYCLOAK_URL + "/admin/realms/ydan/clients?clientId=" + clientId))
						.header("Authorization", "Bearer " + token)
						.build(),
					HttpResponse.BodyHandlers.ofString());
			return JsonPath.read(response.body(), "$[0].id");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

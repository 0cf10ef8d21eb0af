package vn.ydan.api.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlHttp.Response;
import vn.ydan.api.LocalIssuer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak failing while an admin changes a user: a clear {@code KEYCLOAK_UNAVAILABLE}
 * error, fast, and nothing half-done (the calls already made are undone, or the message
 * says what is left).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KeycloakFaultsIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final FakeKeycloakAdmin keycloak = new FakeKeycloakAdmin();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final String SET_ROLES = """
			mutation($input: SetUserRolesInput!) {
			  setUserRoles(input: $input) { user { roles scopeEntries } userErrors { code } }
			}""";

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	@LocalServerPort
	private int port;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.keycloak.admin.url", keycloak::url);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.enabled", () -> "false");
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
		keycloak.reset();
	}

	@Test
	void rolesAndScopeSetTogetherAreUndoneWhenTheScopeCannotBeWritten() {
		String user = keycloak.addUser("canbo", List.of("official"), List.of("some-unit"));
		keycloak.failWhen = (call) -> call.equals("PUT /users/" + user);

		Response response = this.api.query(SET_ROLES,
				Map.of("input", Map.of("userId", user, "roles", List.of("CLERK"), "scopeUnitIds", List.of())),
				this.admin);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("KEYCLOAK_UNAVAILABLE");
		assertThat(response.<String>read("$.errors[0].message")).contains("đã hoàn tác");
		assertThat(keycloak.roles.get(user)).containsExactly("official");
		assertThat(keycloak.calls).contains("POST /users/" + user + "/role-mappings/realm",
				"DELETE /users/" + user + "/role-mappings/realm");
	}

	@Test
	void whenTheUndoFailsTooTheMessageSaysWhatIsLeft() {
		String user = keycloak.addUser("canbo", List.of("official"), List.of("some-unit"));
		keycloak.failWhen = (call) -> call.equals("PUT /users/" + user)
				|| (call.startsWith("POST /users/" + user + "/role-mappings")
						&& keycloak.roles.get(user).contains("clerk"));

		Response response = this.api.query(SET_ROLES,
				Map.of("input", Map.of("userId", user, "roles", List.of("CLERK"), "scopeUnitIds", List.of())),
				this.admin);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("KEYCLOAK_UNAVAILABLE");
		assertThat(response.<String>read("$.errors[0].message")).contains("không hoàn tác được");
	}

	@Test
	void keycloaksOwnRefusalTextIsNotShownToTheCaller() {
		String user = keycloak.addUser("canbo", List.of("official"), List.of());
		keycloak.rejectWhen = (call) -> call.equals("PUT /users/" + user + "/reset-password");

		Response response = this.api.query("""
				mutation($input: SetTemporaryPasswordInput!) {
				  setTemporaryPassword(input: $input) { userErrors { code message } }
				}""", Map.of("input", Map.of("userId", user, "password", "mat-khau-tam-1")), this.admin);

		assertThat(response.<String>read("$.data.setTemporaryPassword.userErrors[0].code")).as(response.toString())
			.isEqualTo("PASSWORD_REJECTED");
		assertThat(response.<String>read("$.data.setTemporaryPassword.userErrors[0].message"))
			.startsWith("Keycloak từ chối mật khẩu")
			.doesNotContain("org.keycloak")
			.doesNotContain("/opt/keycloak");
	}

	@Test
	void anUndoneChangeDoesNotShowTheInternalFailure() {
		String user = keycloak.addUser("canbo", List.of("official"), List.of("some-unit"));
		keycloak.failWhen = (call) -> call.equals("PUT /users/" + user);

		Response response = this.api.query(SET_ROLES,
				Map.of("input", Map.of("userId", user, "roles", List.of("CLERK"), "scopeUnitIds", List.of())),
				this.admin);

		assertThat(response.<String>read("$.errors[0].message")).as(response.toString())
			.contains("đã hoàn tác")
			.doesNotContain("/users/")
			.doesNotContain(user);
	}

	@Test
	void aUserWhoseRolesCannotBeGivenIsNotLeftBehind() {
		keycloak.failWhen = (call) -> call.matches("POST /users/.+/role-mappings/realm");

		Response response = this.api.query("""
				mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } userErrors { code } } }""",
				Map.of("input", Map.of("username", "nguoimoi", "roles", List.of("OFFICIAL"))), this.admin);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("KEYCLOAK_UNAVAILABLE");
		assertThat(keycloak.users).isEmpty();
		assertThat(keycloak.calls).anyMatch((call) -> call.startsWith("DELETE /users/"));
	}

	@Test
	void aKeycloakThatDoesNotAnswerFailsTheChangeWithinTheTimeout() {
		String user = keycloak.addUser("canbo", List.of("official"), List.of());
		// The first request of a fresh context is slow (JWKS, warm-up): not what is
		// timed.
		this.api.query("{ me { username } }", this.admin);
		keycloak.hang = true;
		Instant start = Instant.now();

		Response response = this.api.query(SET_ROLES,
				Map.of("input", Map.of("userId", user, "roles", List.of("CLERK"))), this.admin);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("KEYCLOAK_UNAVAILABLE");
		assertThat(response.<String>read("$.errors[0].message")).contains("Không kết nối được Keycloak");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
		assertThat(keycloak.roles.get(user)).isEqualTo(Set.of("official"));
	}

	@Test
	void aKeycloakInTroubleIsReportedAsUnavailable() {
		keycloak.failWhen = (call) -> true;

		Response response = this.api.query("{ users { totalCount } }", this.admin);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("KEYCLOAK_UNAVAILABLE");
		assertThat(response.<Object>read("$.data")).isNull();
	}

}

package vn.ydan.api.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The realm to deploy, {@code keycloak-realm/ydan-realm-production.json}, ships nothing
 * open (decision 13), and is the development realm ({@code ydan-realm.json}, which
 * {@code ./ydan run} and the tests import) minus its development-only parts plus the
 * production settings: {@link #production} says which, so that the two cannot drift. When
 * the development realm changes, the expected production realm is written to
 * {@code target/ydan-realm-production.expected.json} and this test fails until the file
 * is updated.
 */
class ProductionRealmUnitTest {

	private static final Path DEVELOPMENT = Path.of("../keycloak-realm/ydan-realm.json");

	private static final Path PRODUCTION = Path.of("../keycloak-realm/ydan-realm-production.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** Clients and users of the development realm only. */
	static final Set<String> DEVELOPMENT_CLIENTS = Set.of("ydan-test", "ydan-test-no-audience", "ydan-demo-partner");

	static final String CONSOLE_URL = "${YDAN_CONSOLE_URL}";

	static final String PASSWORD_POLICY = "length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(3)";

	@Test
	void theProductionRealmIsTheDevelopmentRealmMinusItsDevelopmentParts() throws IOException {
		Map<String, Object> expected = production(read(DEVELOPMENT));
		Map<String, Object> actual = read(PRODUCTION);
		if (!expected.equals(actual)) {
			Path written = Path.of("target/ydan-realm-production.expected.json");
			Files.createDirectories(written.getParent());
			JSON.writeValue(written.toFile(), expected);
			fail("%s is not the development realm made production (%s): if the change of the development "
					+ "realm is meant for production too, replace it with %s", PRODUCTION, getClass().getSimpleName(),
					written.toAbsolutePath());
		}
	}

	@Test
	void noTestClientsNoDemoUsersOnlyPlaceholderSecrets() throws IOException {
		Map<String, Object> realm = read(PRODUCTION);
		for (Map<String, Object> client : list(realm, "clients")) {
			String id = (String) client.get("clientId");
			assertThat(id).as("client").doesNotContain("test").doesNotContain("demo");
			assertThat(client.get("directAccessGrantsEnabled")).as(id + ": password grant").isNotEqualTo(true);
			assertThat(client.get("implicitFlowEnabled")).as(id + ": implicit flow").isNotEqualTo(true);
			if (client.containsKey("secret")) {
				assertThat((String) client.get("secret")).as(id + ": secret").matches("\\$\\{[A-Z_]+}");
			}
		}
		for (Map<String, Object> user : list(realm, "users")) {
			assertThat(user).as("users: service accounts only").containsKey("serviceAccountClientId");
			assertThat(user).as("no passwords").doesNotContainKey("credentials");
		}
	}

	@Test
	void redirectUrisAreExact() throws IOException {
		for (Map<String, Object> client : list(read(PRODUCTION), "clients")) {
			List<String> uris = new ArrayList<>(strings(client.get("redirectUris")));
			if (client.get("attributes") instanceof Map<?, ?> attributes
					&& attributes.get("post.logout.redirect.uris") instanceof String logout) {
				uris.addAll(List.of(logout.split("##")));
			}
			for (String uri : uris) {
				assertThat(uri).as(client.get("clientId") + " redirect").doesNotContain("*").startsWith(CONSOLE_URL);
			}
			assertThat(strings(client.get("webOrigins"))).as("web origins").allMatch(CONSOLE_URL::equals);
		}
	}

	@Test
	void passwordsRefreshTokensOfflineAccessAndLockoutAreTuned() throws IOException {
		Map<String, Object> realm = read(PRODUCTION);
		assertThat(realm.get("sslRequired")).isEqualTo("all");
		assertThat(realm.get("passwordPolicy")).isEqualTo(PASSWORD_POLICY);
		assertThat(realm.get("revokeRefreshToken")).isEqualTo(true);
		assertThat(realm.get("refreshTokenMaxReuse")).isEqualTo(0);
		assertThat(realm.get("bruteForceProtected")).isEqualTo(true);
		assertThat(realm.get("permanentLockout")).isEqualTo(false);
		assertThat((Integer) realm.get("failureFactor")).isBetween(3, 10);
		assertThat((Integer) realm.get("waitIncrementSeconds")).isGreaterThanOrEqualTo(60);
		assertThat((Integer) realm.get("maxFailureWaitSeconds")).isGreaterThanOrEqualTo(900);
		Map<String, Object> roles = map(realm.get("roles"));
		Map<String, Object> defaults = list(roles, "realm").stream()
			.filter((role) -> "default-roles-ydan".equals(role.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat(strings(map(defaults.get("composites")).get("realm"))).doesNotContain("offline_access");
		for (Map<String, Object> client : list(realm, "clients")) {
			assertThat(strings(client.get("optionalClientScopes"))).as(client.get("clientId") + " optional scopes")
				.doesNotContain("offline_access");
			assertThat(strings(client.get("defaultClientScopes"))).doesNotContain("offline_access");
		}
	}

	/**
	 * The development realm made production: without the test and demo clients and the
	 * demo users; secrets and the console's address from the environment at import; exact
	 * redirect URIs; a password policy; refresh tokens rotated and used once; no offline
	 * access by default; a tuned brute-force lockout; TLS everywhere; login and admin
	 * events kept.
	 */
	static Map<String, Object> production(Map<String, Object> development) {
		Map<String, Object> realm = new LinkedHashMap<>(development);
		realm.put("sslRequired", "all");
		realm.put("passwordPolicy", PASSWORD_POLICY);
		realm.put("revokeRefreshToken", true);
		realm.put("refreshTokenMaxReuse", 0);
		realm.put("bruteForceProtected", true);
		realm.put("permanentLockout", false);
		realm.put("failureFactor", 5);
		realm.put("waitIncrementSeconds", 60);
		realm.put("maxFailureWaitSeconds", 900);
		realm.put("minimumQuickLoginWaitSeconds", 60);
		realm.put("quickLoginCheckMilliSeconds", 1000);
		realm.put("maxDeltaTimeSeconds", 43200);
		realm.put("eventsEnabled", true);
		realm.put("eventsExpiration", 7776000);
		realm.put("adminEventsEnabled", true);
		realm.put("adminEventsDetailsEnabled", false);

		Map<String, Object> roles = new LinkedHashMap<>(map(realm.get("roles")));
		List<Map<String, Object>> realmRoles = new ArrayList<>();
		for (Map<String, Object> role : list(roles, "realm")) {
			if ("default-roles-ydan".equals(role.get("name"))) {
				Map<String, Object> changed = new LinkedHashMap<>(role);
				Map<String, Object> composites = new LinkedHashMap<>(map(role.get("composites")));
				composites.put("realm", without(strings(composites.get("realm")), "offline_access"));
				changed.put("composites", composites);
				role = changed;
			}
			realmRoles.add(role);
		}
		roles.put("realm", realmRoles);
		realm.put("roles", roles);

		List<Map<String, Object>> clients = new ArrayList<>();
		for (Map<String, Object> client : list(realm, "clients")) {
			String id = (String) client.get("clientId");
			if (DEVELOPMENT_CLIENTS.contains(id)) {
				continue;
			}
			Map<String, Object> changed = new LinkedHashMap<>(client);
			if (id.equals("ydan-console")) {
				changed.put("secret", "${YDAN_CONSOLE_CLIENT_SECRET}");
				changed.put("redirectUris", List.of(CONSOLE_URL + "/login/oauth2/code/keycloak"));
				changed.put("webOrigins", List.of(CONSOLE_URL));
				Map<String, Object> attributes = new LinkedHashMap<>(map(client.get("attributes")));
				attributes.put("post.logout.redirect.uris", CONSOLE_URL + "##" + CONSOLE_URL + "/");
				changed.put("attributes", attributes);
				changed.put("optionalClientScopes",
						without(strings(client.get("optionalClientScopes")), "offline_access"));
			}
			if (id.equals("ydan-role-manager")) {
				changed.put("secret", "${YDAN_ROLE_MANAGER_SECRET}");
			}
			clients.add(changed);
		}
		realm.put("clients", clients);
		realm.put("scopeMappings",
				list(realm, "scopeMappings").stream()
					.filter((mapping) -> !DEVELOPMENT_CLIENTS.contains(mapping.get("client")))
					.toList());
		realm.put("users",
				list(realm, "users").stream()
					.filter((user) -> user.get("serviceAccountClientId") instanceof String client
							&& !DEVELOPMENT_CLIENTS.contains(client))
					.toList());
		return realm;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(Path file) throws IOException {
		return JSON.readValue(file.toFile(), LinkedHashMap.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		return (parent.get(key) instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

	private static List<String> strings(Object value) {
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

	private static List<String> without(List<String> values, String removed) {
		return values.stream().filter((value) -> !value.equals(removed)).toList();
	}

}

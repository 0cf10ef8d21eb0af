package vn.ydan.api.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlHttp.Response;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The API against the real Keycloak with the ydan realm, which the build starts before
 * the tests ({@code YDAN_TEST_KEYCLOAK_URL}, default {@code http://127.0.0.1:18180}).
 * Fails, never skips, when Keycloak does not answer. Subclasses share one application
 * context, with an empty registry.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class KeycloakApiTest {

	static final String KEYCLOAK_URL = keycloakUrl();

	static final String PASSWORD = "ydan-dev-2025";

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	@LocalServerPort
	private int port;

	GraphQlHttp api;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", () -> KEYCLOAK_URL);
		properties.add("ydan.data-dir", () -> dataDirectory);
		// About tokens and users: an empty registry starts faster; tests import the units
		// they need.
		properties.add("ydan.demo-data.enabled", () -> "false");
	}

	@BeforeAll
	static void keycloakAnswers() {
		String discovery = KEYCLOAK_URL + "/realms/ydan/.well-known/openid-configuration";
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				fail("Keycloak at %s answers %d for the ydan realm (%s). Start it with "
						+ "`keycloak-realm/keycloak.sh start test` or set YDAN_TEST_KEYCLOAK_URL.", KEYCLOAK_URL,
						response.statusCode(), discovery);
			}
		}
		catch (IOException | InterruptedException ex) {
			fail("Keycloak does not answer at %s (%s). The build starts it before the tests; by hand: "
					+ "`keycloak-realm/keycloak.sh start test`, or set YDAN_TEST_KEYCLOAK_URL.", KEYCLOAK_URL, ex);
		}
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
	}

	static String passwordToken(String clientId, String username) {
		return token(Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", PASSWORD,
				"scope", "openid"));
	}

	static String token(Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(KEYCLOAK_URL + "/realms/ydan/protocol/openid-connect/token"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("token for %s: %s", form.get("client_id"), response.body())
				.isEqualTo(200);
			return JsonPath.read(response.body(), "$.access_token");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Keycloak token endpoint failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A call to Keycloak's Admin REST API of the ydan realm ({@code path} after
	 * {@code /admin/realms/ydan}), as the role manager; {@code json} the body, or null.
	 */
	static HttpResponse<String> keycloakAdmin(String method, String path, String json) {
		String token = token(Map.of("grant_type", "client_credentials", "client_id", "ydan-role-manager",
				"client_secret", "ydan-role-manager-dev-secret"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK_URL + "/admin/realms/ydan" + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Keycloak admin call failed: " + method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String keycloakUrl() {
		String url = System.getProperty("YDAN_TEST_KEYCLOAK_URL");
		if (url == null || url.isBlank()) {
			url = System.getenv("YDAN_TEST_KEYCLOAK_URL");
		}
		if (url == null || url.isBlank()) {
			url = "http://127.0.0.1:18180";
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}

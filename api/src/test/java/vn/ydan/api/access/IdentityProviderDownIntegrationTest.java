package vn.ydan.api.access;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.LocalIssuer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak down when the api first needs its keys (the issuer is discovered at the first
 * token, not at start): a caller with a token gets a typed 503 to retry, not a 500, and
 * anonymous reads go on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IdentityProviderDownIntegrationTest {

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", () -> "http://127.0.0.1:" + closedPort());
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.enabled", () -> "false");
	}

	@Test
	void aSignedInCallerIsToldToRetryWhenKeycloakCannotBeReached() throws Exception {
		String token = LocalIssuer.shared().tokenFor("canbo", "Trần Thị Bình", "official");

		HttpResponse<String> response = post("{__typename}", token);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code"))
			.isEqualTo("KEYCLOAK_UNAVAILABLE");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("Keycloak");
	}

	@Test
	void anonymousReadsGoOnWhileKeycloakCannotBeReached() throws Exception {
		HttpResponse<String> response = post("{__typename}", null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.data.__typename")).isEqualTo("Query");
	}

	private HttpResponse<String> post(String query, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A port nothing listens on (taken, then given back). */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

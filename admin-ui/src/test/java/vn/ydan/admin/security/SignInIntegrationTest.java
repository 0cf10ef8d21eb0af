package vn.ydan.admin.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser's path into the console, over real HTTP, as a browser would walk it. */
@ConsoleSpringTest
class SignInIntegrationTest {

	private final FakeBackend backend = FakeBackend.shared();

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@LocalServerPort
	private int port;

	@AfterEach
	void keycloakBack() {
		this.backend.reset();
	}

	@Test
	void anonymousVisitorIsSentToKeycloakWithPkce() throws Exception {
		HttpResponse<String> home = get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(location(home)).isEqualTo(url("/login"));

		HttpResponse<String> signIn = get("/login");
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(URI.create(url("/login")).resolve(location(signIn)).toString())
			.isEqualTo(url("/oauth2/authorization/keycloak"));

		HttpResponse<String> authorization = get("/oauth2/authorization/keycloak");
		assertThat(authorization.statusCode()).isEqualTo(302);
		URI keycloak = URI.create(location(authorization));
		assertThat(keycloak.getScheme() + "://" + keycloak.getAuthority() + keycloak.getPath())
			.isEqualTo(this.backend.baseUrl() + "/realms/ydan/protocol/openid-connect/auth");
		Map<String, String> query = query(keycloak);
		assertThat(query).containsEntry("response_type", "code")
			.containsEntry("client_id", "ydan-console")
			.containsEntry("scope", "openid profile email")
			.containsEntry("redirect_uri", url("/login/oauth2/code/keycloak"))
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "nonce");
		// S256 of a 43+ character verifier: 43 base64url characters.
		assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
	}

	@Test
	void saysKeycloakIsDownInsteadOfSendingTheBrowserToIt() throws Exception {
		this.backend.keycloakUp(false);

		HttpResponse<String> signIn = get("/login");

		assertThat(signIn.statusCode()).isEqualTo(503);
		assertThat(signIn.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
		assertThat(signIn.body()).contains("Không kết nối được tới máy chủ đăng nhập (Keycloak)")
			.doesNotContain("Exception");
	}

	@Test
	void healthIsOpenAndEverythingElseNeedsSigningIn() throws Exception {
		HttpResponse<String> health = this.browser.send(
				HttpRequest.newBuilder(URI.create(url("/actuator/health"))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/env").statusCode()).isEqualTo(302);
		assertThat(get("/no-such-page").statusCode()).isEqualTo(302);
	}

	@Test
	void theChartingLibrarysScriptIsServedFromItsWebJar() throws Exception {
		HttpResponse<String> script = get("/webjars/echarts/5.3.1/dist/echarts.min.js");

		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
		assertThat(script.body()).contains("echarts");
		// Only the library, not every WebJar.
		assertThat(get("/webjars/other/1.0/x.js").statusCode()).isNotEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Accept", "text/html,application/xhtml+xml")
			.GET()
			.build();
		return this.browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static Map<String, String> query(URI uri) {
		return Arrays.stream(uri.getRawQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
					(pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
	}

}

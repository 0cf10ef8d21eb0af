package vn.ydan.admin.security;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ydan.admin.support.ConsoleSpringTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In production the console sits behind a TLS-terminating proxy on the same host (it
 * listens on loopback): what the browser sees is https, so the session cookie must be
 * {@code Secure} and the sign-in must come back to an https address. Plain http on
 * loopback (development) keeps working without {@code Secure}.
 */
@ConsoleSpringTest
class BehindTlsProxyIntegrationTest {

	private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	private int port;

	@Test
	void behindATlsProxyTheSessionCookieIsSecureAndSignInReturnsToHttps() throws Exception {
		HttpResponse<String> signIn = signIn(true);

		assertThat(sessionCookies(signIn)).isNotEmpty().allSatisfy((cookie) -> assertThat(cookie).contains("Secure"));
		assertThat(URLDecoder.decode(signIn.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8))
			.contains("redirect_uri=https://console.ydan.example/login/oauth2/code/keycloak");
	}

	@Test
	void onPlainHttpInDevelopmentTheSessionCookieIsNotMarkedSecure() throws Exception {
		HttpResponse<String> signIn = signIn(false);

		assertThat(sessionCookies(signIn)).isNotEmpty().noneSatisfy((cookie) -> assertThat(cookie).contains("Secure"));
	}

	private HttpResponse<String> signIn(boolean behindTls) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/oauth2/authorization/keycloak"))
			.GET();
		if (behindTls) {
			request.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "console.ydan.example")
				.header("X-Forwarded-Port", "443");
		}
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> sessionCookies(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter((c) -> c.startsWith("JSESSIONID=")).toList();
	}

}

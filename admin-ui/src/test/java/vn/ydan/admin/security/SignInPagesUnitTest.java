package vn.ydan.admin.security;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

class SignInPagesUnitTest {

	@Test
	void aKeycloakThatRefusesConnectionsGetsAClearMessageNotARedirect() throws IOException {
		SignInController pages = new SignInController(new KeycloakProbe(closedPortUrl(), Duration.ofMillis(500)));

		ResponseEntity<String> page = pages.signIn(new MockHttpServletRequest("GET", "/login"));

		assertThat(page.getStatusCode().value()).isEqualTo(503);
		assertThat(page.getHeaders().getLocation()).isNull();
		assertThat(page.getBody()).contains("id=\"sign-in-message\"",
				"Không kết nối được tới máy chủ đăng nhập (Keycloak). Vui lòng thử lại sau ít phút.",
				"Cannot reach the sign-in server (Keycloak)", "href=\"./login\"");
	}

	@Test
	void aCodeExchangeThatCouldNotReachKeycloakSaysKeycloakIsDown() throws IOException {
		SignInController pages = new SignInController(new KeycloakProbe(closedPortUrl(), Duration.ofMillis(500)));
		MockHttpServletRequest callback = failedSignIn(
				new OAuth2AuthenticationException(new OAuth2Error("invalid_token_response"), "token request failed",
						new ResourceAccessException("I/O error", new ConnectException("Connection refused"))));

		ResponseEntity<String> page = pages.signIn(callback);

		assertThat(page.getStatusCode().value()).isEqualTo(503);
		assertThat(page.getBody()).contains("Không kết nối được tới máy chủ đăng nhập (Keycloak)");
		// Taken from the session: reloading the page does not show the old failure again.
		assertThat(callback.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).isNull();
	}

	@Test
	void anyOtherSignInFailureOffersToSignInAgain() throws IOException {
		SignInController pages = new SignInController(new KeycloakProbe(closedPortUrl(), Duration.ofMillis(500)));
		MockHttpServletRequest callback = failedSignIn(
				new OAuth2AuthenticationException(new OAuth2Error("invalid_nonce"), "nonce mismatch"));

		ResponseEntity<String> page = pages.signIn(callback);

		assertThat(page.getStatusCode().value()).isEqualTo(401);
		assertThat(page.getBody()).contains("Đăng nhập không thành công. Vui lòng thử lại.").doesNotContain("nonce");
	}

	private static MockHttpServletRequest failedSignIn(Exception failure) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
		request.setParameter("error", "");
		request.getSession(true).setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
		return request;
	}

	/**
	 * A loopback port nobody listens on: connecting to it is refused at once, as to a
	 * stopped Keycloak.
	 */
	static String closedPortUrl() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		return "http://127.0.0.1:" + port + "/realms/ydan";
	}

}

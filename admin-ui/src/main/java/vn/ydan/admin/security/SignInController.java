package vn.ydan.admin.security;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.ResourceAccessException;

/**
 * The console's sign-in entry point (Spring Security sends unauthenticated users here).
 * Keycloak signs users in; this only makes sure it answers before sending the browser
 * there, and explains in plain words when it does not, or when signing in failed on the
 * way back.
 * <p>
 * These are plain HTML pages rather than Vaadin views: they must work for anonymous users
 * and while everything else is broken.
 */
@Controller
class SignInController {

	static final String SIGN_IN = "/login";

	static final String SIGN_IN_FAILED = SIGN_IN + "?error";

	static final String SIGNED_OUT = "/signed-out";

	static final String KEYCLOAK_AUTHORIZATION = "/oauth2/authorization/" + SecurityConfiguration.REGISTRATION_ID;

	private static final Logger log = LoggerFactory.getLogger(SignInController.class);

	private final KeycloakProbe keycloak;

	SignInController(KeycloakProbe keycloak) {
		this.keycloak = keycloak;
	}

	@GetMapping(SIGN_IN)
	ResponseEntity<String> signIn(HttpServletRequest request) {
		if (request.getParameter("error") != null) {
			return signInFailed(request);
		}
		if (!this.keycloak.isUp()) {
			return page(HttpStatus.SERVICE_UNAVAILABLE, Messages.KEYCLOAK_DOWN);
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.header("Location", request.getContextPath() + KEYCLOAK_AUTHORIZATION)
			.build();
	}

	@GetMapping(SIGNED_OUT)
	ResponseEntity<String> signedOut() {
		return page(HttpStatus.OK, Messages.SIGNED_OUT_KEYCLOAK_DOWN);
	}

	private ResponseEntity<String> signInFailed(HttpServletRequest request) {
		Throwable failure = takeFailure(request);
		if (failure != null) {
			log.warn("Sign-in failed: {}", failure.toString(), failure);
		}
		if (failure != null && isConnectionProblem(failure)) {
			return page(HttpStatus.SERVICE_UNAVAILABLE, Messages.KEYCLOAK_DOWN);
		}
		return page(HttpStatus.UNAUTHORIZED, Messages.SIGN_IN_FAILED);
	}

	/**
	 * The failure Spring Security left in the session; taken so that a reload does not
	 * repeat it.
	 */
	private static @Nullable Throwable takeFailure(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		return (failure instanceof Throwable throwable) ? throwable : null;
	}

	static boolean isConnectionProblem(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResourceAccessException || cause instanceof ConnectException
					|| cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static ResponseEntity<String> page(HttpStatus status, Messages message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Cache-Control", "no-store")
			.body(message.html());
	}

	/**
	 * What the pages say, in Vietnamese first and English second, as the console does.
	 */
	enum Messages {

		KEYCLOAK_DOWN("Không kết nối được tới máy chủ đăng nhập (Keycloak). Vui lòng thử lại sau ít phút.",
				"Cannot reach the sign-in server (Keycloak). Please try again in a few minutes.",
				"Thử lại / Try again"),

		SIGN_IN_FAILED("Đăng nhập không thành công. Vui lòng thử lại.", "Signing in did not succeed. Please try again.",
				"Đăng nhập lại / Sign in again"),

		SIGNED_OUT_KEYCLOAK_DOWN(
				"Bạn đã đăng xuất khỏi Ý Dân. Không kết nối được tới máy chủ đăng nhập (Keycloak), nên phiên đăng nhập tại Keycloak có thể vẫn còn: hãy đóng trình duyệt nếu bạn dùng máy tính chung.",
				"You are signed out of Ý Dân. The sign-in server (Keycloak) could not be reached, so your Keycloak session may still be open: close the browser if this computer is shared.",
				"Đăng nhập / Sign in");

		private final String vietnamese;

		private final String english;

		private final String action;

		Messages(String vietnamese, String english, String action) {
			this.vietnamese = vietnamese;
			this.english = english;
			this.action = action;
		}

		// The texts are constants of this class: nothing user-supplied reaches the page.
		String html() {
			return """
					<!DOCTYPE html>
					<html lang="vi">
					<head>
					<meta charset="utf-8">
					<meta name="viewport" content="width=device-width, initial-scale=1">
					<title>Ý Dân</title>
					<style>
					body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1f2933; }
					main { max-width: 36rem; margin: 10vh auto; padding: 2rem; background: #fff; border-radius: 12px;
					       box-shadow: 0 2px 12px rgba(0,0,0,.08); }
					h1 { font-size: 1.5rem; margin-top: 0; }
					p.en { color: #52606d; }
					a.button { display: inline-block; margin-top: 1rem; padding: .6rem 1.2rem; border-radius: 8px;
					           background: #1b5fcc; color: #fff; text-decoration: none; }
					</style>
					</head>
					<body>
					<main>
					<h1>Ý Dân</h1>
					<p id="sign-in-message" role="alert">%s</p>
					<p class="en" lang="en">%s</p>
					<a id="sign-in-retry" class="button" href="%s">%s</a>
					</main>
					</body>
					</html>
					""".formatted(this.vietnamese, this.english, "." + SIGN_IN, this.action);
		}

	}

}

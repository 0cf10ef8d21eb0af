package vn.ydan.api.protocol;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keycloak unreachable while a token is checked: the issuer's configuration is fetched at
 * the first token, not at start, and its keys again at a new key id. Security lets both
 * failures through as exceptions (a 500); callers get 503 with
 * {@link ErrorCode#KEYCLOAK_UNAVAILABLE} and {@code Retry-After} instead, since the same
 * request succeeds once Keycloak answers. Runs around security.
 */
class IdentityProviderDown extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!unreachable(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			RequestBodyLimit.refuse(request, response, RequestBodyLimit.Refused.identityProviderDown());
		}
	}

	/** Whether the token could not be checked because Keycloak did not answer. */
	static boolean unreachable(@Nullable Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtDecoderInitializationException || cause instanceof AuthenticationServiceException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}

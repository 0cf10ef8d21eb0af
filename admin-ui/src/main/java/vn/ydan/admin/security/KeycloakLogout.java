package vn.ydan.admin.security;

import java.io.IOException;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * After the console has ended its own session, ends the Keycloak session too
 * (RP-initiated logout, with the ID token as hint and the console as the place to come
 * back to); otherwise the next "sign in" would silently sign the same person in again.
 * When Keycloak is down, says so instead of sending the browser to an address that does
 * not answer.
 */
final class KeycloakLogout implements LogoutSuccessHandler {

	private final OidcClientInitiatedLogoutSuccessHandler atKeycloak;

	private final KeycloakProbe keycloak;

	// Vaadin logs out in a UIDL request, where a redirect has to be a client-side
	// navigation.
	private final RedirectStrategy redirects = new UidlRedirectStrategy();

	KeycloakLogout(ClientRegistrationRepository registrations, KeycloakProbe keycloak) {
		this.keycloak = keycloak;
		this.atKeycloak = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		this.atKeycloak.setPostLogoutRedirectUri("{baseUrl}");
		this.atKeycloak.setRedirectStrategy(this.redirects);
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException, ServletException {
		if (this.keycloak.isUp()) {
			this.atKeycloak.onLogoutSuccess(request, response, authentication);
		}
		else {
			this.redirects.sendRedirect(request, response, SignInController.SIGNED_OUT);
		}
	}

}

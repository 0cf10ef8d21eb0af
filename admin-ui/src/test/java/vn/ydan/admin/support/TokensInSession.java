package vn.ydan.admin.support;

import java.time.Instant;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * Puts tokens into the (browserless) user's session the way a sign-in does, so that the
 * console's own token handling (including the refresh) runs in the tests.
 */
public final class TokensInSession {

	private TokensInSession() {
	}

	public static void store(ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients,
			String accessToken, Instant expiresAt, String refreshToken) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registrations.findByRegistrationId("keycloak"),
				user.getName(), new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
						expiresAt.minusSeconds(300), expiresAt),
				new OAuth2RefreshToken(refreshToken, expiresAt.minusSeconds(300)));
		clients.saveAuthorizedClient(client, user, VaadinServletRequest.getCurrent().getHttpServletRequest(),
				((VaadinServletResponse) VaadinResponse.getCurrent()).getHttpServletResponse());
	}

}

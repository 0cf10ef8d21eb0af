package vn.ydan.admin.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user's access token for calls to the api, refreshed with the refresh
 * token when it has expired (or is about to). The tokens live in the user's HTTP session,
 * so this works only while serving one of the user's requests, which is when Vaadin runs
 * view code.
 */
@Component
public class AccessTokens {

	private final OAuth2AuthorizedClientManager authorizedClients;

	AccessTokens(OAuth2AuthorizedClientManager authorizedClients) {
		this.authorizedClients = authorizedClients;
	}

	/**
	 * The current user's access token.
	 * @throws ClientAuthorizationRequiredException when nobody is signed in or there is
	 * no token any more
	 * @throws org.springframework.security.oauth2.core.OAuth2AuthorizationException when
	 * the expired token could not be refreshed
	 * @throws IllegalStateException when called outside a user's request
	 */
	public String current() {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			throw new ClientAuthorizationRequiredException(SecurityConfiguration.REGISTRATION_ID);
		}
		Exchange exchange = currentExchange();
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
			.withClientRegistrationId(SecurityConfiguration.REGISTRATION_ID)
			.principal(user)
			.attribute(HttpServletRequest.class.getName(), exchange.request())
			.attribute(HttpServletResponse.class.getName(), exchange.response())
			.build();
		OAuth2AuthorizedClient client = this.authorizedClients.authorize(request);
		if (client == null) {
			throw new ClientAuthorizationRequiredException(SecurityConfiguration.REGISTRATION_ID);
		}
		return client.getAccessToken().getTokenValue();
	}

	private static Exchange currentExchange() {
		if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request
				&& VaadinResponse.getCurrent() instanceof VaadinServletResponse response) {
			return new Exchange(request.getHttpServletRequest(), response.getHttpServletResponse());
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet && servlet.getResponse() != null) {
			return new Exchange(servlet.getRequest(), servlet.getResponse());
		}
		throw new IllegalStateException("The api can only be called while serving a signed-in user's request");
	}

	private record Exchange(HttpServletRequest request, HttpServletResponse response) {
	}

}

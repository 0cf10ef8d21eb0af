package vn.ydan.api.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Bearer tokens over WebSocket (graphql-ws at {@code /graphql}): browsers cannot set
 * headers on a WebSocket handshake, so the token comes in the {@code connection_init}
 * payload as {@code {"Authorization": "Bearer …"}}. It is checked like a header token:
 * the same decoder (signature, issuer, audience) and the same role mapping. A connection
 * without one is anonymous; one with an invalid token is closed with 4401 Unauthorized.
 * The caller then holds for every operation of the connection, so authorization stays
 * where it is for HTTP (services, {@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketAuthentication {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	AuthenticationWebSocketInterceptor webSocketTokenInterceptor(JwtDecoder decoder,
			ObjectProvider<JwtAuthenticationConverter> converter) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		// Boot's converter from spring.security.oauth2.resourceserver.jwt.* (realm roles
		// →
		// ROLE_*, preferred_username as the name), as for tokens in headers.
		converter.ifAvailable(provider::setJwtAuthenticationConverter);
		return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(),
				new ProviderManager(provider));
	}

}

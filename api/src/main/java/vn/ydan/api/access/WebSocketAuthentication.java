package vn.ydan.api.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens over WebSocket (graphql-ws at {@code /graphql}): browsers cannot set
 * headers on a WebSocket handshake, so the token comes in the {@code connection_init}
 * payload as {@code {"Authorization": "Bearer …"}}. It is checked like a header token:
 * the same decoder (signature, issuer, audience) and the same role mapping. A connection
 * without one is anonymous; one with an invalid token is closed with 4401 Unauthorized.
 * <p>
 * The caller then holds for every operation of the connection, as it would on an HTTP
 * request: in the security context of the request thread while the interceptor chain runs
 * (the request limits' budgets and the audit log read it there), and in the Reactor
 * context from which Spring for GraphQL restores it around data fetchers (services,
 * {@code @PreAuthorize}, error mapping). Hence first among the interceptors.
 * <p>
 * A token ends when it ends, connection or not: the connection lives until the token's
 * {@code exp} and is then closed with 4401, its subscriptions with it (the client
 * connects again with a fresh token). A token already past its {@code exp} is refused at
 * {@code connection_init} (also one the decoder's clock skew would let through); an
 * operation that arrives after the {@code exp} closes the connection instead of running.
 * Every kind of operation may use the connection (queries, mutations, subscriptions),
 * under the same rules and limits as over HTTP.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor, Ordered {

	private static final String ATTRIBUTE = WebSocketAuthentication.class.getName() + ".CONTEXT";

	private static final String EXPIRES = WebSocketAuthentication.class.getName() + ".EXPIRES";

	private static final String EXPIRED = "Unauthorized: the token expired";

	/** Spring Security's key for the context-propagation of its SecurityContext. */
	private static final String CONTEXT_KEY = SecurityContext.class.getName();

	private final BearerTokenAuthenticationExtractor extractor = new BearerTokenAuthenticationExtractor();

	private final AuthenticationManager authentication;

	WebSocketAuthentication(JwtDecoder decoder, ObjectProvider<JwtAuthenticationConverter> converter) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		// Boot's converter from spring.security.oauth2.resourceserver.jwt.* (realm roles
		// →
		// ROLE_*, preferred_username as the name), as for tokens in headers.
		converter.ifAvailable(provider::setJwtAuthenticationConverter);
		this.authentication = new ProviderManager(provider);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		// An error here closes the connection with 4401.
		return this.extractor.getAuthentication(payload)
			.map(this.authentication::authenticate)
			.doOnNext((caller) -> connect(info, caller))
			.then(Mono.empty());
	}

	private void connect(WebSocketSessionInfo info, Authentication caller) {
		Instant expires = expiry(caller);
		if (expires != null) {
			Duration left = Duration.between(Instant.now(), expires);
			if (left.isNegative() || left.isZero()) {
				throw new CredentialsExpiredException("The token expired at " + expires);
			}
			info.getAttributes().put(EXPIRES, expires);
			WebSocketSessions.onClose(info, Mono.delay(left)
				.subscribe((tick) -> WebSocketSessions.close(info, WebSocketSessions.UNAUTHORIZED, EXPIRED)));
		}
		info.getAttributes().put(ATTRIBUTE, new SecurityContextImpl(caller));
	}

	private static @Nullable Instant expiry(Authentication caller) {
		return (caller instanceof JwtAuthenticationToken jwt) ? jwt.getToken().getExpiresAt() : null;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocket)
				|| !(webSocket.getSessionInfo().getAttributes().get(ATTRIBUTE) instanceof SecurityContext context)) {
			return chain.next(request);
		}
		if (webSocket.getSessionInfo().getAttributes().get(EXPIRES) instanceof Instant expires
				&& !Instant.now().isBefore(expires)) {
			// Between the expiry and the scheduled close: the caller no longer holds.
			WebSocketSessions.close(webSocket.getSessionInfo(), WebSocketSessions.UNAUTHORIZED, EXPIRED);
			return Mono.empty();
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return chain.next(request).contextWrite(Context.of(CONTEXT_KEY, context));
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}

package vn.ydan.api.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import vn.ydan.api.protocol.ErrorCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
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
 * A change of the user's access made through the api ends the connection sooner, with
 * 4403 ({@link LiveConnections}), and a token issued before it is then refused here.
 * <p>
 * Queries and subscriptions may use the connection, under the same rules and limits as
 * over HTTP; <b>mutations may not</b> (refused with {@code BAD_REQUEST} before they run,
 * whoever the caller): every change goes over HTTP, one request per change, where its
 * token is checked afresh, its body limits apply and the audit log records its remote
 * address and request (decision 13).
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor, Ordered {

	private static final String ATTRIBUTE = WebSocketAuthentication.class.getName() + ".CONTEXT";

	private static final String EXPIRES = WebSocketAuthentication.class.getName() + ".EXPIRES";

	private static final String EXPIRED = "Unauthorized: the token expired";

	static final String MUTATION_REFUSED = "Thay đổi (mutation) chỉ gửi qua HTTP POST /graphql, không qua WebSocket. "
			+ "(Mutations go over HTTP POST /graphql, not over WebSocket.)";

	/** Spring Security's key for the context-propagation of its SecurityContext. */
	private static final String CONTEXT_KEY = SecurityContext.class.getName();

	private final BearerTokenAuthenticationExtractor extractor = new BearerTokenAuthenticationExtractor();

	private final AuthenticationManager authentication;

	private final LiveConnections connections;

	WebSocketAuthentication(JwtDecoder decoder, ObjectProvider<JwtAuthenticationConverter> converter,
			LiveConnections connections) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		// The api's converter (SecurityConfiguration: realm roles bound to the client →
		// ROLE_*, preferred_username as the name), as for tokens in headers.
		converter.ifAvailable(provider::setJwtAuthenticationConverter);
		this.authentication = new ProviderManager(provider);
		this.connections = connections;
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
		String user = (caller instanceof JwtAuthenticationToken jwt) ? jwt.getToken().getSubject() : null;
		if (caller instanceof JwtAuthenticationToken jwt
				&& this.connections.predatesChange(user, jwt.getToken().getIssuedAt())) {
			throw new CredentialsExpiredException("The token predates a change of the user's access");
		}
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
		if (user != null) {
			this.connections.opened(user,
					(caller instanceof JwtAuthenticationToken jwt) ? jwt.getToken().getIssuedAt() : null, info);
		}
	}

	/**
	 * Whether the operation the request runs is a mutation. A document that does not
	 * parse, or names no operation it holds, is left to the engine, which reports it.
	 */
	static boolean isMutation(WebGraphQlRequest request) {
		Document document;
		try {
			document = Parser.parse(request.getDocument());
		}
		catch (RuntimeException ex) {
			return false;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		String name = request.getOperationName();
		for (OperationDefinition operation : operations) {
			if ((name == null) ? operations.size() == 1 : name.equals(operation.getName())) {
				return operation.getOperation() == OperationDefinition.Operation.MUTATION;
			}
		}
		return false;
	}

	private static @Nullable Instant expiry(Authentication caller) {
		return (caller instanceof JwtAuthenticationToken jwt) ? jwt.getToken().getExpiresAt() : null;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
			return chain.next(request);
		}
		if (isMutation(request)) {
			ExecutionResult refused = ExecutionResult.newExecutionResult()
				.addError(ErrorCode.BAD_REQUEST.error(MUTATION_REFUSED))
				.build();
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
		}
		if (!(webSocket.getSessionInfo().getAttributes().get(ATTRIBUTE) instanceof SecurityContext context)) {
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

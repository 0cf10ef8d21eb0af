package vn.ydan.api.access;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class WebSocketAuthenticationUnitTest {

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	private final WebSocketSession socket = mock(WebSocketSession.class);

	private final WebSocketSessionInfo info = mock(WebSocketSessionInfo.class);

	WebSocketAuthenticationUnitTest() {
		given(this.info.getAttributes()).willReturn(this.attributes);
		given(this.socket.isOpen()).willReturn(true);
		this.attributes.put(WebSocketSessions.SESSION, this.socket);
	}

	@Test
	void anOperationAfterTheTokenExpiredClosesTheConnectionInsteadOfRunning() throws Exception {
		WebSocketAuthentication authentication = authenticationOfTokensExpiringAt(Instant.now().plusMillis(300));
		authentication.handleConnectionInitialization(this.info, Map.of("Authorization", "Bearer a-token")).block();
		Thread.sleep(400);

		AtomicInteger ran = new AtomicInteger();
		WebGraphQlInterceptor.Chain chain = (request) -> {
			ran.incrementAndGet();
			return Mono.empty();
		};
		authentication.intercept(subscribe(), chain).block(Duration.ofSeconds(5));

		assertThat(ran).hasValue(0);
		verify(this.socket, atLeastOnce()).close(new CloseStatus(4401, "Unauthorized: the token expired"));
	}

	@Test
	void anOperationBeforeTheTokenExpiresRuns() {
		WebSocketAuthentication authentication = authenticationOfTokensExpiringAt(Instant.now().plusSeconds(60));
		authentication.handleConnectionInitialization(this.info, Map.of("Authorization", "Bearer a-token")).block();

		AtomicInteger ran = new AtomicInteger();
		authentication.intercept(subscribe(), (request) -> {
			ran.incrementAndGet();
			return Mono.empty();
		}).block(Duration.ofSeconds(5));

		assertThat(ran).hasValue(1);
	}

	@Test
	void aTokenPastItsExpiryIsRefusedAtConnectionInit() {
		WebSocketAuthentication authentication = authenticationOfTokensExpiringAt(Instant.now().minusSeconds(5));

		assertThatException()
			.isThrownBy(() -> authentication
				.handleConnectionInitialization(this.info, Map.of("Authorization", "Bearer a-token"))
				.block())
			.withMessageContaining("expired");
	}

	private WebSocketSessionInfo sessionInfo() {
		return this.info;
	}

	private WebSocketGraphQlRequest subscribe() {
		return new WebSocketGraphQlRequest(URI.create("ws://127.0.0.1/graphql"), new HttpHeaders(), null, Map.of(),
				Map.of("query", "subscription { x }"), "1", null, sessionInfo());
	}

	/** A decoder that takes any token, as valid until {@code expires}. */
	@SuppressWarnings("unchecked")
	private static WebSocketAuthentication authenticationOfTokensExpiringAt(Instant expires) {
		ObjectProvider<JwtAuthenticationConverter> noConverter = mock(ObjectProvider.class);
		return new WebSocketAuthentication((token) -> Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("canbo")
			.issuedAt(expires.minusSeconds(300))
			.expiresAt(expires)
			.build(), noConverter, new LiveConnections());
	}

}

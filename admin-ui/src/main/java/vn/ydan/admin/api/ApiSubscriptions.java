package vn.ydan.admin.api;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.ClientResponseField;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;

/**
 * The api's subscriptions (graphql-ws over WebSocket at the api's {@code /graphql}), as a
 * user whose access token is given: live data pushed by the api instead of asked for
 * again and again. Each subscription has its own connection, opened when the stream is
 * subscribed to and closed when it ends or is cancelled; the token goes in
 * {@code connection_init}, as the api wants (browsers and clients cannot set headers on a
 * WebSocket handshake).
 * <p>
 * The api closes a connection when its token expires (code 4401): the stream then ends
 * with an error, and its user connects again with a fresh token. Failures come out as
 * {@link ApiException}s, like those of {@link ApiClient}.
 */
@Component
public class ApiSubscriptions {

	/**
	 * A ping this often: a connection that died without a close (a NAT, a sleeping api)
	 * shows up as an error instead of a silent stream.
	 */
	static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

	private final URI url;

	private final DocumentSource documents;

	/**
	 * The largest message a subscription takes, in characters. Tomcat's client holds a
	 * whole message in a buffer of this size per connection (allocated with it; 8 K by
	 * default, which a consultation's results exceed: Hanoi's 526 communes are ~180 KB):
	 * 3 × Hanoi, 1 MB of heap per open subscription.
	 */
	static final int MAX_MESSAGE_CHARS = 512 * 1024;

	// Tomcat's JSR-356 client (the console runs on Tomcat): no Netty.
	private final WebSocketClient sockets = sockets();

	@Autowired
	ApiSubscriptions(ApiProperties api) {
		this(webSocketUrl(api.url()), ApiConfiguration.documents());
	}

	ApiSubscriptions(URI url, DocumentSource documents) {
		this.url = url;
		this.documents = documents;
	}

	/**
	 * A subscription's values, one field of each answer.
	 * @param accessToken the user's token (taken on a request thread)
	 * @param document a document of {@code graphql-documents/}
	 * @param variables its variables; {@code null} ones are left out
	 * @param path the field to read from each answer
	 * @param type the field's type
	 */
	public <T> Flux<T> subscribe(String accessToken, String document, Map<String, ? extends @Nullable Object> variables,
			String path, Class<T> type) {
		Map<String, Object> present = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (value != null) {
				present.put(name, value);
			}
		});
		return Flux.usingWhen(Mono.fromSupplier(() -> client(accessToken)),
				(client) -> client.documentName(document).variables(present).executeSubscription().map((response) -> {
					ClientResponseField field = response.field(path);
					T value = (field.getValue() != null) ? field.toEntity(type) : null;
					if (value == null) {
						throw ApiClient.fromErrors(document, response.getErrors());
					}
					return value;
				}), WebSocketGraphQlClient::stop)
			.onErrorMap((failure) -> !(failure instanceof ApiException), ApiSubscriptions::translate);
	}

	private WebSocketGraphQlClient client(String accessToken) {
		return WebSocketGraphQlClient.builder(this.url, this.sockets)
			.documentSource(this.documents)
			.keepAlive(KEEP_ALIVE)
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + accessToken));
				}
			})
			.build();
	}

	private static ApiException translate(Throwable failure) {
		if (failure instanceof SubscriptionErrorException refused) {
			// The api refused the subscription (FORBIDDEN, NOT_FOUND, …).
			return ApiClient.fromErrors("subscription", refused.getErrors());
		}
		ApiException translated = ApiClient.translate(failure);
		if (translated instanceof ApiFailedException) {
			// A closed or unreachable socket: the api (or the way to it) is not there
			// now.
			return new ApiUnavailableException("The api's WebSocket failed: " + failure, failure);
		}
		return translated;
	}

	private static WebSocketClient sockets() {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(MAX_MESSAGE_CHARS);
		return new StandardWebSocketClient(container);
	}

	/** {@code http(s)://…/graphql} → {@code ws(s)://…/graphql}. */
	static URI webSocketUrl(URI http) {
		String scheme = "https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + http.toString().substring(http.getScheme().length()));
	}

}

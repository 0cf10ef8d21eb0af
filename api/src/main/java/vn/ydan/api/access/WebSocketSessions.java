package vn.ydan.api.access;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * Lets the access rules close a graphql-ws connection ({@link WebSocketAuthentication}
 * closes it with 4401 when its token expires): Spring for GraphQL's interceptors see a
 * {@link WebSocketSessionInfo}, not the socket, so this handler (Boot's, as Boot would
 * make it, which it then does not) keeps each socket in its own session attributes, and
 * cancels what waits on a socket once it is closed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.graphql.websocket", name = "path")
class WebSocketSessions {

	/** 4401 Unauthorized, as for an invalid token in {@code connection_init}. */
	static final int UNAUTHORIZED = 4401;

	/**
	 * 4403 Forbidden: the caller's roles, scope or account changed while connected
	 * ({@link LiveConnections}).
	 */
	static final int FORBIDDEN = 4403;

	/** The socket itself, in its own attributes. */
	static final String SESSION = WebSocketSessions.class.getName() + ".SESSION";

	private static final String ON_CLOSE = WebSocketSessions.class.getName() + ".ON_CLOSE";

	private static final Logger log = LoggerFactory.getLogger(WebSocketSessions.class);

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			GraphQlCorsProperties cors, ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
		HttpMessageConverter<Object> json = jsonConverter(customizers);
		Duration initTimeout = properties.getWebsocket().getConnectionInitTimeout();
		Duration keepAlive = properties.getWebsocket().getKeepAlive();
		CorsConfiguration corsConfiguration = cors.toCorsConfiguration();
		return (corsConfiguration != null)
				? new SessionKeepingHandler(handler, json, initTimeout, keepAlive, corsConfiguration)
				: new SessionKeepingHandler(handler, json, initTimeout, keepAlive);
	}

	/** Boot's choice: the first server converter that reads a JSON map. */
	@SuppressWarnings("unchecked")
	private static HttpMessageConverter<Object> jsonConverter(
			ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
		HttpMessageConverters.ServerBuilder builder = HttpMessageConverters.forServer();
		builder.registerDefaults();
		customizers.forEach((customizer) -> customizer.customize(builder));
		for (HttpMessageConverter<?> converter : builder.build()) {
			if (converter.canRead(Map.class, MediaType.APPLICATION_JSON)) {
				return (HttpMessageConverter<Object>) converter;
			}
		}
		throw new IllegalStateException("No JSON converter");
	}

	/**
	 * Closes the connection with {@code code}; nothing if it is closed already or was not
	 * opened through this handler.
	 */
	static void close(WebSocketSessionInfo info, int code, String reason) {
		if (!(info.getAttributes().get(SESSION) instanceof WebSocketSession session) || !session.isOpen()) {
			return;
		}
		try {
			session.close(new CloseStatus(code, reason));
		}
		catch (IOException ex) {
			log.debug("Closing WebSocket session {} failed", session.getId(), ex);
		}
	}

	/**
	 * Disposes {@code task} when the connection closes, with every task given before; at
	 * once if it is closed already.
	 */
	static void onClose(WebSocketSessionInfo info, Disposable task) {
		Disposable.Composite tasks = (Disposable.Composite) info.getAttributes()
			.computeIfAbsent(ON_CLOSE, (key) -> Disposables.composite());
		if (!tasks.add(task)) {
			task.dispose();
		}
	}

	static final class SessionKeepingHandler extends GraphQlWebSocketHandler {

		SessionKeepingHandler(WebGraphQlHandler handler, HttpMessageConverter<Object> converter,
				@Nullable Duration initTimeout, @Nullable Duration keepAlive) {
			super(handler, converter, initTimeout, keepAlive);
		}

		SessionKeepingHandler(WebGraphQlHandler handler, HttpMessageConverter<Object> converter,
				@Nullable Duration initTimeout, @Nullable Duration keepAlive, CorsConfiguration cors) {
			super(handler, converter, initTimeout, keepAlive, cors);
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			session.getAttributes().put(SESSION, session);
			super.afterConnectionEstablished(session);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			session.getAttributes().remove(SESSION);
			// Kept, disposed: a task given later is disposed at once.
			((Disposable.Composite) session.getAttributes().computeIfAbsent(ON_CLOSE, (key) -> Disposables.composite()))
				.dispose();
			super.afterConnectionClosed(session, status);
		}

	}

}

package vn.ydan.api.access;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.stereotype.Component;

/**
 * The open graphql-ws connections of each signed-in user, by the token's subject (the
 * Keycloak user id the administration of users works with), so that a change of a user's
 * access reaches the connections opened before it: when an admin takes a role or part of
 * a scope away, disables the account or changes its household, {@link #end} closes that
 * user's connections with 4403 and their subscriptions end with them. A connection opened
 * again with a token issued before the change is refused at {@code connection_init}
 * (4403): the client signs in again and gets a token with what the user holds now.
 * <p>
 * This instance only: with several instances, the others keep their connections until the
 * tokens expire ({@link WebSocketAuthentication}; 5 minutes in the realm), as HTTP
 * requests with a token issued before the change are served until it expires (decision
 * 13).
 */
@Component
public class LiveConnections {

	/** How long a change is remembered: longer than any access token lives. */
	static final Duration REMEMBERED = Duration.ofHours(1);

	static final String ENDED = "Forbidden: the user's access changed; sign in again";

	private final ConcurrentMap<String, ConcurrentMap<Object, WebSocketSessionInfo>> open = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Instant> changed = new ConcurrentHashMap<>();

	/**
	 * Whether a token of {@code userId} issued at {@code issuedAt} predates the last
	 * change of the user's access. Whole seconds, as {@code iat} is: a token issued in
	 * the second of the change is taken.
	 */
	boolean predatesChange(@Nullable String userId, @Nullable Instant issuedAt) {
		if (userId == null) {
			return false;
		}
		Instant change = this.changed.get(userId);
		return change != null && (issuedAt == null || issuedAt.isBefore(change.truncatedTo(ChronoUnit.SECONDS)));
	}

	/** Keeps {@code info} among the connections of {@code userId} until it closes. */
	void opened(String userId, WebSocketSessionInfo info) {
		Object handle = new Object();
		this.open.computeIfAbsent(userId, (key) -> new ConcurrentHashMap<>()).put(handle, info);
		WebSocketSessions.onClose(info, () -> this.open.computeIfPresent(userId, (key, connections) -> {
			connections.remove(handle);
			return connections.isEmpty() ? null : connections;
		}));
	}

	/**
	 * Ends the access {@code userId} had until now on this instance: closes the user's
	 * open connections with 4403, and refuses connections with a token issued before now.
	 * @return how many connections were closed
	 */
	public int end(String userId) {
		// The wall clock, as the issuer's iat is (not the application's clock, which
		// tests may move).
		Instant now = Instant.now();
		this.changed.put(userId, now);
		Instant forgotten = now.minus(REMEMBERED);
		this.changed.values().removeIf((at) -> at.isBefore(forgotten));
		Map<Object, WebSocketSessionInfo> connections = this.open.remove(userId);
		if (connections == null) {
			return 0;
		}
		connections.values().forEach((info) -> WebSocketSessions.close(info, WebSocketSessions.FORBIDDEN, ENDED));
		return connections.size();
	}

}

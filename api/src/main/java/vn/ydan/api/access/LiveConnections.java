package vn.ydan.api.access;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
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
 * Every api instance (decision 17): the change is also written to the store (collection
 * {@code accessChanges}, one document per user, the last hour's), and each instance reads
 * the changes made through the others every {@code ydan.access.changes-check-interval} (1
 * s; 0: never), as consultations are refreshed by revision: it then closes that user's
 * connections whose token was issued before the change, and refuses such tokens as the
 * instance that made the change does. HTTP requests with a token issued before the change
 * are served until it expires (decision 13).
 */
@Component
public class LiveConnections implements DisposableBean {

	/** How long a change is remembered: longer than any access token lives. */
	static final Duration REMEMBERED = Duration.ofHours(1);

	static final String ENDED = "Forbidden: the user's access changed; sign in again";

	static final String COLLECTION = "accessChanges";

	/**
	 * Changes are read from a little before the newest one seen: clocks of instances
	 * differ, and a write may become visible after a later one.
	 */
	private static final long OVERLAP_MILLIS = 5_000;

	private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);

	private final ConcurrentMap<String, ConcurrentMap<Object, Connection>> open = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Instant> changed = new ConcurrentHashMap<>();

	private final @Nullable MongoCollection<Document> changes;

	private final @Nullable ScheduledExecutorService checks;

	private long seen = System.currentTimeMillis();

	/** This instance's changes only. */
	LiveConnections() {
		this.changes = null;
		this.checks = null;
	}

	@Autowired
	LiveConnections(MongoDatabaseFactory databases,
			@Value("${ydan.access.changes-check-interval:1s}") Duration interval) {
		this(databases.getMongoDatabase(), interval);
	}

	LiveConnections(MongoDatabase database, Duration interval) {
		this.changes = database.getCollection(COLLECTION);
		if (interval.isZero()) {
			this.checks = null;
			return;
		}
		this.checks = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "access-changes");
			thread.setDaemon(true);
			return thread;
		});
		long period = interval.toMillis();
		this.checks.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
	}

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
		return change != null && predates(issuedAt, change);
	}

	private static boolean predates(@Nullable Instant issuedAt, Instant change) {
		return issuedAt == null || issuedAt.isBefore(change.truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * Keeps {@code info} among the connections of {@code userId} until it closes, with
	 * when its token was issued.
	 */
	void opened(String userId, @Nullable Instant issuedAt, WebSocketSessionInfo info) {
		Object handle = new Object();
		this.open.computeIfAbsent(userId, (key) -> new ConcurrentHashMap<>())
			.put(handle, new Connection(info, issuedAt));
		WebSocketSessions.onClose(info, () -> this.open.computeIfPresent(userId, (key, connections) -> {
			connections.remove(handle);
			return connections.isEmpty() ? null : connections;
		}));
	}

	/**
	 * Ends the access {@code userId} had until now, on every instance: closes the user's
	 * open connections with 4403, and refuses connections with a token issued before now.
	 * @return how many connections were closed here
	 */
	public int end(String userId) {
		// The wall clock, as the issuer's iat is (not the application's clock, which
		// tests may move).
		Instant now = Instant.now();
		int closed = endHere(userId, now, true);
		MongoCollection<Document> store = this.changes;
		if (store != null) {
			try {
				store.replaceOne(Filters.eq("_id", userId),
						new Document("_id", userId).append("at", now.toEpochMilli()),
						new ReplaceOptions().upsert(true));
				store.deleteMany(Filters.lt("at", now.minus(REMEMBERED).toEpochMilli()));
			}
			catch (RuntimeException ex) {
				// The other instances keep the user's connections until the tokens
				// expire, as before decision 17.
				log.warn("Could not tell the other api instances that the access of {} changed: {}", userId,
						ex.toString());
			}
		}
		return closed;
	}

	/**
	 * The changes made through other instances since the last check: closes here the
	 * connections their users opened with a token issued before the change.
	 */
	void check() {
		MongoCollection<Document> store = this.changes;
		if (store == null) {
			return;
		}
		try {
			long newest = this.seen;
			for (Document change : store.find(Filters.gte("at", this.seen - OVERLAP_MILLIS))) {
				long at = change.get("at", Number.class).longValue();
				endHere(change.getString("_id"), Instant.ofEpochMilli(at), false);
				newest = Math.max(newest, at);
			}
			this.seen = newest;
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the access changes of the other api instances: {}", ex.toString());
		}
	}

	/**
	 * Closes the user's connections here: all of them where the change was made, those
	 * whose token predates it elsewhere (the user may have signed in again meanwhile).
	 */
	private int endHere(String userId, Instant change, boolean all) {
		Instant known = this.changed.get(userId);
		if (known != null && !known.isBefore(change)) {
			return 0;
		}
		this.changed.merge(userId, change, (before, after) -> before.isAfter(after) ? before : after);
		Instant forgotten = Instant.now().minus(REMEMBERED);
		this.changed.values().removeIf((at) -> at.isBefore(forgotten));
		Map<Object, Connection> connections = this.open.get(userId);
		if (connections == null) {
			return 0;
		}
		int closed = 0;
		for (Map.Entry<Object, Connection> connection : connections.entrySet()) {
			if ((all || predates(connection.getValue().issuedAt(), change))
					&& connections.remove(connection.getKey(), connection.getValue())) {
				WebSocketSessions.close(connection.getValue().info(), WebSocketSessions.FORBIDDEN, ENDED);
				closed++;
			}
		}
		return closed;
	}

	@Override
	public void destroy() {
		if (this.checks != null) {
			this.checks.shutdownNow();
		}
	}

	private record Connection(WebSocketSessionInfo info, @Nullable Instant issuedAt) {
	}

}

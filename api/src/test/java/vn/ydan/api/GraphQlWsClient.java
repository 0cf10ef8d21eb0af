package vn.ydan.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ydan.api.protocol.NodeChecks;

/**
 * A real graphql-ws client: the npm packages {@code graphql-ws} and {@code ws} (pinned by
 * the api's committed {@code src/test/node/package-lock.json}, installed by
 * {@link NodeChecks}) running {@code subscribe.mjs} in Node.js. Its events arrive as JSON
 * lines, each stamped with the time it was received.
 */
public final class GraphQlWsClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<String> errors;

	private final List<Event> seen = new ArrayList<>();

	private GraphQlWsClient(Process process) {
		this.process = process;
		Thread reader = Thread.ofVirtual().start(() -> {
			try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("{")) {
						this.events.add(new Event(System.nanoTime(), JSON.readTree(line)));
					}
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
		});
		reader.setName("graphql-ws-client");
		this.errors = read(process.getErrorStream());
	}

	/**
	 * Subscribes to {@code consultationProgress(id)} at {@code url}, with a token or not.
	 */
	public static GraphQlWsClient subscribe(String url, String consultationId, @Nullable String token) {
		return (token != null) ? start("subscribe.mjs", url, consultationId, token)
				: start("subscribe.mjs", url, consultationId);
	}

	/**
	 * Subscribes to {@code subscription(id)} (e.g. {@code planApplyProgress}) at
	 * {@code url}, with a token or not.
	 */
	public static GraphQlWsClient subscribe(String url, String subscription, String id, @Nullable String token) {
		return start("subscribe.mjs", url, id, (token != null) ? token : "-", subscription);
	}

	/** Runs {@code node <script> <arguments>} in the api's {@code src/test/node}. */
	public static GraphQlWsClient start(String script, String... arguments) {
		return new GraphQlWsClient(NodeChecks.start(script, arguments));
	}

	/** The next event that matches, skipping others; fails after {@code timeout}. */
	public Event await(Predicate<JsonNode> wanted, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				Event event = this.events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (event == null) {
					throw new AssertionError("No matching graphql-ws event within " + timeout + "; seen: " + this.seen
							+ (this.process.isAlive() ? "" : "; client ended: " + this.errors.getNow("")));
				}
				this.seen.add(event);
				if (wanted.test(event.json())) {
					return event;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Event awaitEvent(String kind, Duration timeout) {
		return await((json) -> kind.equals(json.path("event").asString()), timeout);
	}

	/** Closing its input makes the client unsubscribe and end. */
	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/**
	 * Reads the client's standard error on a thread of its own: not on the common
	 * fork-join pool, which has a single worker on a two-core machine, and whose tasks
	 * (the JDK HTTP client's among them, in the api under test) would wait while the
	 * client runs.
	 */
	private static CompletableFuture<String> read(InputStream stream) {
		CompletableFuture<String> text = new CompletableFuture<>();
		Thread.ofPlatform().daemon().name("graphql-ws-client-stderr").start(() -> {
			try (stream) {
				text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				text.complete("");
			}
		});
		return text;
	}

	/**
	 * @param receivedNanos {@link System#nanoTime()} when the line was read
	 * @param json the event
	 */
	public record Event(long receivedNanos, JsonNode json) {

		@Override
		public String toString() {
			return this.json.toString();
		}

	}

}

package vn.ydan.api.consultations;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * A real graphql-ws client: the npm packages {@code graphql-ws} and {@code ws} (pinned by
 * the committed {@code src/test/node-live/package-lock.json}, installed by {@code npm ci}
 * the first time or when the lock changed) running {@code subscribe.mjs} in Node.js. Its
 * events arrive as JSON lines, each stamped with the time it was received.
 */
final class GraphQlWsClient implements AutoCloseable {

	static final Path FOLDER = Path.of("src/test/node-live").toAbsolutePath();

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
	static GraphQlWsClient subscribe(String url, String consultationId, @Nullable String token) {
		return (token != null) ? start("subscribe.mjs", url, consultationId, token)
				: start("subscribe.mjs", url, consultationId);
	}

	/** Runs {@code node <script> <arguments>} in {@code src/test/node-live}. */
	static GraphQlWsClient start(String script, String... arguments) {
		installed();
		List<String> command = new ArrayList<>(List.of(executable("node"), script));
		command.addAll(List.of(arguments));
		try {
			return new GraphQlWsClient(new ProcessBuilder(command).directory(FOLDER.toFile()).start());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command, ex);
		}
	}

	/** The next event that matches, skipping others; fails after {@code timeout}. */
	Event await(Predicate<JsonNode> wanted, Duration timeout) {
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

	Event awaitEvent(String kind, Duration timeout) {
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

	private static synchronized void installed() {
		Path marker = FOLDER.resolve("node_modules/.package-lock.json");
		Path lock = FOLDER.resolve("package-lock.json");
		try {
			if (Files.exists(marker)
					&& Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
				return;
			}
			Process install = new ProcessBuilder(executable("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error")
				.directory(FOLDER.toFile())
				.redirectErrorStream(true)
				.start();
			CompletableFuture<String> output = read(install.getInputStream());
			if (!install.waitFor(600, TimeUnit.SECONDS) || install.exitValue() != 0) {
				install.destroyForcibly();
				throw new IllegalStateException("npm ci in " + FOLDER + " failed:\n" + output.join());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String executable(String name) {
		for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException(name + " not found on the PATH: the api's tests need Node.js 20+ and npm "
				+ "(apt-get install nodejs npm)");
	}

	private static CompletableFuture<String> read(InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "";
			}
		});
	}

	/**
	 * @param receivedNanos {@link System#nanoTime()} when the line was read
	 * @param json the event
	 */
	record Event(long receivedNanos, JsonNode json) {

		@Override
		public String toString() {
			return this.json.toString();
		}

	}

}

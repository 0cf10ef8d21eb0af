package vn.ydan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole api in a child JVM (same java, the test class path), over a store given by
 * its URI, with {@link LocalIssuer} as its Keycloak: several of them make the several
 * instances of decision 17, and one can be {@code kill -9}ed. Its output goes to
 * {@code <log>}.
 */
public final class ApiChild implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ApiChild(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts an api instance; call {@link #awaitReady} before using it.
	 * @param storeUri the store ({@code mongodb://…/ydan})
	 * @param dataDirectory the data directory (audit key and heads), shared by instances
	 * @param log where its output goes
	 * @param properties more {@code name=value} properties
	 */
	public static ApiChild start(String storeUri, Path dataDirectory, Path log, String... properties) {
		int port = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Xss512k", "-cp", System.getProperty("java.class.path"), YdanApi.class.getName(),
				"--server.port=" + port, "--spring.mongodb.uri=" + storeUri, "--ydan.data-dir=" + dataDirectory,
				"--YDAN_KEYCLOAK_URL=" + LocalIssuer.shared().baseUrl(), "--logging.level.root=WARN",
				"--logging.level.vn.ydan=INFO"));
		for (String client : new String[] { "anonymous", "partner", "console" }) {
			command.add("--ydan.api.limits.rate." + client + "=1000000000");
		}
		for (String property : properties) {
			command.add("--" + property);
		}
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ApiChild(process, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until its health answers UP; fails when it ended or took too long. */
	public ApiChild awaitReady(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The api instance ended while starting; see " + this.log);
			}
			try {
				HttpResponse<String> health = client
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return this;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The api instance was not ready after " + timeout + "; see " + this.log);
	}

	public int port() {
		return this.port;
	}

	/** Its process id, as it names itself (a lease's holder begins with it). */
	public long pid() {
		return this.process.pid();
	}

	public GraphQlHttp api() {
		return new GraphQlHttp(this.port);
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** SIGKILL: no shutdown, nothing flushed. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, then SIGKILL after 30 s. */
	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

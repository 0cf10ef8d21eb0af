package vn.ydan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged api and console, started once per test JVM as real processes against the
 * test Keycloak, so that the browser meets exactly what a user would.
 */
final class RunningSystem {

	static final String KEYCLOAK_URL = setting("YDAN_TEST_KEYCLOAK_URL", "ydan.test.keycloak.url",
			"http://127.0.0.1:18180");

	// The console's redirect URI for tests is registered in the realm for this port.
	private static final int CONSOLE_PORT = 18081;

	private static final int API_PORT = 18080;

	// A busy shared machine may need longer: -Dydan.e2e.start-timeout=PT6M.
	private static final Duration START_TIMEOUT = Duration
		.parse(setting("YDAN_E2E_START_TIMEOUT", "ydan.e2e.start-timeout", "PT3M"));

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static RunningSystem instance;

	final String consoleUrl = "http://127.0.0.1:" + CONSOLE_PORT + "/";

	final String apiUrl = "http://127.0.0.1:" + API_PORT + "/graphql";

	private final List<Process> processes = new ArrayList<>();

	private final Path logs;

	private Process console;

	private RunningSystem() {
		this.logs = Path.of(System.getProperty("ydan.e2e.logs", "target/e2e-logs"));
	}

	static synchronized RunningSystem get() {
		if (instance == null) {
			instance = new RunningSystem();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
			instance.start();
		}
		return instance;
	}

	private void start() {
		if (!answers(KEYCLOAK_URL + "/realms/ydan/.well-known/openid-configuration")) {
			throw new IllegalStateException("Keycloak for tests does not answer at " + KEYCLOAK_URL
					+ ": run ./ydan test, or keycloak-realm/keycloak.sh start test first");
		}
		requireFree(API_PORT);
		requireFree(CONSOLE_PORT);
		Path data = logs.resolveSibling("e2e-data");
		deleteRecursively(data);
		// Without the synthetic demo consultation: it loads in the background into
		// Hanoi's
		// communes, where the consultation tests set up their own register (the api's
		// DemoConsultationIntegrationTest covers it).
		Process api = launch("api", jar("ydan.api.jar"),
				Map.of("YDAN_API_PORT", String.valueOf(API_PORT), "YDAN_KEYCLOAK_URL", KEYCLOAK_URL, "YDAN_DATA_DIR",
						data.toAbsolutePath().toString(), "YDAN_DEMODATA_CONSULTATION", "false", "YDAN_ENVIRONMENT",
						"development"));
		this.console = launch("console", jar("ydan.console.jar"),
				Map.of("YDAN_CONSOLE_PORT", String.valueOf(CONSOLE_PORT), "YDAN_KEYCLOAK_URL", KEYCLOAK_URL,
						"YDAN_API_URL", apiUrl, "VAADIN_USAGE_STATS_ENABLED", "false", "YDAN_ENVIRONMENT",
						"development"));
		awaitHealthy("api", api, "http://127.0.0.1:" + API_PORT + "/actuator/health");
		awaitHealthy("console", this.console, "http://127.0.0.1:" + CONSOLE_PORT + "/actuator/health");
	}

	/**
	 * The console's heap after a full garbage collection, in bytes: what it really holds
	 * (sessions, pages), read with the JDK's {@code jcmd} on the process started here.
	 */
	long consoleHeapAfterGc() {
		jcmd("GC.run");
		String info = jcmd("GC.heap_info");
		// G1 says it in one line ("garbage-first heap total reserved …K, committed …K,
		// used
		// …K"), the serial and parallel collectors in one per generation: their sum.
		java.util.regex.Matcher used = java.util.regex.Pattern.compile("\\d+K, used (\\d+)K").matcher(info);
		long kilobytes = 0;
		boolean found = false;
		while (used.find()) {
			kilobytes += Long.parseLong(used.group(1));
			found = true;
		}
		if (!found) {
			throw new IllegalStateException("No heap figure in jcmd's answer:\n" + info);
		}
		return kilobytes * 1024;
	}

	private String jcmd(String command) {
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(this.console.pid()), command)
				.redirectErrorStream(true)
				.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("jcmd " + command + " failed:\n" + out);
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void stop() {
		processes.forEach(RunningSystem::terminate);
	}

	private static void terminate(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private Process launch(String name, Path jar, Map<String, String> env) {
		String java = ProcessHandle.current().info().command().orElse("java");
		try {
			Files.createDirectories(logs);
			ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
				.redirectErrorStream(true)
				.redirectOutput(logs.resolve(name + ".log").toFile());
			builder.environment().putAll(env);
			Process process = builder.start();
			processes.add(process);
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the " + name + " from " + jar, ex);
		}
	}

	private void awaitHealthy(String name, Process process, String healthUrl) {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (!answers(healthUrl)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The " + name + " exited while starting:\n" + tail(name));
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(
						"The " + name + " was not healthy after " + START_TIMEOUT + ":\n" + tail(name));
			}
			sleep(Duration.ofMillis(300));
		}
	}

	private String tail(String name) {
		try (Stream<String> lines = Files.lines(logs.resolve(name + ".log"))) {
			List<String> all = lines.toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static boolean answers(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void requireFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + port + " is taken; the end-to-end tests need it free", ex);
		}
	}

	private static Path jar(String property) {
		Path jar = Path.of(System.getProperty(property, "missing-" + property));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist: build it first (./mvnw package, or ./ydan test)");
		}
		return jar;
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String setting(String env, String property, String fallback) {
		String value = System.getenv(env);
		if (value == null || value.isBlank()) {
			value = System.getProperty(property, fallback);
		}
		return value;
	}

}

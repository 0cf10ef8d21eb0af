package vn.ydan.api.protocol;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the outside checks in {@code src/test/node} (graphql-http's audits,
 * graphql-inspector's diff) with the machine's Node.js and npm. Their versions are pinned
 * by the committed {@code package-lock.json}; {@code npm ci} installs them into
 * {@code src/test/node/node_modules} the first time, or when the lock file changed.
 */
public final class NodeChecks {

	public static final Path FOLDER = Path.of("src/test/node").toAbsolutePath();

	private NodeChecks() {
	}

	/** Runs {@code node <script> <arguments>} and returns what it printed. */
	static Result run(String script, String... arguments) {
		installed();
		List<String> command = new ArrayList<>(List.of(executable("node"), script));
		command.addAll(List.of(arguments));
		return exec(command, 120);
	}

	/**
	 * Starts {@code node <script> <arguments>} and returns the running process, for
	 * clients that talk while the test runs (the graphql-ws clients of the consultations
	 * tests).
	 */
	public static Process start(String script, String... arguments) {
		installed();
		List<String> command = new ArrayList<>(List.of(executable("node"), script));
		command.addAll(List.of(arguments));
		try {
			return new ProcessBuilder(command).directory(FOLDER.toFile()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command, ex);
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
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Result install = exec(List.of(executable("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
		if (install.exitCode() != 0) {
			throw new IllegalStateException("npm ci in " + FOLDER + " failed:\n" + install);
		}
	}

	private static String executable(String name) {
		for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		Path fallback = Path.of("/usr/bin", name);
		if (Files.isExecutable(fallback)) {
			return fallback.toString();
		}
		throw new IllegalStateException(name + " not found on the PATH: the api's tests need Node.js 20+ and npm "
				+ "(apt-get install nodejs npm)");
	}

	private static Result exec(List<String> command, int timeoutSeconds) {
		try {
			Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).start();
			CompletableFuture<String> out = read(process.getInputStream());
			CompletableFuture<String> err = read(process.getErrorStream());
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
			}
			return new Result(process.exitValue(), out.join(), err.join());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static CompletableFuture<String> read(java.io.InputStream stream) {
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
	 * What a command did.
	 *
	 * @param exitCode its exit code
	 * @param out what it printed on standard output
	 * @param err what it printed on standard error
	 */
	record Result(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n" + this.out + "\n" + this.err;
		}

	}

}

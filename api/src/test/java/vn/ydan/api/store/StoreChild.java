package vn.ydan.api.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The embedded store in a child JVM ({@link StoreProcess}: same java binary, same class
 * path), so that a test can {@code kill -9} it in the middle of its writes and start it
 * again on the same directory.
 */
public final class StoreChild implements AutoCloseable {

	/** The database the api uses in the embedded store. */
	public static final String DATABASE = EmbeddedStore.DATABASE;

	private final Process process;

	private final String connectionString;

	private StoreChild(Process process, String connectionString) {
		this.process = process;
		this.connectionString = connectionString;
	}

	/**
	 * Starts the api's store (committed before each acknowledgement) on this directory.
	 */
	public static StoreChild start(Path directory) throws IOException, InterruptedException {
		return start(directory, true);
	}

	/**
	 * Starts a store on this directory and waits until it accepts connections.
	 * @param commitBeforeAck true for the api's backend, false for the stand-in as
	 * shipped (commits in the background)
	 */
	public static StoreChild start(Path directory, boolean commitBeforeAck) throws IOException, InterruptedException {
		return start(directory, commitBeforeAck ? StoreProcess.COMMIT_BEFORE_ACK : StoreProcess.BACKGROUND_COMMIT);
	}

	/**
	 * Starts a store on this directory and waits until it accepts connections.
	 * @param mode one of {@link StoreProcess}'s modes
	 */
	static StoreChild start(Path directory, String mode) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), StoreProcess.class.getName(), directory.toString(), mode)
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		List<String> seen = new ArrayList<>();
		try {
			String line;
			while ((line = output.readLine()) != null) {
				if (line.startsWith(StoreProcess.READY)) {
					drain(output);
					return new StoreChild(process, line.substring(StoreProcess.READY.length()));
				}
				seen.add(line);
			}
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw ex;
		}
		process.waitFor(10, TimeUnit.SECONDS);
		process.destroyForcibly();
		throw new IllegalStateException("The store process ended before it was ready: " + String.join("\n", seen));
	}

	private static void drain(BufferedReader output) {
		Thread drainer = new Thread(() -> {
			try {
				while (output.readLine() != null) {
					// Keep the pipe from filling up.
				}
			}
			catch (IOException ex) {
				// The process is gone.
			}
		}, "store-process-output");
		drainer.setDaemon(true);
		drainer.start();
	}

	public String connectionString() {
		return this.connectionString;
	}

	/**
	 * A new client of this store that gives up quickly once the store is gone (2 s to
	 * select it or connect), with room for 16 concurrent writers; the caller closes it.
	 */
	public MongoClient client() {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(this.connectionString))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(2, TimeUnit.SECONDS))
			.applyToConnectionPoolSettings((pool) -> pool.maxSize(16))
			.build());
	}

	/** SIGKILL on Linux: no shutdown hook, no final commit. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** Lets the store close cleanly (its standard input ends); kills it after 30 s. */
	public void stop() throws IOException, InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.getOutputStream().close();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Stops the store if it still runs: for {@code finally} and try-with-resources. */
	@Override
	public void close() throws IOException, InterruptedException {
		stop();
	}

}

package vn.ydan.api.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store as a process of its own ({@code ./ydan store}): the same file, the
 * same commit (and fsync) before every acknowledgement as inside the api, served on a
 * fixed port of 127.0.0.1 so that several api instances share it through
 * {@code MONGODB_URI} the way they would share a replica set
 * (docs/decisions/0017-several-instances.md). Arguments (or the environment):
 * {@code --data-dir} ({@code YDAN_DATA_DIR}), {@code --port} ({@code YDAN_STORE_PORT},
 * 27017), {@code --fsync=false} ({@code YDAN_STORE_FSYNC}). Exits with status 74 when the
 * file fails for good, as the api does; SIGTERM closes the file cleanly.
 */
public final class StoreServer {

	/** Printed once the store accepts connections, with its connection string. */
	public static final String READY = "Store ready: ";

	private static final Logger log = LoggerFactory.getLogger(StoreServer.class);

	private StoreServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		// Without Spring Boot's logging set-up, logback would log everything (DEBUG).
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.INFO);
		// Not a line per client connection.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.wire"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		String dataDirectory = option(args, "data-dir", "YDAN_DATA_DIR",
				System.getProperty("user.home") + "/.ydan/data");
		int port = Integer.parseInt(option(args, "port", "YDAN_STORE_PORT", "27017"));
		boolean fsync = Boolean.parseBoolean(option(args, "fsync", "YDAN_STORE_FSYNC", "true"));
		CountDownLatch stopped = new CountDownLatch(1);
		EmbeddedStore store = EmbeddedStore.open(Path.of(dataDirectory), fsync, port, (failure) -> {
			log.error("The store file failed; exiting with status {}", EmbeddedStoreConfiguration.STORE_FAILED);
			Runtime.getRuntime().halt(EmbeddedStoreConfiguration.STORE_FAILED);
		});
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			store.close();
			stopped.countDown();
		}, "store-shutdown"));
		System.out.println(READY + store.connectionString());
		System.out.flush();
		stopped.await();
	}

	private static String option(String[] args, String name, String variable, String otherwise) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--" + name + "=")) {
				return args[i].substring(name.length() + 3);
			}
			if (args[i].equals("--" + name) && i + 1 < args.length) {
				return args[i + 1];
			}
		}
		String value = System.getenv(variable);
		return (value != null && !value.isBlank()) ? value : otherwise;
	}

}

package vn.ydan.api.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded store alone in its own JVM, so that a test can {@code kill -9} it.
 * Arguments: the data directory, and {@code commit-before-ack} (what the API runs: commit
 * and fsync), {@code commit-no-fsync} (the API with {@code ydan.store.fsync=false}) or
 * {@code background-commit} (the stand-in as shipped, for comparison). Prints
 * {@code READY <connection string>} once it accepts connections; closes cleanly when its
 * standard input ends.
 */
final class StoreProcess {

	static final String READY = "READY ";

	static final String COMMIT_BEFORE_ACK = "commit-before-ack";

	static final String COMMIT_NO_FSYNC = "commit-no-fsync";

	static final String BACKGROUND_COMMIT = "background-commit";

	private StoreProcess() {
	}

	public static void main(String[] args) throws IOException {
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		Path directory = Path.of(args[0]);
		EmbeddedStore store;
		if (COMMIT_BEFORE_ACK.equals(args[1]) || COMMIT_NO_FSYNC.equals(args[1])) {
			store = EmbeddedStore.open(directory, COMMIT_BEFORE_ACK.equals(args[1]), (failure) -> {
			});
		}
		else {
			Files.createDirectories(directory);
			MVStore mvStore = new MVStore.Builder().fileName(directory.resolve(EmbeddedStore.FILE_NAME).toString())
				.open();
			store = new EmbeddedStore(new H2Backend(mvStore));
		}
		System.out.println(READY + store.connectionString());
		System.out.flush();
		while (System.in.read() != -1) {
			// Wait for the parent to close our standard input (or to kill us).
		}
		store.close();
	}

}

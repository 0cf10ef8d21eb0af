package vn.ydan.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process stand-in for MongoDB (mongo-java-server with its H2 backend), persisting
 * to one file and listening on a free port of 127.0.0.1 only.
 */
class EmbeddedStore implements AutoCloseable {

	static final String FILE_NAME = "api-store.mv";

	static final String DATABASE = "ydan";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private final H2Backend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	EmbeddedStore(H2Backend backend) {
		this.backend = backend;
		this.server = new MongoServer(backend);
		// Writes block their event loop while the store commits; four loops let a few
		// commit together.
		this.server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 4);
		this.address = this.server.getLocalAddress();
	}

	/**
	 * Opens (or creates) the store file in {@code dataDirectory} and starts serving it.
	 */
	static EmbeddedStore open(Path dataDirectory) {
		return open(dataDirectory, (failure) -> {
		});
	}

	/**
	 * Opens the store, calling {@code onFailure} once when it fails for good: MVStore
	 * closes itself after a failed write (out of memory, a full disk), and every later
	 * request would fail until a restart.
	 */
	static EmbeddedStore open(Path dataDirectory, Consumer<Throwable> onFailure) {
		Path file = dataDirectory.resolve(FILE_NAME);
		try {
			Files.createDirectories(dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDirectory, ex);
		}
		// MVStore locks the file: a second process on the same data directory fails here.
		AtomicBoolean failed = new AtomicBoolean();
		MVStore mvStore = new MVStore.Builder().fileName(file.toString())
			.backgroundExceptionHandler((thread, failure) -> {
				if (failed.compareAndSet(false, true)) {
					log.error("The embedded store failed and closes itself", failure);
					onFailure.accept(failure);
				}
			})
			.open();
		EmbeddedStore store = new EmbeddedStore(new CommitBeforeAckBackend(mvStore));
		log.info("Embedded MongoDB stand-in on {} storing in {}", store.connectionString(), file);
		return store;
	}

	String connectionString() {
		return "mongodb://127.0.0.1:" + this.address.getPort() + "/" + DATABASE;
	}

	MVStore mvStore() {
		return this.backend.getMvStore();
	}

	boolean isOpen() {
		return !this.backend.getMvStore().isClosed();
	}

	/**
	 * Stops serving and closes the file. {@code shutdownNow} closes the backend, whose
	 * MVStore commits what is left and writes a clean end, so the next start needs no
	 * recovery.
	 */
	@Override
	public void close() {
		log.info("Closing the embedded MongoDB stand-in");
		this.server.shutdownNow();
	}

}

package vn.ydan.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
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
 * <p>
 * The data directory is created private (0700) and the file is made private (0600) where
 * the file system has POSIX permissions. The port has no authentication: any process of
 * the machine can connect to it while the api runs, so the embedded store is for a
 * machine with one user (decision 0002).
 */
class EmbeddedStore implements AutoCloseable {

	static final String FILE_NAME = StoreFileFormat.FILE_NAME;

	/**
	 * The file's page cache, in MB. The api reads from its own read models (the registry,
	 * teams, consultations), so the store's cache mostly holds pages of documents just
	 * written; at H2's default of 16 MB it kept 17 MB of the api's heap alive, a tenth of
	 * {@code ./ydan run}'s heap, and an import of the nation's groups was no faster with
	 * it (bench/communities).
	 */
	static final int PAGE_CACHE_MB = 4;

	static final String DATABASE = "ydan";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

	private final H2Backend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	EmbeddedStore(H2Backend backend) {
		this(backend, 0);
	}

	/** Serving on {@code port} of 127.0.0.1 (0: a free one). */
	EmbeddedStore(H2Backend backend, int port) {
		this.backend = backend;
		this.server = new MongoServer(backend);
		// Writes block their event loop while the store commits; four loops let a few
		// commit together.
		this.server.bind(new InetSocketAddress("127.0.0.1", port), 1, 4);
		this.address = this.server.getLocalAddress();
	}

	/**
	 * Opens (or creates) the store file in {@code dataDirectory} and starts serving it,
	 * syncing every write to disk before acknowledging it.
	 */
	static EmbeddedStore open(Path dataDirectory) {
		return open(dataDirectory, true, (failure) -> {
		});
	}

	/** Opens the store with fsync, calling {@code onFailure} as below. */
	static EmbeddedStore open(Path dataDirectory, Consumer<Throwable> onFailure) {
		return open(dataDirectory, true, onFailure);
	}

	/**
	 * Opens the store, calling {@code onFailure} once when it fails for good: MVStore
	 * closes itself after a failed write (out of memory, a full disk), and every later
	 * request would fail until a restart.
	 * @param fsync whether every write is also forced to disk before it is acknowledged
	 * (see {@link CommitBeforeAckBackend}); without, it is only committed to the file
	 */
	static EmbeddedStore open(Path dataDirectory, boolean fsync, Consumer<Throwable> onFailure) {
		return open(dataDirectory, fsync, 0, onFailure);
	}

	/** The same, serving on {@code port} of 127.0.0.1 (0: a free one). */
	static EmbeddedStore open(Path dataDirectory, boolean fsync, int port, Consumer<Throwable> onFailure) {
		Path file = dataDirectory.resolve(FILE_NAME);
		try {
			createPrivately(dataDirectory, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDirectory, ex);
		}
		// MVStore locks the file: a second process on the same data directory fails here.
		AtomicBoolean failed = new AtomicBoolean();
		MVStore mvStore = new MVStore.Builder().fileName(file.toString())
			.cacheSize(PAGE_CACHE_MB)
			.backgroundExceptionHandler((thread, failure) -> {
				if (failed.compareAndSet(false, true)) {
					log.error("The embedded store failed and closes itself", failure);
					onFailure.accept(failure);
				}
			})
			.open();
		EmbeddedStore store;
		try {
			store = new EmbeddedStore(new CommitBeforeAckBackend(mvStore, fsync), port);
		}
		catch (RuntimeException ex) {
			// The port is taken: release the file for the next attempt.
			mvStore.close();
			throw ex;
		}
		log.info("Embedded MongoDB stand-in on {} storing in {}", store.connectionString(), file);
		if (!fsync) {
			log.warn("ydan.store.fsync=false: acknowledged writes survive the api dying, not the machine");
		}
		return store;
	}

	/**
	 * The directory 0700 when this creates it (an existing one is left as it is, with a
	 * warning if others may read it), the file 0600: the store holds personal data.
	 * Nothing on a file system without POSIX permissions.
	 */
	private static void createPrivately(Path dataDirectory, Path file) throws IOException {
		if (!dataDirectory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createDirectories(dataDirectory);
			StoreFileFormat.migrateIn(dataDirectory);
			return;
		}
		if (!Files.isDirectory(dataDirectory)) {
			Files.createDirectories(dataDirectory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
		}
		else if (!PRIVATE_DIRECTORY.containsAll(Files.getPosixFilePermissions(dataDirectory))) {
			log.warn("The data directory {} is open to other users ({}): chmod 700 it", dataDirectory,
					PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory)));
		}
		StoreFileFormat.migrateIn(dataDirectory);
		if (Files.exists(file)) {
			Files.setPosixFilePermissions(file, PRIVATE_FILE);
		}
		else {
			// An empty file is a new store to MVStore.
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
		}
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

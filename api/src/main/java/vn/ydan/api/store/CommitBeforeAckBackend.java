package vn.ydan.api.store;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The stand-in's H2 backend, made durable: the MVStore is committed before a write
 * command's reply is returned, so an acknowledged write survives {@code kill -9}. Left
 * alone, the MVStore commits about once a second in the background, and a crash loses
 * what was acknowledged since.
 * <p>
 * Every wire command passes through {@link #handleCommand} (OP_MSG via
 * {@code handleMessage}, legacy OP_QUERY via the database handler), on a Netty worker
 * thread that writes the reply only after this method returns. {@link MVStore#commit()}
 * takes the store lock and writes synchronously, so concurrent writers group into one
 * commit: a thread whose change was already stored by another's commit finds nothing left
 * to store.
 * <p>
 * With {@code fsync} (the default, {@code ydan.store.fsync}) the file is then forced to
 * disk ({@link MVStore#sync()}, {@code fsync(2)}) before the reply, so the write also
 * survives the machine losing power. Writers that committed while a sync was running
 * share the next one: at most one sync runs at a time, and a writer whose commit an
 * earlier sync covered does not sync again. Without {@code fsync} a write survives the
 * process dying, not the machine: it is in the OS page cache only.
 * <p>
 * Two exceptions, for a request that writes twice before its reply ({@link CommitLater}):
 * an insert marked to commit later does not commit (the next write's commit stores it),
 * and the {@code ydanCommit} command does nothing but commit.
 */
class CommitBeforeAckBackend extends H2Backend {

	/**
	 * Commands that never change the store. Everything else (insert, update, delete,
	 * findAndModify, create, createIndexes, drop, dropIndexes, dropDatabase,
	 * renameCollection, and commands this list does not know) commits before replying.
	 */
	private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct", "listcollections",
			"listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo", "serverstatus", "dbstats",
			"collstats", "whatsmyuri", "getlasterror", "reseterror", "connectionstatus", "hostinfo", "getcmdlineopts",
			"getlog", "getfreemonitoringstatus", "getparameter", "killcursors", "endsessions", "validate",
			"replsetgetstatus", "explain");

	private final boolean fsync;

	/** Commits that returned; a commit's number is taken after it returned. */
	private final AtomicLong commits = new AtomicLong();

	/** Every commit up to this number is on disk. Guarded by {@link #syncing}. */
	private long synced;

	private final ReentrantLock syncing = new ReentrantLock();

	/** Commits and syncs before acknowledging. */
	CommitBeforeAckBackend(MVStore store) {
		this(store, true);
	}

	/**
	 * @param fsync whether a write is forced to disk, not only committed to the file,
	 * before it is acknowledged
	 */
	CommitBeforeAckBackend(MVStore store, boolean fsync) {
		super(store);
		this.fsync = fsync;
	}

	/** Databases with typed maps: see {@link StoreFileFormat}. */
	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new TypedH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		try {
			if (command.equalsIgnoreCase(CommitLater.COMMIT_COMMAND)) {
				// Nothing to run: the commit below is the command.
				return new Document("ok", 1.0);
			}
			return super.handleCommand(channel, databaseName, command, query);
		}
		finally {
			// Also after a failed command: an ordered insert that stopped at a duplicate
			// key
			// has stored (and reports) the documents before it.
			if (changesStore(command, query)) {
				getMvStore().commit();
				if (this.fsync) {
					sync(this.commits.incrementAndGet());
				}
			}
		}
	}

	/**
	 * Forces the file to disk unless a sync that started after commit {@code mine} did.
	 */
	private void sync(long mine) {
		this.syncing.lock();
		try {
			if (this.synced >= mine) {
				return;
			}
			long covered = this.commits.get();
			getMvStore().sync();
			this.synced = covered;
		}
		finally {
			this.syncing.unlock();
		}
	}

	/**
	 * Whether the command commits before replying: every write, except an insert marked
	 * {@link CommitLater} (the next commit stores it).
	 */
	static boolean changesStore(String command, Document query) {
		String name = command.toLowerCase(Locale.ROOT);
		if (name.equals("insert") && CommitLater.COMMENT.equals(query.get("comment"))) {
			return false;
		}
		if (name.equals("aggregate")) {
			return writesOutput(query.get("pipeline"));
		}
		return !READ_ONLY.contains(name);
	}

	private static boolean writesOutput(Object pipeline) {
		if (!(pipeline instanceof List<?> stages)) {
			return false;
		}
		return stages.stream()
			.anyMatch((stage) -> stage instanceof Document document
					&& (document.containsKey("$out") || document.containsKey("$merge")));
	}

}

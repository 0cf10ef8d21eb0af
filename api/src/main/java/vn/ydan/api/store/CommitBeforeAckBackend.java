package vn.ydan.api.store;

import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 * This survives the process dying, not the machine: the file is written but not fsync'ed.
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

	CommitBeforeAckBackend(MVStore store) {
		super(store);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		try {
			return super.handleCommand(channel, databaseName, command, query);
		}
		finally {
			// Also after a failed command: an ordered insert that stopped at a duplicate
			// key
			// has stored (and reports) the documents before it.
			if (changesStore(command, query)) {
				getMvStore().commit();
			}
		}
	}

	static boolean changesStore(String command, Document query) {
		String name = command.toLowerCase(Locale.ROOT);
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

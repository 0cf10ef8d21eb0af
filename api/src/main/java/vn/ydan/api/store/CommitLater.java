package vn.ydan.api.store;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * Inserts whose commit waits for the next write, for a change whose reply waits for a
 * later write anyway: an online answer is followed by its audit entry, and the entry's
 * commit (and fsync) makes the answer durable too, before the household is told. One
 * commit per answer instead of two (issue 19).
 * <p>
 * The embedded store commits its whole file at once: a commit stores every change made
 * before it, whichever command made it. An insert marked here is applied, visible to
 * reads at once, and left for the next commit (any write command's, or the store's own
 * background commit within a second). MongoDB ignores the mark (a {@code comment}): there
 * every write is as durable as its write concern says, and {@link #commit} does nothing.
 * <p>
 * The caller must make sure a commit follows before anything is acknowledged: a later
 * write of its own, or {@link #commit}.
 */
public final class CommitLater {

	/** The {@code comment} that marks an insert to commit with the next write. */
	static final String COMMENT = "ydan:commit-later";

	/** The command that only commits (and syncs, with fsync) the embedded store. */
	static final String COMMIT_COMMAND = "ydanCommit";

	/** MongoDB's code for an unknown command. */
	private static final int COMMAND_NOT_FOUND = 59;

	private CommitLater() {
	}

	/** Options of an unordered insert left for the next commit. */
	public static InsertManyOptions unordered() {
		return new InsertManyOptions().ordered(false).comment(COMMENT);
	}

	/**
	 * Options of an ordered bulk write whose inserts are left for the next commit: the
	 * batches of one import, committed once at its end ({@link #commit}). Updates in the
	 * bulk still commit.
	 */
	public static BulkWriteOptions orderedBulk() {
		return new BulkWriteOptions().ordered(true).comment(COMMENT);
	}

	/**
	 * Commits (and, with fsync, syncs) everything written so far, when a write left for
	 * later has no write of its own to follow it (a failure on the way). Nothing on
	 * MongoDB.
	 */
	public static void commit(MongoDatabase database) {
		try {
			database.runCommand(new Document(COMMIT_COMMAND, 1));
		}
		catch (MongoCommandException ex) {
			if (ex.getErrorCode() != COMMAND_NOT_FOUND) {
				throw ex;
			}
		}
	}

}

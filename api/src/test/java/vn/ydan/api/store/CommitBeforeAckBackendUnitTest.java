package vn.ydan.api.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommitBeforeAckBackendUnitTest {

	@ParameterizedTest
	@ValueSource(strings = { "insert", "update", "delete", "findAndModify", "findandmodify", "create", "createIndexes",
			"drop", "dropIndexes", "dropDatabase", "renameCollection", "someFutureCommand" })
	void writeCommandsCommitBeforeReplying(String command) {
		assertThat(CommitBeforeAckBackend.changesStore(command, new Document(command, "units"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "find", "getMore", "count", "distinct", "listCollections", "listIndexes", "ping",
			"isMaster", "hello", "buildInfo", "killCursors", "endSessions" })
	void readCommandsDoNotWaitForTheDisk(String command) {
		assertThat(CommitBeforeAckBackend.changesStore(command, new Document(command, "units"))).isFalse();
	}

	@Test
	void onlyAnInsertMayLeaveItsCommitToTheNextWrite() {
		assertThat(CommitBeforeAckBackend.changesStore("insert", insertOne().append("comment", CommitLater.COMMENT)))
			.isFalse();
		assertThat(CommitBeforeAckBackend.changesStore("insert", insertOne().append("comment", "something else")))
			.isTrue();
		assertThat(CommitBeforeAckBackend.changesStore("update",
				new Document("update", "units").append("comment", CommitLater.COMMENT)))
			.isTrue();
	}

	@Test
	void anInsertLeftForLaterIsCommittedAndSyncedByTheNextWrite(@TempDir Path directory) {
		CountingFileStore file = new CountingFileStore(directory.resolve("store.mv"));
		MVStore mvStore = new MVStore.Builder().adoptFileStore(file).autoCommitDisabled().open();
		try {
			CommitBeforeAckBackend backend = new CommitBeforeAckBackend(mvStore);
			backend.handleCommand(new EmbeddedChannel(), "ydan", "insert", insertOne());
			int before = file.syncs.get();

			backend.handleCommand(new EmbeddedChannel(), "ydan", "insert",
					new Document("insert", "answers").append("documents", List.of(new Document("_id", "a")))
						.append("comment", CommitLater.COMMENT));

			assertThat(mvStore.hasUnsavedChanges()).isTrue();
			assertThat(file.syncs.get()).isEqualTo(before);

			backend.handleCommand(new EmbeddedChannel(), "ydan", "insert",
					new Document("insert", "auditLog").append("documents", List.of(new Document("_id", 1L))));

			assertThat(mvStore.hasUnsavedChanges()).isFalse();
			assertThat(file.syncs.get()).isGreaterThan(before);
		}
		finally {
			mvStore.close();
		}
	}

	@Test
	void theCommitCommandCommitsAndSyncsWhatWasLeftForLater(@TempDir Path directory) {
		CountingFileStore file = new CountingFileStore(directory.resolve("store.mv"));
		MVStore mvStore = new MVStore.Builder().adoptFileStore(file).autoCommitDisabled().open();
		try {
			CommitBeforeAckBackend backend = new CommitBeforeAckBackend(mvStore);
			backend.handleCommand(new EmbeddedChannel(), "ydan", "insert", insertOne());
			backend.handleCommand(new EmbeddedChannel(), "ydan", "insert",
					new Document("insert", "answers").append("documents", List.of(new Document("_id", "a")))
						.append("comment", CommitLater.COMMENT));
			int before = file.syncs.get();

			Document reply = backend.handleCommand(new EmbeddedChannel(), "ydan", CommitLater.COMMIT_COMMAND,
					new Document(CommitLater.COMMIT_COMMAND, 1));

			assertThat(reply.get("ok")).isEqualTo(1.0);
			assertThat(mvStore.hasUnsavedChanges()).isFalse();
			assertThat(file.syncs.get()).isGreaterThan(before);
		}
		finally {
			mvStore.close();
		}
	}

	@Test
	void aggregationCommitsOnlyWhenItWritesItsOutput() {
		Document reading = new Document("aggregate", "units").append("pipeline",
				List.of(new Document("$match", new Document("type", "xa"))));
		Document writing = new Document("aggregate", "units").append("pipeline",
				List.of(new Document("$match", new Document()), new Document("$out", "units_copy")));

		assertThat(CommitBeforeAckBackend.changesStore("aggregate", reading)).isFalse();
		assertThat(CommitBeforeAckBackend.changesStore("aggregate", writing)).isTrue();
	}

	@Test
	void writesAreSyncedToDiskBeforeReplying(@TempDir Path directory) {
		CountingFileStore file = new CountingFileStore(directory.resolve("store.mv"));
		MVStore mvStore = new MVStore.Builder().adoptFileStore(file).open();
		try {
			CommitBeforeAckBackend backend = new CommitBeforeAckBackend(mvStore);
			int before = file.syncs.get();

			backend.handleCommand(new EmbeddedChannel(), "ydan", "insert", insertOne());

			assertThat(mvStore.hasUnsavedChanges()).isFalse();
			assertThat(file.syncs.get()).isGreaterThan(before);
		}
		finally {
			mvStore.close();
		}
	}

	@Test
	void withoutFsyncWritesAreCommittedButNotSynced(@TempDir Path directory) {
		CountingFileStore file = new CountingFileStore(directory.resolve("store.mv"));
		MVStore mvStore = new MVStore.Builder().adoptFileStore(file).open();
		try {
			CommitBeforeAckBackend backend = new CommitBeforeAckBackend(mvStore, false);
			int before = file.syncs.get();

			backend.handleCommand(new EmbeddedChannel(), "ydan", "insert", insertOne());

			assertThat(mvStore.hasUnsavedChanges()).isFalse();
			assertThat(file.syncs.get()).isEqualTo(before);
		}
		finally {
			mvStore.close();
		}
	}

	private static Document insertOne() {
		return new Document("insert", "units").append("documents", List.of(new Document("_id", 1)));
	}

	/** The store's file, counting its fsyncs. */
	static final class CountingFileStore extends SingleFileStore {

		final AtomicInteger syncs = new AtomicInteger();

		CountingFileStore(Path file) {
			super(Map.of());
			open(file.toString(), false, null);
		}

		@Override
		public void sync() {
			this.syncs.incrementAndGet();
			super.sync();
		}

	}

}

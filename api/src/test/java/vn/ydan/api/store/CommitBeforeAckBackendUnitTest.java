package vn.ydan.api.store;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
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
	void aggregationCommitsOnlyWhenItWritesItsOutput() {
		Document reading = new Document("aggregate", "units").append("pipeline",
				List.of(new Document("$match", new Document("type", "xa"))));
		Document writing = new Document("aggregate", "units").append("pipeline",
				List.of(new Document("$match", new Document()), new Document("$out", "units_copy")));

		assertThat(CommitBeforeAckBackend.changesStore("aggregate", reading)).isFalse();
		assertThat(CommitBeforeAckBackend.changesStore("aggregate", writing)).isTrue();
	}

}

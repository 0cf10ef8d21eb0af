package vn.ydan.api.store;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class EmbeddedStoreIntegrationTest {

	@Test
	void answersPing(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.open(directory);
				MongoClient client = MongoClients.create(store.connectionString())) {
			Document reply = client.getDatabase(EmbeddedStore.DATABASE).runCommand(new Document("ping", 1));

			assertThat(reply.get("ok", Number.class).intValue()).isEqualTo(1);
		}
	}

	@Test
	void gracefulCloseKeepsEverything(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.open(directory);
				MongoClient client = MongoClients.create(store.connectionString())) {
			client.getDatabase(EmbeddedStore.DATABASE)
				.getCollection("units")
				.insertMany(IntStream.range(0, 100).mapToObj((i) -> new Document("_id", i)).toList());
		}

		try (EmbeddedStore store = EmbeddedStore.open(directory);
				MongoClient client = MongoClients.create(store.connectionString())) {
			assertThat(client.getDatabase(EmbeddedStore.DATABASE).getCollection("units").countDocuments())
				.isEqualTo(100);
		}
	}

	@Test
	void refusesAFileAlreadyInUse(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.open(directory)) {
			assertThatException().isThrownBy(() -> EmbeddedStore.open(directory)).withMessageContaining("locked");
		}
	}

	@Test
	void reportsOnceWhenTheStoreFailsForGood(@TempDir Path directory) {
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		try (EmbeddedStore store = EmbeddedStore.open(directory, failures::add)) {
			MVStore mvStore = store.mvStore();
			// What MVStore does when a write fails: report, then close at once.
			for (int i = 0; i < 2; i++) {
				assertThatException().isThrownBy(() -> mvStore
					.panic(DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED, "disk full (simulated)")));
			}
			mvStore.closeImmediately();

			assertThat(failures).singleElement()
				.extracting(Throwable::getMessage)
				.asString()
				.contains("disk full (simulated)");
		}
	}

	@Test
	void listensOnLoopbackOnly(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.open(directory)) {
			assertThat(store.connectionString()).startsWith("mongodb://127.0.0.1:").endsWith("/ydan");
		}
	}

	@Test
	void dataDirectoryAndFileArePrivate(@TempDir Path directory) throws Exception {
		assertThat(FileSystems.getDefault().supportedFileAttributeViews()).as("the machines the store runs on")
			.contains("posix");
		Path data = directory.resolve("data");
		try (EmbeddedStore store = EmbeddedStore.open(data)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
			assertThat(
					PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(EmbeddedStore.FILE_NAME))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void anExistingStoreFileIsMadePrivate(@TempDir Path directory) throws Exception {
		assertThat(FileSystems.getDefault().supportedFileAttributeViews()).as("the machines the store runs on")
			.contains("posix");
		try (EmbeddedStore store = EmbeddedStore.open(directory)) {
			// Created by an earlier version, with the default permissions.
		}
		Path file = directory.resolve(EmbeddedStore.FILE_NAME);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		try (EmbeddedStore store = EmbeddedStore.open(directory)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
	}

}

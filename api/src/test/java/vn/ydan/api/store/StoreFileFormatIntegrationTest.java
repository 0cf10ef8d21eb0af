package vn.ydan.api.store;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoreFileFormatIntegrationTest {

	@Test
	void aFileOfTheDefaultLayoutIsCopiedIntoFormatTwoWithItsDocumentsAndUniqueIndexes(@TempDir Path directory) {
		MVStore old = new MVStore.Builder()
			.fileName(directory.resolve(StoreFileFormat.DEFAULT_LAYOUT_FILE_NAME).toString())
			.open();
		MongoServer server = new MongoServer(new H2Backend(old));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> units = client.getDatabase(EmbeddedStore.DATABASE).getCollection("units");
			units.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			for (int i = 0; i < 500; i++) {
				units.insertOne(
						new Document("_id", "u" + i).append("code", "%05d".formatted(i)).append("name", "Phường " + i));
			}
		}
		finally {
			server.shutdownNow();
		}

		try (EmbeddedStore store = EmbeddedStore.open(directory);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> units = client.getDatabase(EmbeddedStore.DATABASE).getCollection("units");

			assertThat(units.countDocuments()).isEqualTo(500);
			assertThat(units.find(Filters.eq("code", "00321")).first()).containsEntry("name", "Phường 321");
			assertThat(units.find(Filters.eq("_id", "u42")).first()).containsEntry("code", "00042");
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> units.insertOne(new Document("_id", "another").append("code", "00007")))
				.withMessageContaining("duplicate key");
		}
		assertThat(directory.resolve(StoreFileFormat.FILE_NAME)).exists();
		assertThat(directory.resolve(StoreFileFormat.DEFAULT_LAYOUT_FILE_NAME)).doesNotExist();
		assertThat(directory.resolve(StoreFileFormat.DEFAULT_LAYOUT_FILE_NAME + StoreFileFormat.MIGRATED_SUFFIX))
			.exists();
		assertThat(directory.resolve(StoreFileFormat.FILE_NAME + ".partial")).doesNotExist();
	}

	@Test
	void documentsOfEveryBsonKindReadBackEqualAfterARestart(@TempDir Path directory) {
		Document original = new Document("_id", "d1").append("int", 7)
			.append("long", 1L << 40)
			.append("double", 0.25)
			.append("text", "Xã Đoài Phương")
			.append("flag", true)
			.append("nothing", null)
			.append("when", Date.from(Instant.parse("2025-07-01T00:00:00Z")))
			.append("oid", new ObjectId())
			.append("bytes", new Binary(new byte[] { 1, 2, 3 }))
			.append("list", List.of("a", 1, new Document("x", 2)))
			.append("nested", new Document("a", new Document("b", List.of())));
		try (EmbeddedStore store = EmbeddedStore.open(directory);
				MongoClient client = MongoClients.create(store.connectionString())) {
			client.getDatabase(EmbeddedStore.DATABASE).getCollection("things").insertOne(original);
		}

		try (EmbeddedStore store = EmbeddedStore.open(directory);
				MongoClient client = MongoClients.create(store.connectionString())) {
			Document read = client.getDatabase(EmbeddedStore.DATABASE).getCollection("things").find().first();

			assertThat(read).isEqualTo(original);
		}
	}

	@Test
	void aNewStoreStartsInFormatTwo(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.open(directory)) {
			assertThat(store.connectionString()).isNotEmpty();
		}
		assertThat(directory.resolve(StoreFileFormat.FILE_NAME)).exists();
		assertThat(directory.resolve(StoreFileFormat.DEFAULT_LAYOUT_FILE_NAME)).doesNotExist();
	}

	@Test
	void indexKeysAreOrderedValueByValueAndEqualOnlyWhenEqual() {
		IndexKeyType keys = IndexKeyType.INSTANCE;

		assertThat(keys.compare(new KeyValue("a", 1L), new KeyValue("a", 2L))).isNegative();
		assertThat(keys.compare(new KeyValue("b"), new KeyValue("a", 9L))).isPositive();
		assertThat(keys.compare(new KeyValue("x", 3), new KeyValue("x", 3))).isZero();
		assertThat(keys.compare(new KeyValue(1L), new KeyValue(1))).isNotZero();
		assertThat(Integer.signum(keys.compare(new KeyValue(1L), new KeyValue("1"))))
			.isEqualTo(-Integer.signum(keys.compare(new KeyValue("1"), new KeyValue(1L))));
		assertThat(keys.compare(new KeyValue(List.of("p", "q")), new KeyValue(List.of("p", "q")))).isZero();
		assertThat(keys.compare(new KeyValue(List.of("p", "q")), new KeyValue(List.of("p", "r")))).isNotZero();
	}

	@Test
	void indexKeysAreWrittenValueByValueAndReadBackEqual() {
		IndexKeyType keys = IndexKeyType.INSTANCE;
		KeyValue key = new KeyValue("Thôn mẫu 01", 7, 8L, 1.5, null, true, UUID.randomUUID(),
				new Date(1_700_000_000_000L), new de.bwaldvogel.mongo.bson.ObjectId(), List.of("p", "q"));

		ByteBuffer written = write(keys, key);

		assertThat(written.get(0) & 0xff).isEqualTo(IndexKeyType.KEY_VALUES);
		assertThat(written.remaining()).isLessThan(ObjectDataType.serialize(key).length / 2);
		Object read = keys.read(written);
		assertThat(read).isEqualTo(key);
		assertThat(keys.compare(read, key)).isZero();
		assertThat(written.hasRemaining()).isFalse();
	}

	@Test
	void anIndexKeyJavaSerializedByAnEarlierVersionStillReads() {
		KeyValue key = new KeyValue("00001", 2L);

		ByteBuffer written = write(new ObjectDataType(), key);

		assertThat(IndexKeyType.INSTANCE.read(written)).isEqualTo(key);
	}

	private static ByteBuffer write(ObjectDataType type, Object value) {
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, value);
		return buffer.getBuffer().flip();
	}

	@Test
	void theDefaultLayoutFileIsNotTouchedWhenFormatTwoIsAlreadyThere(@TempDir Path directory) throws Exception {
		try (EmbeddedStore store = EmbeddedStore.open(directory)) {
			assertThat(store.isOpen()).isTrue();
		}
		Files.writeString(directory.resolve(StoreFileFormat.DEFAULT_LAYOUT_FILE_NAME), "left over");

		try (EmbeddedStore store = EmbeddedStore.open(directory)) {
			assertThat(store.isOpen()).isTrue();
		}
		assertThat(directory.resolve(StoreFileFormat.DEFAULT_LAYOUT_FILE_NAME)).hasContent("left over");
	}

}

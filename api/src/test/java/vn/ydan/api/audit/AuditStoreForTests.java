package vn.ydan.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonDocument;
import org.bson.Document;
import vn.ydan.api.access.Caller;

/**
 * An audit log on an in-memory stand-in, with a clock the test moves, and the raw
 * collection to tamper with.
 */
final class AuditStoreForTests implements AutoCloseable {

	final MongoServer server = new MongoServer(new MemoryBackend());

	final MongoClient client;

	final MongoDatabase database;

	final MutableClock clock = new MutableClock(Instant.parse("2025-04-18T01:00:00Z"));

	/** The tests' key: a temporary one, as the key file would hold. */
	final AuditKey key = AuditKey.of("ydan-test-audit-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	/** The published heads of the tests' logs, in a temporary file. */
	final PublishedHeads heads;

	AuditStoreForTests() {
		this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.bind().getPort());
		this.database = this.client.getDatabase("ydan");
		try {
			Path directory = Files.createTempDirectory("ydan-audit-test");
			directory.toFile().deleteOnExit();
			this.heads = new PublishedHeads(directory.resolve("audit-heads.log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A log as one API process sees it; several share the store like several processes.
	 */
	AuditLog newLog(int chunk) {
		return new AuditLog(this.database, this.clock, chunk, this.key, this.heads);
	}

	/** The keyed hash of an entry, as the log computes it (for forging with the key). */
	String keyedHash(BsonDocument entry) {
		return this.key.hasher().of(entry);
	}

	MongoCollection<Document> raw() {
		return this.database.getCollection(AuditLog.COLLECTION);
	}

	static NewEntry entry(String actor, String kind, List<String> unitIds) {
		return new NewEntry(new Caller(actor, "Nguyễn Văn An", List.of("admin"), "ydan-console"), "req-" + actor, kind,
				unitIds, "Sửa đơn vị", BsonValues.document(java.util.Map.of("name", "Trúc Bạch", "population", 15000)),
				null, null, AuditOutcome.OK, List.of());
	}

	@Override
	public void close() {
		this.client.close();
		this.server.shutdownNow();
	}

	static final class MutableClock extends Clock {

		private final AtomicLong millis;

		MutableClock(Instant start) {
			this.millis = new AtomicLong(start.toEpochMilli());
		}

		void set(Instant instant) {
			this.millis.set(instant.toEpochMilli());
		}

		@Override
		public long millis() {
			return this.millis.get();
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}

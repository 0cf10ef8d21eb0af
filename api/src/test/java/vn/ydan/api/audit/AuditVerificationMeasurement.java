package vn.ydan.api.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.BsonDocument;
import org.slf4j.LoggerFactory;
import vn.ydan.api.access.Caller;
import vn.ydan.api.store.StandIns;

/**
 * For {@code bench/audit/measure.sh}: fills an embedded store file (the API's stand-in,
 * H2 file, served over loopback as in the API) with a chain of audit entries shaped like
 * real ones, then, in a fresh JVM, times verification and the viewer's reads with the
 * API's own {@link AuditLog}.
 *
 * <pre>
 * fill   DIR ENTRIES        write ENTRIES chained entries (bulk inserts of 1,000)
 * verify DIR [CHUNK...]     verify the chain once per chunk size, before (one thread
 *                           reads chunks by _id $in, then hashes each) and now (a reader
 *                           thread with one cursor sorted on _id, the hashing on this
 *                           one); time pages and CSV
 * pipelined DIR             only the verification as it is now (for a profile)
 * chunks DIR                only the verification as it was (_id $in chunks, one thread)
 *
 * The store file's format: -Dydan.bench.format=2 the api's (issue 19), else
 * mongo-java-server's default layout (copied into format 2 the first time format 2 is
 * asked for, and kept).
 * hash   ENTRIES            no store: decode ENTRIES entries from BSON bytes and check
 *                           their chain, the part of a verification a real MongoDB
 *                           leaves to the API
 * </pre>
 */
final class AuditVerificationMeasurement {

	private static final int BULK = 1_000;

	private AuditVerificationMeasurement() {
	}

	public static void main(String[] args) throws Exception {
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		Path directory = Path.of(args[1]);
		switch (args[0]) {
			case "fill" -> fill(directory, Integer.parseInt(args[2]));
			case "verify" -> {
				List<Integer> chunks = new ArrayList<>();
				for (int i = 2; i < args.length; i++) {
					chunks.add(Integer.parseInt(args[i]));
				}
				verify(directory, chunks.isEmpty() ? List.of(AuditLog.CHUNK) : chunks);
			}
			case "hash" -> hashOnly(Integer.parseInt(args[1]));
			case "chunks" -> {
				try (Store store = new Store(directory)) {
					long start = System.nanoTime();
					long verified = sequentialVerify(store.database, AuditLog.CHUNK);
					System.out.printf("verify BEFORE, _id $in chunks, one thread: %,d entries, %.1f s%n", verified,
							seconds(start));
				}
			}
			case "pipelined" -> {
				try (Store store = new Store(directory)) {
					long start = System.nanoTime();
					AuditLog.Verification verification = newLog(store.database, AuditLog.CHUNK).verify(null);
					System.out.printf("verify NOW, pipelined: %,d entries, verified=%s, %.1f s%n",
							verification.entries(), verification.verified(), seconds(start));
				}
			}
			default -> throw new IllegalArgumentException("fill, verify or hash, not " + args[0]);
		}
	}

	/** The bench's key, as the key file would hold. */
	private static final AuditKey KEY = AuditKey.of("ydan-bench-audit-key-0123456789ab".getBytes());

	private static AuditLog newLog(MongoDatabase database, int chunk) {
		return new AuditLog(database, Clock.systemUTC(), chunk, KEY, PublishedHeads.none());
	}

	/**
	 * Verification as it was before the pipeline: one thread reads a chunk by numbers,
	 * then hashes and checks it, then reads the next.
	 */
	private static long sequentialVerify(MongoDatabase database, int chunk) {
		AuditLog log = newLog(database, chunk);
		ChainHash hashes = KEY.hasher();
		String previous = ChainHash.GENESIS;
		long seq = 0;
		while (true) {
			List<BsonDocument> documents = log.fetch(seq + 1, seq + chunk);
			for (BsonDocument document : documents) {
				if (AuditEntry.seqOf(document) != seq + 1
						|| !hashes.of(document).equals(document.getString(ChainHash.HASH).getValue())
						|| !previous.equals(document.getString(AuditLog.PREV_HASH).getValue())) {
					return seq;
				}
				previous = document.getString(ChainHash.HASH).getValue();
				seq++;
			}
			if (documents.size() < chunk) {
				return seq;
			}
		}
	}

	private static void fill(Path directory, int entries) throws Exception {
		Files.createDirectories(directory);
		try (Store store = new Store(directory)) {
			AuditLog log = newLog(store.database, AuditLog.CHUNK);
			MongoCollection<BsonDocument> collection = store.database.getCollection(AuditLog.COLLECTION,
					BsonDocument.class);
			long start = System.nanoTime();
			// 1 April to now-ish: about a month of entries, times never going down.
			long at = Instant.parse("2025-04-01T00:00:00Z").toEpochMilli();
			String previous = ChainHash.GENESIS;
			List<BsonDocument> batch = new ArrayList<>(BULK);
			for (int seq = 1; seq <= entries; seq++) {
				at += 2_500;
				BsonDocument document = log.toDocument(entry(seq), seq, at, previous);
				previous = document.getString(ChainHash.HASH).getValue();
				batch.add(document);
				if (batch.size() == BULK || seq == entries) {
					collection.insertMany(batch);
					batch = new ArrayList<>(BULK);
				}
				if (seq % 100_000 == 0) {
					System.out.printf("  filled %,d entries in %.1f s%n", seq, seconds(start));
				}
			}
			System.out.printf("fill: %,d entries in %.1f s%n", entries, seconds(start));
		}
		try (var files = Files.list(directory)) {
			files.forEach((file) -> System.out.printf("store file %s: %,d MB%n", file.getFileName(),
					file.toFile().length() / 1_000_000));
		}
	}

	private static NewEntry entry(int seq) {
		String actor = (seq % 1_000 == 0) ? "thanhtra" : "canbo" + (seq % 50);
		String unit = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("Unit:COMMUNE:" + String.format("%05d", seq % 10_000)).getBytes());
		return new NewEntry(new Caller(actor, "Trần Thị Bình", List.of("official"), "ydan-console"),
				java.util.UUID.randomUUID().toString(),
				(seq % 10 == 0) ? "mutation:addResidentialGroup" : "mutation:updateUnit", List.of(unit),
				"Sửa số hộ của Phường Trúc Bạch",
				BsonValues.document(Map.of("input",
						Map.of("id", unit, "households", 4100 + seq % 100, "population", 15000, "expectedVersion", 3))),
				BsonValues.document(Map.of("households", 4000, "population", 15000)),
				BsonValues.document(Map.of("households", 4100 + seq % 100, "population", 15000)), AuditOutcome.OK,
				List.of());
	}

	private static void verify(Path directory, List<Integer> chunks) throws Exception {
		try (Store store = new Store(directory)) {
			for (int chunk : chunks) {
				// Twice each, alternating: the first walk of a JVM pays for cold caches.
				for (int round = 1; round <= 2; round++) {
					long before = System.nanoTime();
					long sound = sequentialVerify(store.database, chunk);
					System.out.printf("verify BEFORE, sequential (chunk %d, round %d): %,d entries sound, %.1f s%n",
							chunk, round, sound, seconds(before));
					AuditLog log = newLog(store.database, chunk);
					long start = System.nanoTime();
					AuditLog.Verification verification = log.verify(null);
					System.out.printf("verify NOW, pipelined (chunk %d, round %d): %,d entries, verified=%s, %.1f s%n",
							chunk, round, verification.entries(), verification.verified(), seconds(start));
				}
			}
			AuditLog log = newLog(store.database, AuditLog.CHUNK);
			time("first page of 50, no filter", () -> log.newestFirst(AuditFilter.NONE, null, 51).size());
			time("first page of 50, one day (2025-04-10)", () -> log
				.newestFirst(new AuditFilter(null, null, null, LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 10)),
						null, 51)
				.size());
			time("first page of 50, actor with 1 entry in 1,000",
					() -> log.newestFirst(new AuditFilter("thanhtra", null, null, null, null), null, 51).size());
			time("actor matching nothing (whole log read)",
					() -> log.newestFirst(new AuditFilter("khongai", null, null, null, null), null, 51).size());
			time("CSV of one day (2025-04-10)", () -> {
				AuditCsv csv = new AuditCsv(new StringBuilder());
				log.oldestFirst(new AuditFilter(null, null, null, LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 10)),
						(entry) -> {
							csv.add(entry);
							return csv.rows() < AuditReading.MAX_CSV_ROWS;
						});
				return csv.rows();
			});
			time("append one entry (head found by probing)", () -> {
				AuditLog fresh = newLog(store.database, AuditLog.CHUNK);
				return (int) fresh.append(entry(7)).seq();
			});
		}
	}

	private static void hashOnly(int entries) {
		// The driver connects lazily: this client never does.
		MongoClient unused = MongoClients.create("mongodb://127.0.0.1:9");
		AuditLog log = newLog(unused.getDatabase("ydan"), AuditLog.CHUNK);
		// As a driver receives them: BSON bytes, decoded one batch at a time.
		List<byte[]> encoded = new ArrayList<>(entries);
		String previous = ChainHash.GENESIS;
		long at = Instant.parse("2025-04-01T00:00:00Z").toEpochMilli();
		for (int seq = 1; seq <= entries; seq++) {
			BsonDocument document = log.toDocument(entry(seq), seq, at += 2_500, previous);
			previous = document.getString(ChainHash.HASH).getValue();
			org.bson.RawBsonDocument raw = new org.bson.RawBsonDocument(document,
					new org.bson.codecs.BsonDocumentCodec());
			encoded.add(java.util.Arrays.copyOf(raw.getByteBuffer().array(), raw.getByteBuffer().remaining()));
		}
		long start = System.nanoTime();
		ChainHash hashes = KEY.hasher();
		org.bson.codecs.BsonDocumentCodec codec = new org.bson.codecs.BsonDocumentCodec();
		String expected = ChainHash.GENESIS;
		int sound = 0;
		for (byte[] bytes : encoded) {
			BsonDocument document = codec.decode(new org.bson.BsonBinaryReader(java.nio.ByteBuffer.wrap(bytes)),
					org.bson.codecs.DecoderContext.builder().build());
			String hash = document.getString(ChainHash.HASH).getValue();
			if (hashes.of(document).equals(hash)
					&& document.getString(AuditLog.PREV_HASH).getValue().equals(expected)) {
				sound++;
			}
			expected = hash;
		}
		System.out.printf("decode + hash + link check, no store: %,d of %,d entries sound, %.1f s%n", sound, entries,
				seconds(start));
		unused.close();
	}

	private static void time(String what, java.util.function.IntSupplier action) {
		long start = System.nanoTime();
		int result = action.getAsInt();
		System.out.printf("%s: %d, %.0f ms%n", what, result, (System.nanoTime() - start) / 1e6);
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	/** The stand-in on a file, served over loopback like the API's. */
	private static final class Store implements AutoCloseable {

		final MongoServer server;

		final MongoClient client;

		final MongoDatabase database;

		Store(Path directory) {
			// ydan.bench.format=2: the api's file format (issue 19), else
			// mongo-java-server's default.
			this.server = new MongoServer(
					StandIns.open(directory, "2".equals(System.getProperty("ydan.bench.format"))));
			this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.bind().getPort());
			this.database = this.client.getDatabase("ydan");
		}

		@Override
		public void close() {
			this.client.close();
			this.server.shutdownNow();
		}

	}

}

package vn.ydan.api.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * Writes to the embedded store in a child JVM from several threads through the real
 * driver, {@code kill -9}s the child in the middle of the burst, restarts it on the same
 * file and counts which acknowledged inserts survived. Used by
 * {@code StoreDurabilityIntegrationTest} and by {@code bench/durability/kill9.sh}
 * (through {@link #main}).
 */
final class Kill9Measurement {

	private final Path directory;

	private final String mode;

	private final int inserts;

	private final int threads;

	private final int killAfter;

	/**
	 * @param directory a fresh data directory
	 * @param commitBeforeAck true for the API's backend, false for the stand-in as
	 * shipped
	 * @param inserts how many inserts the burst would make if not interrupted
	 * @param threads how many threads share them
	 * @param killAfter how many acknowledgements to wait for before killing the store
	 */
	Kill9Measurement(Path directory, boolean commitBeforeAck, int inserts, int threads, int killAfter) {
		this(directory, commitBeforeAck ? StoreProcess.COMMIT_BEFORE_ACK : StoreProcess.BACKGROUND_COMMIT, inserts,
				threads, killAfter);
	}

	/**
	 * @param mode one of {@link StoreProcess}'s modes
	 */
	Kill9Measurement(Path directory, String mode, int inserts, int threads, int killAfter) {
		this.directory = directory;
		this.mode = mode;
		this.inserts = inserts;
		this.threads = threads;
		this.killAfter = killAfter;
	}

	Result run() throws Exception {
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		double insertsPerSecond;
		try (StoreChild child = StoreChild.start(this.directory, this.mode); MongoClient client = child.client()) {
			MongoCollection<Document> collection = client.getDatabase(EmbeddedStore.DATABASE).getCollection("burst");
			collection.insertOne(new Document("_id", "warm-up"));
			acknowledged.add("warm-up");
			AtomicInteger next = new AtomicInteger();
			CountDownLatch enough = new CountDownLatch(this.killAfter);
			ExecutorService writers = Executors.newFixedThreadPool(this.threads);
			long start = System.nanoTime();
			List<CompletableFuture<Void>> done = new ArrayList<>();
			for (int t = 0; t < this.threads; t++) {
				done.add(CompletableFuture.runAsync(() -> write(collection, next, acknowledged, enough), writers));
			}
			boolean reached = enough.await(60, TimeUnit.SECONDS);
			int acknowledgedAtKill = acknowledged.size();
			insertsPerSecond = acknowledgedAtKill / ((System.nanoTime() - start) / 1e9);
			child.kill();
			CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			writers.shutdown();
			if (!reached) {
				throw new IllegalStateException("Only " + acknowledgedAtKill + " inserts acknowledged in 60 s");
			}
		}
		Set<String> present = new HashSet<>();
		try (StoreChild restarted = StoreChild.start(this.directory, this.mode);
				MongoClient client = restarted.client()) {
			client.getDatabase(EmbeddedStore.DATABASE)
				.getCollection("burst")
				.find()
				.forEach((document) -> present.add(document.get("_id").toString()));
		}
		Set<String> lost = new HashSet<>(acknowledged);
		lost.removeAll(present);
		return new Result(this.mode, acknowledged.size(), present.size(), lost.size(), insertsPerSecond);
	}

	private void write(MongoCollection<Document> collection, AtomicInteger next, Set<String> acknowledged,
			CountDownLatch enough) {
		int i;
		while ((i = next.getAndIncrement()) < this.inserts) {
			String id = "insert-" + i;
			try {
				collection.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
			}
			catch (RuntimeException ex) {
				// The store was killed: this insert was not acknowledged, and no later
				// one will be.
				return;
			}
			acknowledged.add(id);
			enough.countDown();
		}
	}

	/**
	 * @param acknowledged inserts the driver reported as done before the kill
	 * @param present documents found after restarting on the same file
	 * @param lost acknowledged inserts missing after the restart
	 * @param insertsPerSecond acknowledged inserts per second until the kill
	 */
	record Result(String mode, int acknowledged, int present, int lost, double insertsPerSecond) {

		@Override
		public String toString() {
			return "%-18s acknowledged %6d  present after restart %6d  lost %5d  inserts/s %6.0f".formatted(this.mode,
					this.acknowledged, this.present, this.lost, this.insertsPerSecond);
		}

	}

	/**
	 * Prints the figures of {@code rounds} kills for each backend. Arguments: rounds (3),
	 * inserts (10000), threads (8), kill after (5000), modes (all of
	 * {@link StoreProcess}'s, comma-separated).
	 */
	public static void main(String[] args) throws Exception {
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		int inserts = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		int killAfter = (args.length > 3) ? Integer.parseInt(args[3]) : 5_000;
		System.out.printf("kill -9 after %d of %d inserts from %d threads, %d round(s) per backend%n", killAfter,
				inserts, threads, rounds);
		List<String> modes = (args.length > 4) ? List.of(args[4].split(","))
				: List.of(StoreProcess.COMMIT_BEFORE_ACK, StoreProcess.COMMIT_NO_FSYNC, StoreProcess.BACKGROUND_COMMIT);
		// Rounds interleave the modes, so that a burst of other work on the machine hits
		// each alike.
		for (int round = 0; round < rounds; round++) {
			for (String mode : modes) {
				Path directory = Files.createTempDirectory("ydan-kill9");
				System.out.println(new Kill9Measurement(directory, mode, inserts, threads, killAfter).run());
			}
		}
	}

}

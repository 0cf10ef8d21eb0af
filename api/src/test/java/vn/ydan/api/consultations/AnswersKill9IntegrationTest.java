package vn.ydan.api.consultations;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.ydan.api.store.StoreChild;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5: after {@code kill -9} of the store during a burst of online answers and a
 * restart, every acknowledged answer is there, once, and the counts rebuilt from the
 * store match the stored answers. The store runs in a child JVM on a file; the answers go
 * through the api's own write paths from 16 threads: {@link Answers#insert} (a group
 * commit), and {@link Answers#insertCommittedLater} followed by another write that
 * commits, as an answer's audit entry does in a request (one commit for both).
 */
class AnswersKill9IntegrationTest {

	private static final String CONSULTATION = "kill9";

	private static final int COMMUNES = 5;

	private static final int GROUPS_PER_COMMUNE = 4;

	private static final int HOUSEHOLDS = 2_000;

	private static final int WRITERS = 16;

	private static final int KILL_AFTER = 500;

	private static final List<String> NAMES = List.of("Hòa Bình", "Thái Hòa");

	private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

	/** How an answer is made durable before it is acknowledged. */
	enum WritePath {

		/** Its own commit ({@link Answers#insert}). */
		OWN_COMMIT,

		/**
		 * The commit of the write that follows it ({@link Answers#insertCommittedLater},
		 * then an insert elsewhere standing for the audit entry).
		 */
		NEXT_WRITE_COMMITS

	}

	@ParameterizedTest
	@EnumSource(WritePath.class)
	void everyAcknowledgedAnswerSurvivesKill9AndTheRebuiltCountsMatchTheStoredAnswers(WritePath path,
			@TempDir Path directory) throws Exception {
		long started = System.nanoTime();
		List<Households.Household> households = households();
		Map<String, Answers.Answer> sent = new HashMap<>();
		households.forEach((household) -> sent.put(household.id(), answerOf(household)));
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Burst burst;
		try (StoreChild store = StoreChild.start(directory); MongoClient client = store.client()) {
			MongoDatabase database = client.getDatabase(StoreChild.DATABASE);
			Households register = new Households(database);
			register.saveAll(households);
			register.freeze(CONSULTATION, register.countByCommune(communes()));
			burst = burst(writer(path, database), households, sent, acknowledged, store);
		}

		try (StoreChild restarted = StoreChild.start(directory); MongoClient client = restarted.client()) {
			MongoDatabase database = client.getDatabase(StoreChild.DATABASE);
			Answers answers = new Answers(database);
			List<Document> stored = new ArrayList<>();
			database.getCollection(Answers.COLLECTION).find().into(stored);
			List<String> storedHouseholds = stored.stream().map((answer) -> answer.getString("householdId")).toList();
			Set<String> lost = new HashSet<>(acknowledged);
			storedHouseholds.forEach(lost::remove);
			System.out.printf(
					"answers kill -9: acknowledged %d (%d at the kill, %d writers stopped by it), present after restart %d, lost %d; burst %.1f s, until the restarted store was read %.1f s%n",
					acknowledged.size(), burst.acknowledgedAtKill(), burst.stoppedByKill(), stored.size(), lost.size(),
					burst.seconds(), (System.nanoTime() - started) / 1e9);

			assertThat(burst.reached()).as("%d answers acknowledged before the kill", KILL_AFTER).isTrue();
			assertThat(stored).as("the kill cut the burst short").hasSizeLessThan(HOUSEHOLDS);
			assertThat(burst.refused()).as("first answers refused during the burst").isEmpty();

			assertThat(lost).as("acknowledged answers missing after kill -9 and a restart").isEmpty();
			for (String household : acknowledged) {
				assertThat(answers.find(CONSULTATION, household)).as("the stored answer of %s", household)
					.isEqualTo(sent.get(household));
			}
			assertThat(storedHouseholds).as("households with more than one stored answer").doesNotHaveDuplicates();
			assertThat(answers.count(CONSULTATION)).as("answers the store counts").isEqualTo(stored.size());

			ResultBoard.Board board = new ResultBoard(new Households(database), answers, new Tallies(database))
				.of(consultation());
			long online = 0;
			for (String commune : communes()) {
				List<Document> ofCommune = stored.stream()
					.filter((answer) -> commune.equals(answer.getString("communeId")))
					.toList();
				ResultBoard.Figures figures = board.commune(commune);
				assertThat(figures.households()).as("households frozen in %s", commune)
					.isEqualTo(HOUSEHOLDS / COMMUNES);
				assertThat(figures.online()).as("online answers counted in %s", commune).isEqualTo(ofCommune.size());
				assertThat(figures.agree()).as("agreeing answers counted in %s", commune)
					.isEqualTo(ofCommune.stream().filter((answer) -> answer.getBoolean("agree")).count());
				assertThat(figures.names()).as("names chosen counted in %s", commune).isEqualTo(namesOf(ofCommune));
				online += figures.online();
			}
			assertThat(online).as("online answers counted in all communes").isEqualTo(stored.size());

			Set<String> acceptedTwice = twice(answers, acknowledged, sent);
			assertThat(acceptedTwice).as("acknowledged households whose second answer was accepted").isEmpty();
			assertThat(answers.count(CONSULTATION)).as("answers stored after the second answers")
				.isEqualTo(stored.size());
		}
	}

	/**
	 * Answers every household from {@link #WRITERS} threads, and kills the store once
	 * {@link #KILL_AFTER} are acknowledged; a writer stops at its first failure, or once
	 * the store is dead.
	 */
	/** Stores an answer as {@code path} does; true when it is acknowledged. */
	private static Predicate<Answers.Answer> writer(WritePath path, MongoDatabase database) {
		Answers answers = new Answers(database);
		if (path == WritePath.OWN_COMMIT) {
			return answers::insert;
		}
		MongoCollection<Document> entries = database.getCollection("entriesStandIn");
		return (answer) -> {
			boolean stored = answers.insertCommittedLater(answer);
			entries.insertOne(new Document("household", answer.householdId()).append("stored", stored));
			return stored;
		};
	}

	private static Burst burst(Predicate<Answers.Answer> answers, List<Households.Household> households,
			Map<String, Answers.Answer> sent, Set<String> acknowledged, StoreChild store) throws Exception {
		Set<String> refused = ConcurrentHashMap.newKeySet();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger stoppedByKill = new AtomicInteger();
		AtomicBoolean killed = new AtomicBoolean();
		long started = System.nanoTime();
		CountDownLatch enough = new CountDownLatch(KILL_AFTER);
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		try {
			List<CompletableFuture<Void>> done = new ArrayList<>();
			for (int t = 0; t < WRITERS; t++) {
				done.add(CompletableFuture.runAsync(() -> {
					int i;
					while (!killed.get() && (i = next.getAndIncrement()) < households.size()) {
						String household = households.get(i).id();
						boolean stored;
						try {
							stored = answers.test(sent.get(household));
						}
						catch (RuntimeException ex) {
							// The store was killed: not acknowledged, and no later answer
							// of this writer would be.
							stoppedByKill.incrementAndGet();
							return;
						}
						if (stored) {
							acknowledged.add(household);
							enough.countDown();
						}
						else {
							refused.add(household);
						}
					}
				}, writers));
			}
			boolean reached = enough.await(60, TimeUnit.SECONDS);
			int acknowledgedAtKill = acknowledged.size();
			store.kill();
			// Writers still answering would each wait for the store to come back, one
			// at a time (the group commit's lock): none of their answers could be
			// acknowledged anyway.
			killed.set(true);
			CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			return new Burst(reached, acknowledgedAtKill, stoppedByKill.get(), refused,
					(System.nanoTime() - started) / 1e9);
		}
		finally {
			writers.shutdownNow();
		}
	}

	/**
	 * Answers each acknowledged household again; returns those accepted a second time.
	 */
	private static Set<String> twice(Answers answers, Set<String> acknowledged, Map<String, Answers.Answer> sent)
			throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		try {
			List<CompletableFuture<String>> again = new ArrayList<>();
			for (String household : acknowledged) {
				Answers.Answer answer = sent.get(household);
				Answers.Answer second = new Answers.Answer(answer.consultationId(), household, answer.communeId(),
						answer.groupId(), !answer.agree(), answer.nameChoice(), answer.by(), answer.clientId(),
						NOW.plusSeconds(60), "second-" + household);
				again.add(CompletableFuture.supplyAsync(() -> answers.insert(second) ? household : "", writers));
			}
			Set<String> accepted = new HashSet<>();
			for (CompletableFuture<String> outcome : again) {
				accepted.add(outcome.get(60, TimeUnit.SECONDS));
			}
			accepted.removeIf(Predicate.isEqual(""));
			return accepted;
		}
		finally {
			writers.shutdownNow();
		}
	}

	/**
	 * Households spread over the groups in turn, so that the burst reaches every commune.
	 */
	private static List<Households.Household> households() {
		List<Households.Household> households = new ArrayList<>();
		int groups = COMMUNES * GROUPS_PER_COMMUNE;
		for (int i = 0; i < HOUSEHOLDS; i++) {
			int group = i % groups;
			households.add(new Households.Household("h-%04d".formatted(i), commune(group / GROUPS_PER_COMMUNE),
					"g-%02d".formatted(group)));
		}
		return households;
	}

	private static Answers.Answer answerOf(Households.Household household) {
		int n = Integer.parseInt(household.id().substring(2));
		return new Answers.Answer(CONSULTATION, household.id(), household.communeId(), household.groupId(), n % 3 != 0,
				NAMES.get(n % 2), "resident-" + household.id(), "ydan-app", NOW, "key-" + household.id());
	}

	private static String commune(int index) {
		return "c-%d".formatted(index);
	}

	private static List<String> communes() {
		List<String> communes = new ArrayList<>();
		for (int c = 0; c < COMMUNES; c++) {
			communes.add(commune(c));
		}
		return communes;
	}

	private static Consultation consultation() {
		List<Consultation.ConsultedUnit> units = communes().stream()
			.map((commune) -> new Consultation.ConsultedUnit(commune, List.of("new-" + commune), NAMES))
			.toList();
		return new Consultation(CONSULTATION, "plan", "Lấy ý kiến (kill -9)", NOW.minusSeconds(3_600),
				NOW.plusSeconds(86_400), PassRule.DEFAULT, ConsultationStatus.OPEN, 1, null, units, Map.of(), 1,
				"official", NOW.minusSeconds(7_200));
	}

	private static Map<String, Long> namesOf(List<Document> answers) {
		Map<String, Long> names = new TreeMap<>();
		answers.forEach((answer) -> names.merge(answer.getString("nameChoice"), 1L, Long::sum));
		return names;
	}

	/**
	 * @param reached whether {@link #KILL_AFTER} answers were acknowledged
	 * @param acknowledgedAtKill answers acknowledged just before the kill
	 * @param stoppedByKill writers whose answer failed
	 * @param refused households whose first answer was refused as a second one
	 * @param seconds from the first answer until every writer stopped
	 */
	private record Burst(boolean reached, int acknowledgedAtKill, int stoppedByKill, Set<String> refused,
			double seconds) {
	}

}

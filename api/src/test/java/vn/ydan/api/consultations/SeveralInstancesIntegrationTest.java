package vn.ydan.api.consultations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import vn.ydan.api.ApiChild;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.store.StoreChild;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, decision 17: two api instances, each a JVM of its own, over one store (the
 * embedded store as its own process, committing before it acknowledges, as
 * {@code ./ydan run --instances 2} runs it). They start together on an empty store (the
 * demo registry and plans are loaded once, under a lease), and then: answers spread over
 * both store one per household; a close through one is refused by the other within a
 * second; results, certification and publication agree whichever instance serves them; an
 * apply started through both runs once; the audit chain, appended to by both, stays
 * sound; and {@code kill -9} of one during a burst loses no acknowledged answer while the
 * other keeps serving. One set of processes serves every test, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIntegrationTest {

	private static StoreChild store;

	private static MongoClient client;

	private static MongoDatabase database;

	private static ApiChild first;

	private static ApiChild second;

	private static GraphQlHttp a;

	private static GraphQlHttp b;

	/** The consultation certified and published, whose plan is then applied. */
	private static ConsultationFixture published;

	@BeforeAll
	static void startTwoInstancesOverOneStore() throws Exception {
		Path directory = Path.of(ApiIntegrationTest.temporaryDirectory());
		store = StoreChild.start(directory.resolve("store"));
		client = store.client();
		database = client.getDatabase(StoreChild.DATABASE);
		Path data = Files.createDirectories(directory.resolve("data"));
		// Quick resumption of an apply whose holder died, for the test's time.
		first = ApiChild.start(store.connectionString(), data, directory.resolve("api-1.log"),
				"ydan.plans.resume-check-interval=2s");
		second = ApiChild.start(store.connectionString(), data, directory.resolve("api-2.log"),
				"ydan.plans.resume-check-interval=2s");
		first.awaitReady(Duration.ofMinutes(4));
		second.awaitReady(Duration.ofMinutes(4));
		a = first.api();
		b = second.api();
	}

	@AfterAll
	static void stop() throws Exception {
		for (AutoCloseable closing : new AutoCloseable[] { first, second, client, store }) {
			if (closing != null) {
				closing.close();
			}
		}
	}

	@Test
	@Order(1)
	void startingTogetherOnAnEmptyStoreTheyLoadTheDemoDataOnce() {
		assertThat(database.getCollection("plans").countDocuments(Filters.regex("title", "thành phố Hà Nội năm 2025")))
			.as("demo Hanoi plans")
			.isEqualTo(1);
		for (GraphQlHttp api : List.of(a, b)) {
			assertThat(
					api.query("{ unitByCode(code: \"01\", level: PROVINCE, asOf: \"2025-04-18\") { fullName } }", null)
						.<String>read("$.data.unitByCode.fullName"))
				.contains("Hà Nội");
		}
	}

	@Test
	@Order(2)
	void aThousandConcurrentAnswersThroughBothStoreOnePerHousehold() throws Exception {
		String[] communes = { "00001", "00004", "00006", "00007", "00008" };
		ConsultationFixture consultation = new ConsultationFixture(a, "91001", "Ba Đình Một", 20, communes);
		List<String> households = new ArrayList<>();
		for (String commune : communes) {
			for (int group = 1; group <= 2; group++) {
				for (int n = 1; n <= 20; n++) {
					households.add(ConsultationFixture.household(commune, group, n));
				}
			}
		}
		assertThat(households).hasSize(200);
		Set<String> stored = ConcurrentHashMap.newKeySet();
		AtomicInteger storedTwice = new AtomicInteger();
		AtomicInteger alreadyAnswered = new AtomicInteger();
		List<String> other = new ArrayList<>();
		ExecutorService senders = Executors.newFixedThreadPool(32);
		try {
			List<CompletableFuture<Void>> sent = new ArrayList<>();
			for (int attempt = 0; attempt < 5; attempt++) {
				for (int i = 0; i < households.size(); i++) {
					String household = households.get(i);
					GraphQlHttp api = ((i + attempt) % 2 == 0) ? a : b;
					String key = "k" + attempt;
					sent.add(CompletableFuture.runAsync(() -> {
						GraphQlHttp.Response answered = answer(api, consultation.consultationId, household, key);
						String code = answered.read("$.data.answerConsultation.userErrors[0].code");
						if (answered.read("$.data.answerConsultation.answer.at") != null) {
							if (!stored.add(household)) {
								storedTwice.incrementAndGet();
							}
						}
						else if ("ALREADY_ANSWERED".equals(code)) {
							alreadyAnswered.incrementAndGet();
						}
						else {
							synchronized (other) {
								other.add(answered.body());
							}
						}
					}, senders));
				}
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			senders.shutdown();
		}

		assertThat(other).as("answers neither stored nor refused as a second answer").isEmpty();
		assertThat(stored).as("households whose answer was stored").hasSize(200);
		assertThat(storedTwice).as("households told twice that their answer was stored").hasValue(0);
		assertThat(alreadyAnswered).as("second answers refused").hasValue(800);
		assertThat(database.getCollection(Answers.COLLECTION)
			.countDocuments(Filters.eq("consultationId", consultation.consultationId))).as("answers in the store")
			.isEqualTo(200);
	}

	@Test
	@Order(3)
	void aCloseThroughOneIsRefusedByTheOtherWithinASecond() throws InterruptedException {
		ConsultationFixture consultation = new ConsultationFixture(a, "91002", "Ba Đình Hai", 30, "00013");
		// The other instance has it in memory, open.
		assertThat(answer(b, consultation.consultationId, ConsultationFixture.household("00013", 1, 1), "k")
			.<String>read("$.data.answerConsultation.answer.at")).isNotNull();

		consultation.close();
		long closed = System.nanoTime();
		String refusal = null;
		int n = 2;
		// The commune has 30 households: one try every 50 ms covers 1.45 s.
		while (refusal == null && n <= 30) {
			refusal = answer(b, consultation.consultationId, ConsultationFixture.household("00013", 1, n++), "k")
				.read("$.data.answerConsultation.userErrors[0].code");
			if (refusal == null) {
				Thread.sleep(50);
			}
		}
		long millis = (System.nanoTime() - closed) / 1_000_000;
		System.out.printf("several instances: an answer through the other instance refused %d ms after the close%n",
				millis);

		assertThat(refusal).isEqualTo("OUTSIDE_WINDOW");
		assertThat(millis).as("ms until the other instance refuses answers").isLessThanOrEqualTo(1_000);
		// A later change through the other instance is based on the stored state, not a
		// stale one.
		GraphQlHttp.Response closedAgain = b.query(
				"mutation($id: ID!) { closeConsultation(id: $id, reason: \"Thử nhiều phiên bản\") { consultation { status } userErrors { code } } }",
				Map.of("id", consultation.consultationId), ConsultationFixture.official());
		assertThat(closedAgain.<String>read("$.data.closeConsultation.userErrors[0].code")).as(closedAgain.body())
			.isNotEqualTo("VERSION_CONFLICT");
	}

	@Test
	@Order(4)
	void resultsCertificationAndPublicationAgreeWhicheverInstanceServesThem() throws InterruptedException {
		ConsultationFixture consultation = new ConsultationFixture(a, "91003", "Ba Đình Ba", 10, "00016", "00019");
		published = consultation;
		int i = 0;
		for (String commune : List.of("00016", "00019")) {
			for (int group = 1; group <= 2; group++) {
				for (int n = 1; n <= 6; n++) {
					GraphQlHttp.Response answered = answer((i++ % 2 == 0) ? a : b, consultation.consultationId,
							ConsultationFixture.household(commune, group, n), "k");
					assertThat(answered.<String>read("$.data.answerConsultation.answer.at")).as(answered.body())
						.isNotNull();
				}
			}
		}
		GraphQlHttp.Response closed = b.query(
				"mutation($id: ID!) { closeConsultation(id: $id, reason: \"Thử nhiều phiên bản\") { consultation { status } userErrors { code } } }",
				Map.of("id", consultation.consultationId), ConsultationFixture.official());
		assertThat(closed.<String>read("$.data.closeConsultation.consultation.status")).as(closed.body())
			.isEqualTo("CLOSED");
		// Paper counts through the other instance than the one that certifies.
		for (String group : consultation.groups.values()) {
			for (String token : List.of(ConsultationFixture.clerk(), ConsultationFixture.admin())) {
				GraphQlHttp.Response entered = b.query("""
						mutation($id: ID!, $group: ID!) { enterTally(input: { consultationId: $id, groupId: $group,
						  counts: { issued: 4, returned: 3, valid: 3, invalid: 0, agree: 2, disagree: 1 } }) {
						  tally { state } userErrors { code message } } }""",
						Map.of("id", consultation.consultationId, "group", group), token);
				assertThat(entered.<List<?>>read("$.data.enterTally.userErrors")).as(entered.body()).isEmpty();
			}
		}
		String admin = ConsultationFixture.admin();
		assertThat(results(a, consultation.consultationId, admin))
			.isEqualTo(results(b, consultation.consultationId, admin));
		assertThat(results(a, consultation.consultationId, admin)).contains("\"tookPart\":36");

		consultation.certifyAndPublish();

		// The other instance reads the published state once its copy is older than
		// ydan.consultations.refresh-interval (500 ms).
		String published = results(a, consultation.consultationId, admin);
		long deadline = System.nanoTime() + 2_000_000_000L;
		String seenByTheOther = results(b, consultation.consultationId, admin);
		while (!seenByTheOther.equals(published) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			seenByTheOther = results(b, consultation.consultationId, admin);
		}
		assertThat(seenByTheOther).isEqualTo(published);
		String anonymous = results(b, consultation.consultationId, null);
		assertThat(anonymous).contains("\"published\":true").contains("\"tookPart\":36");
		assertThat(results(a, consultation.consultationId, null)).isEqualTo(anonymous);
	}

	@Test
	@Order(5)
	void anApplyStartedThroughBothInstancesRunsOnce() throws Exception {
		String planId = published.planId;
		GraphQlHttp.Response adopted = a.query("""
				mutation($id: ID!) { adoptPlan(input: { planId: $id, number: "18/NQ-THU", date: "2025-06-16",
				  confirmPastEffectiveDate: true }) { plan { status } userErrors { code message } } }""",
				Map.of("id", planId), ConsultationFixture.official());
		assertThat(adopted.<String>read("$.data.adoptPlan.plan.status")).as(adopted.body()).isEqualTo("ADOPTED");

		List<CompletableFuture<GraphQlHttp.Response>> applies = new ArrayList<>();
		for (GraphQlHttp api : List.of(a, b)) {
			applies.add(CompletableFuture.supplyAsync(() -> api.query("""
					mutation($id: ID!) { applyPlan(planId: $id) { plan { status } userErrors { code message } } }""",
					Map.of("id", planId), ConsultationFixture.admin())));
		}
		for (CompletableFuture<GraphQlHttp.Response> apply : applies) {
			GraphQlHttp.Response applied = apply.get();
			assertThat(applied.<List<?>>read("$.data.applyPlan.userErrors")).as(applied.body()).isEmpty();
		}
		String status = null;
		for (int attempt = 0; attempt < 120 && !"IN_EFFECT".equals(status); attempt++) {
			Thread.sleep(500);
			status = b
				.query("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", planId),
						ConsultationFixture.admin())
				.read("$.data.plan.status");
		}

		assertThat(status).isEqualTo("IN_EFFECT");
		assertThat(database.getCollection("auditLog").countDocuments(Filters.eq("kind", "job:applyPlan")))
			.as("applies that ran (their job's audit entries)")
			.isEqualTo(1);
		assertThat(database.getCollection("leases").countDocuments()).as("leases left behind").isZero();
	}

	@Test
	@Order(6)
	void theAuditChainAppendedToByBothStaysSound() {
		long entries = database.getCollection("auditLog").countDocuments();
		assertThat(entries).as("audit entries").isGreaterThan(500);
		for (GraphQlHttp api : List.of(a, b)) {
			GraphQlHttp.Response verified = api.query("{ verifyAuditLog { verified entries reason firstBrokenSeq } }",
					ConsultationFixture.admin());
			assertThat(verified.<Boolean>read("$.data.verifyAuditLog.verified")).as(verified.body()).isTrue();
			assertThat(verified.<Integer>read("$.data.verifyAuditLog.entries")).as(verified.body())
				.isGreaterThanOrEqualTo((int) entries);
		}
	}

	@Test
	@Order(7)
	void killNineOfOneDuringABurstLosesNoAcknowledgedAnswerAndTheOtherKeepsServing() throws Exception {
		String[] communes = { "00022", "00025" };
		ConsultationFixture consultation = new ConsultationFixture(a, "91004", "Ba Đình Bốn", 50, communes);
		List<String> households = new ArrayList<>();
		for (String commune : communes) {
			for (int group = 1; group <= 2; group++) {
				for (int n = 1; n <= 50; n++) {
					households.add(ConsultationFixture.household(commune, group, n));
				}
			}
		}
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Set<String> failed = ConcurrentHashMap.newKeySet();
		AtomicBoolean killed = new AtomicBoolean();
		AtomicInteger next = new AtomicInteger();
		ExecutorService senders = Executors.newFixedThreadPool(16);
		List<CompletableFuture<Void>> done = new ArrayList<>();
		for (int t = 0; t < 16; t++) {
			done.add(CompletableFuture.runAsync(() -> {
				int i;
				while ((i = next.getAndIncrement()) < households.size()) {
					String household = households.get(i);
					GraphQlHttp api = (i % 2 == 0 || killed.get()) ? a : b;
					try {
						if (answer(api, consultation.consultationId, household, "k")
							.read("$.data.answerConsultation.answer.at") != null) {
							acknowledged.add(household);
						}
						else {
							failed.add(household);
						}
					}
					catch (RuntimeException ex) {
						// The instance died under this request: not acknowledged; the
						// client sends it again, to the instance that serves.
						GraphQlHttp.Response again = answer(a, consultation.consultationId, household, "k");
						(again.read("$.data.answerConsultation.answer.at") != null ? acknowledged : failed)
							.add(household);
					}
					if (acknowledged.size() >= 60 && killed.compareAndSet(false, true)) {
						try {
							second.kill();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
				}
			}, senders));
		}
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
		senders.shutdown();

		assertThat(killed).isTrue();
		assertThat(second.isAlive()).isFalse();
		assertThat(failed).as("answers refused").isEmpty();
		Set<String> storedHouseholds = new HashSet<>();
		for (Document answer : database.getCollection(Answers.COLLECTION)
			.find(Filters.eq("consultationId", consultation.consultationId))) {
			storedHouseholds.add(answer.getString("householdId"));
		}
		assertThat(acknowledged).as("acknowledged").hasSize(200);
		assertThat(storedHouseholds).as("stored answers").containsAll(acknowledged).hasSize(200);
		assertThat(a.query("{ consultations { id } }", ConsultationFixture.admin()).status()).isEqualTo(200);
	}

	private static GraphQlHttp.Response answer(GraphQlHttp api, String consultationId, String household, String key) {
		return api.query("""
				mutation($id: ID!, $key: String!) { answerConsultation(input: { consultationId: $id, agree: true,
				  idempotencyKey: $key }) { answer { at } replayed userErrors { code message } } }""",
				Map.of("id", consultationId, "key", key), ConsultationFixture.resident(household));
	}

	private static String results(GraphQlHttp api, String consultationId, String token) {
		GraphQlHttp.Response response = api.query("""
				query($id: ID!) { consultation(id: $id) { status results { published
				  communes { unit { code } households tookPart agree disagree outcome groups groupsReported certified }
				  districts { unit { code } passed failed pending certified } provinces { unit { code } certified }
				  total { households tookPart agree } } } }""", Map.of("id", consultationId), token);
		assertThat(response.<Object>read("$.data.consultation.results")).as(response.body()).isNotNull();
		// The data only: the extensions tell the caller's own budget.
		int extensions = response.body().indexOf(",\"extensions\"");
		return (extensions < 0) ? response.body() : response.body().substring(0, extensions);
	}

}

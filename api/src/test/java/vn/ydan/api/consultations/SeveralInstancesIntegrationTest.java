package vn.ydan.api.consultations;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ydan.api.ApiChild;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.store.StoreChild;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, decision 17: three api instances, each a JVM of its own, over one store (the
 * embedded store as its own process, committing before it acknowledges, as
 * {@code ./ydan run --instances 3} runs it). They start together on an empty store (the
 * demo registry and plans are loaded once, under a lease), and then: answers spread over
 * two of them, and over all three, store one per household; a close through one is
 * refused by the others within a second; results, certification and publication agree
 * whichever instance serves them; an apply started through all three runs once; the audit
 * chain, appended to by all, stays sound; {@code kill -9} of one during a burst over
 * three loses no acknowledged answer while the others keep serving; and an apply whose
 * holder is killed midway is resumed by another instance once its lease expires, ending
 * as one clean apply would. One set of processes serves every test, in order (the
 * two-instance cases use two of the three).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIntegrationTest {

	private static StoreChild store;

	private static MongoClient client;

	private static MongoDatabase database;

	private static ApiChild first;

	private static ApiChild second;

	private static ApiChild third;

	private static GraphQlHttp a;

	private static GraphQlHttp b;

	private static GraphQlHttp c;

	/** The three, in order. */
	private static List<GraphQlHttp> instances;

	/** The consultation certified and published, whose plan is then applied. */
	private static ConsultationFixture published;

	@BeforeAll
	static void startThreeInstancesOverOneStore() throws Exception {
		Path directory = Path.of(ApiIntegrationTest.temporaryDirectory());
		store = StoreChild.start(directory.resolve("store"));
		client = store.client();
		database = client.getDatabase(StoreChild.DATABASE);
		Path data = Files.createDirectories(directory.resolve("data"));
		// Quick resumption of an apply whose holder died, for the test's time; an apply
		// answers at once (RUNNING), its job goes on without the request.
		String[] properties = { "ydan.plans.resume-check-interval=2s", "ydan.plans.apply-wait=0s" };
		first = ApiChild.start(store.connectionString(), data, directory.resolve("api-1.log"), properties);
		second = ApiChild.start(store.connectionString(), data, directory.resolve("api-2.log"), properties);
		third = ApiChild.start(store.connectionString(), data, directory.resolve("api-3.log"), properties);
		for (ApiChild instance : List.of(first, second, third)) {
			instance.awaitReady(Duration.ofMinutes(5));
		}
		a = first.api();
		b = second.api();
		c = third.api();
		instances = List.of(a, b, c);
		// Each instance resolves the issuer at its first signed-in request; on a busy
		// machine that may time out once (HTTP 500), and it is resolved again at the
		// next.
		for (GraphQlHttp instance : instances) {
			for (int attempt = 0; attempt < 10
					&& instance.query("{ consultations { id } }", ConsultationFixture.admin())
						.status() != 200; attempt++) {
				Thread.sleep(1_000);
			}
		}
	}

	@AfterAll
	static void stop() throws Exception {
		for (AutoCloseable closing : new AutoCloseable[] { first, second, third, client, store }) {
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
		for (GraphQlHttp api : instances) {
			assertThat(
					api.query("{ unitByCode(code: \"01\", level: PROVINCE, asOf: \"2025-04-18\") { fullName } }", null)
						.<String>read("$.data.unitByCode.fullName"))
				.contains("Hà Nội");
		}
	}

	@ParameterizedTest(name = "over {0} instances")
	@ValueSource(ints = { 2, 3 })
	@Order(2)
	void aThousandConcurrentAnswersSpreadOverTheInstancesStoreOnePerHousehold(int over) throws Exception {
		// Communes of their own for each case; 200 of their households answer.
		String[] communes = (over == 3) ? new String[] { "00001", "00004", "00006", "00007", "00008" }
				: new String[] { "00028", "00031", "00034" };
		int perGroup = (over == 3) ? 20 : 34;
		ConsultationFixture consultation = new ConsultationFixture(a, (over == 3) ? "91001" : "91005",
				"Ba Đình Một " + over, perGroup, communes);
		List<String> households = new ArrayList<>();
		for (String commune : communes) {
			for (int group = 1; group <= 2; group++) {
				for (int n = 1; n <= perGroup; n++) {
					households.add(ConsultationFixture.household(commune, group, n));
				}
			}
		}
		households = households.subList(0, 200);
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
					GraphQlHttp api = instances.get((i + attempt) % over);
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
	void aCloseThroughOneIsRefusedByTheOthersWithinASecond() throws InterruptedException {
		ConsultationFixture consultation = new ConsultationFixture(a, "91002", "Ba Đình Hai", 30, "00013");
		// The other instances have it in memory, open; each answers for a group of its
		// own.
		Map<GraphQlHttp, Integer> groups = Map.of(b, 1, c, 2);
		for (Map.Entry<GraphQlHttp, Integer> other : groups.entrySet()) {
			assertThat(answer(other.getKey(), consultation.consultationId,
					ConsultationFixture.household("00013", other.getValue(), 1), "k")
				.<String>read("$.data.answerConsultation.answer.at")).isNotNull();
		}

		consultation.close();
		long closed = System.nanoTime();
		Map<GraphQlHttp, String> refusals = new HashMap<>();
		long millis = 0;
		// Each group has 30 households: one try every 50 ms covers 1.45 s.
		for (int n = 2; refusals.size() < groups.size() && n <= 30; n++) {
			for (Map.Entry<GraphQlHttp, Integer> other : groups.entrySet()) {
				if (!refusals.containsKey(other.getKey())) {
					String refusal = answer(other.getKey(), consultation.consultationId,
							ConsultationFixture.household("00013", other.getValue(), n), "k")
						.read("$.data.answerConsultation.userErrors[0].code");
					if (refusal != null) {
						refusals.put(other.getKey(), refusal);
						millis = (System.nanoTime() - closed) / 1_000_000;
					}
				}
			}
			if (refusals.size() < groups.size()) {
				Thread.sleep(50);
			}
		}
		System.out.printf("several instances: answers through both other instances refused %d ms after the close%n",
				millis);

		assertThat(refusals).as("refusals by the other instances").hasSize(2);
		assertThat(refusals.values()).containsOnly("OUTSIDE_WINDOW");
		assertThat(millis).as("ms until the other instances refuse answers").isLessThanOrEqualTo(1_000);
		// A later change through another instance is based on the stored state, not a
		// stale one.
		for (GraphQlHttp other : groups.keySet()) {
			GraphQlHttp.Response closedAgain = other.query(
					"mutation($id: ID!) { closeConsultation(id: $id, reason: \"Thử nhiều phiên bản\") { consultation { status } userErrors { code } } }",
					Map.of("id", consultation.consultationId), ConsultationFixture.official());
			assertThat(closedAgain.<String>read("$.data.closeConsultation.userErrors[0].code")).as(closedAgain.body())
				.isNotEqualTo("VERSION_CONFLICT");
		}
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
		String counted = results(b, consultation.consultationId, admin);
		assertThat(counted).contains("\"tookPart\":36");
		seenByEveryInstance(counted, consultation.consultationId, admin);

		consultation.certifyAndPublish();

		seenByEveryInstance(results(a, consultation.consultationId, admin), consultation.consultationId, admin);
		String anonymous = results(b, consultation.consultationId, null);
		assertThat(anonymous).contains("\"published\":true").contains("\"tookPart\":36");
		assertThat(results(a, consultation.consultationId, null)).isEqualTo(anonymous)
			.isEqualTo(results(c, consultation.consultationId, null));
	}

	/**
	 * Each instance reads the consultation's new state once its copy is older than
	 * ydan.consultations.refresh-interval (500 ms); the check itself is one store read,
	 * which a loaded machine may delay, hence a deadline of a few seconds.
	 */
	private static void seenByEveryInstance(String expected, String consultationId, String token)
			throws InterruptedException {
		for (GraphQlHttp instance : List.of(a, b, c)) {
			long deadline = System.nanoTime() + 5_000_000_000L;
			String seen = results(instance, consultationId, token);
			while (!seen.equals(expected) && System.nanoTime() < deadline) {
				Thread.sleep(100);
				seen = results(instance, consultationId, token);
			}
			assertThat(seen).isEqualTo(expected);
		}
	}

	@Test
	@Order(5)
	void anApplyStartedThroughAllInstancesRunsOnce() throws Exception {
		String planId = published.planId;
		GraphQlHttp.Response adopted = a.query("""
				mutation($id: ID!) { adoptPlan(input: { planId: $id, number: "18/NQ-THU", date: "2025-06-16",
				  confirmPastEffectiveDate: true }) { plan { status } userErrors { code message } } }""",
				Map.of("id", planId), ConsultationFixture.official());
		assertThat(adopted.<String>read("$.data.adoptPlan.plan.status")).as(adopted.body()).isEqualTo("ADOPTED");

		List<CompletableFuture<GraphQlHttp.Response>> applies = new ArrayList<>();
		for (GraphQlHttp api : instances) {
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
	void theAuditChainAppendedToByAllStaysSound() {
		long entries = database.getCollection("auditLog").countDocuments();
		assertThat(entries).as("audit entries").isGreaterThan(500);
		for (GraphQlHttp api : instances) {
			GraphQlHttp.Response verified = api.query("{ verifyAuditLog { verified entries reason firstBrokenSeq } }",
					ConsultationFixture.admin());
			assertThat(verified.<Boolean>read("$.data.verifyAuditLog.verified")).as(verified.body()).isTrue();
			assertThat(verified.<Integer>read("$.data.verifyAuditLog.entries")).as(verified.body())
				.isGreaterThanOrEqualTo((int) entries);
		}
	}

	@Test
	@Order(7)
	void killNineOfOneDuringABurstOverThreeLosesNoAcknowledgedAnswerAndTheOthersKeepServing() throws Exception {
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
					GraphQlHttp api = killed.get() ? instances.get(i % 2) : instances.get(i % 3);
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
							third.kill();
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
		assertThat(third.isAlive()).isFalse();
		assertThat(failed).as("answers refused").isEmpty();
		Set<String> storedHouseholds = new HashSet<>();
		for (Document answer : database.getCollection(Answers.COLLECTION)
			.find(Filters.eq("consultationId", consultation.consultationId))) {
			storedHouseholds.add(answer.getString("householdId"));
		}
		assertThat(acknowledged).as("acknowledged").hasSize(200);
		assertThat(storedHouseholds).as("stored answers").containsAll(acknowledged).hasSize(200);
		for (GraphQlHttp serving : List.of(a, b)) {
			assertThat(serving.query("{ consultations { id } }", ConsultationFixture.admin()).status()).isEqualTo(200);
		}
	}

	@Test
	@Order(8)
	void anApplyWhoseHolderIsKilledMidwayIsResumedByAnotherAndEndsAsOneCleanApply() throws Exception {
		// The sample plan of the first start for Hồ Chí Minh City (three old provinces,
		// 168 new communes): several batches of writes, so that its holder can die
		// between two.
		String admin = ConsultationFixture.admin();
		GraphQlHttp.Response drafts = a.query("{ plans(status: DRAFT) { id title version } }", admin);
		List<Map<String, Object>> hcm = drafts
			.read("$.data.plans[?(@.title =~ /.*Thành phố Hồ Chí Minh \\(mẫu năm 2025\\).*/)]");
		assertThat(hcm).as(drafts.body()).hasSize(1);
		String planId = (String) hcm.get(0).get("id");
		GraphQlHttp.Response published = a.query("""
				mutation($id: ID!, $v: Int) { changePlanStatus(planId: $id, expectedVersion: $v, status: PUBLISHED) {
				  plan { status } userErrors { code message } } }""",
				Map.of("id", planId, "v", hcm.get(0).get("version")), admin);
		assertThat(published.<String>read("$.data.changePlanStatus.plan.status")).as(published.body())
			.isEqualTo("PUBLISHED");
		String secondAdmin = LocalIssuer.shared().tokenFor("quantri2", "Lê Thị Hà", "admin");
		for (String token : List.of(admin, secondAdmin)) {
			GraphQlHttp.Response adopted = a.query(
					"""
							mutation($id: ID!) { adoptPlan(input: { planId: $id, number: "1685/NQ-UBTVQH15", date: "2025-06-16",
							  overrideReason: "Đã lấy ý kiến cử tri năm 2025, ngoài hệ thống", confirmPastEffectiveDate: true }) {
							  plan { status } userErrors { code message } } }""",
					Map.of("id", planId), token);
			assertThat(adopted.<List<?>>read("$.data.adoptPlan.userErrors")).as(adopted.body()).isEmpty();
		}

		// Applied through the second instance, which holds the apply's lease while it
		// runs; killed once it has stored a batch, before it stored the last.
		GraphQlHttp.Response applying = b.query("""
				mutation($id: ID!) { applyPlan(planId: $id) { plan { status } userErrors { code message } } }""",
				Map.of("id", planId), admin);
		assertThat(applying.<List<?>>read("$.data.applyPlan.userErrors")).as(applying.body()).isEmpty();
		Document lease = database.getCollection("leases").find(Filters.eq("_id", "applyPlan:" + planId)).first();
		assertThat(lease).as("the apply's lease").isNotNull();
		assertThat(lease.getString("holder")).startsWith(second.pid() + "@");
		Document progress = null;
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			Document plan = database.getCollection("plans")
				.find(Filters.eq("_id", planId))
				.projection(new Document("apply", 1))
				.first();
			progress = (plan != null) ? plan.get("apply", Document.class) : null;
			if (progress == null || !"RUNNING".equals(progress.getString("state"))
					|| progress.get("done", Number.class).intValue() > 0) {
				break;
			}
			Thread.sleep(2);
		}
		second.kill();
		assertThat(progress).as("the apply when its holder was killed").isNotNull();
		assertThat(progress.getString("state")).as(progress.toJson()).isEqualTo("RUNNING");
		assertThat(progress.get("done", Number.class).intValue()).as(progress.toJson())
			.isPositive()
			.isLessThan(progress.get("total", Number.class).intValue());

		// The lease expires (15 s without renewal); the first instance, checking every
		// 2 s, takes it over and resumes.
		String status = null;
		for (int attempt = 0; attempt < 240 && !"IN_EFFECT".equals(status); attempt++) {
			Thread.sleep(500);
			status = a.query("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", planId), admin)
				.read("$.data.plan.status");
		}
		assertThat(status).isEqualTo("IN_EFFECT");

		// The registry as one clean apply leaves it: the city's communes on the effective
		// date are the official list's, the merged provinces end the day before, no
		// district is left.
		Map<String, String> expected = new TreeMap<>();
		try (InputStream in = getClass().getResourceAsStream("/vietnam-2025/communes_after_sample.csv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList()) {
				String[] fields = line.split(",", -1);
				if (fields[4].equals("79")) {
					expected.put(fields[0], fields[2] + "|" + fields[3]);
				}
			}
		}
		assertThat(expected).hasSize(168);
		GraphQlHttp.Response city = a.query("""
				{ unitByCode(code: "79", level: PROVINCE, asOf: "2025-07-01") {
				  id districts: children(level: DISTRICT, first: 0) { totalCount } } }""", null);
		assertThat(city.<Integer>read("$.data.unitByCode.districts.totalCount")).as(city.body()).isZero();
		assertThat(communesOf(a, city.read("$.data.unitByCode.id"), "2025-07-01")).containsExactlyEntriesOf(expected);
		for (String merged : List.of("74", "77")) {
			assertThat(a
				.query("{ unitByCode(code: \"%s\", level: PROVINCE, asOf: \"2025-07-01\") { id } }".formatted(merged),
						null)
				.<Object>read("$.data.unitByCode")).as("province " + merged + " merged").isNull();
		}
		// Audited once: one entry of the job that put it in effect.
		assertThat(
				database.getCollection("auditLog")
					.countDocuments(Filters.and(Filters.eq("kind", "job:applyPlan"),
							Filters.eq("revisions.subject", "plan:" + planId))))
			.as("entries of the apply's job")
			.isEqualTo(1);
		// Nothing left for another apply to write: the resumed one wrote all that a clean
		// one writes.
		GraphQlHttp.Response again = a.query("""
				mutation($id: ID!) { applyPlan(planId: $id) { plan { status } userErrors { code message } } }""",
				Map.of("id", planId), admin);
		assertThat(again.<List<?>>read("$.data.applyPlan.userErrors")).as(again.body()).isEmpty();
		String message = null;
		for (int attempt = 0; attempt < 120 && message == null; attempt++) {
			Thread.sleep(500);
			GraphQlHttp.Response plan = a.query("query($id: ID!) { plan(id: $id) { applyProgress { state message } } }",
					Map.of("id", planId), admin);
			if ("DONE".equals(plan.read("$.data.plan.applyProgress.state"))) {
				message = plan.read("$.data.plan.applyProgress.message");
			}
		}
		assertThat(message).startsWith("0 đơn vị mới, 0 đơn vị giữ nguyên (phiên bản mới), 0 đơn vị chấm dứt, 0 tổ");
		GraphQlHttp.Response verified = a.query("{ verifyAuditLog { verified reason } }", admin);
		assertThat(verified.<Boolean>read("$.data.verifyAuditLog.verified")).as(verified.body()).isTrue();
		assertThat(database.getCollection("leases").countDocuments()).as("leases left behind").isZero();
	}

	private static GraphQlHttp.Response answer(GraphQlHttp api, String consultationId, String household, String key) {
		return api.query("""
				mutation($id: ID!, $key: String!) { answerConsultation(input: { consultationId: $id, agree: true,
				  idempotencyKey: $key }) { answer { at } replayed userErrors { code message } } }""",
				Map.of("id", consultationId, "key", key), ConsultationFixture.resident(household));
	}

	/** The communes under a province on a date: code → full name|type name. */
	private static Map<String, String> communesOf(GraphQlHttp api, String provinceId, String date) {
		Map<String, String> communes = new TreeMap<>();
		String after = null;
		do {
			Map<String, Object> variables = new HashMap<>();
			variables.put("id", provinceId);
			variables.put("after", after);
			GraphQlHttp.Response page = api
				.query("""
						query($id: ID!, $after: String) { unit(id: $id, asOf: "%s") { children(level: COMMUNE, first: 100,
						  after: $after) { edges { node { code fullName typeName } } pageInfo { hasNextPage endCursor } } } }"""
					.formatted(date), variables, null);
			List<Map<String, String>> nodes = page.read("$.data.unit.children.edges[*].node");
			assertThat(nodes).as(page.body()).isNotNull();
			nodes.forEach((node) -> communes.put(node.get("code"), node.get("fullName") + "|" + node.get("typeName")));
			after = Boolean.TRUE.equals(page.read("$.data.unit.children.pageInfo.hasNextPage"))
					? page.read("$.data.unit.children.pageInfo.endCursor") : null;
		}
		while (after != null);
		return communes;
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

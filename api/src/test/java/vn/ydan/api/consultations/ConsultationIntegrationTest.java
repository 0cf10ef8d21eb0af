package vn.ydan.api.consultations;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.protocol.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultation end to end over HTTP with tokens, on the demo registry: a small
 * published plan (Phúc Xá and Trúc Bạch into one ward), a register of 230 households in
 * four groups, online answers (once per household, however concurrent), paper tallies
 * entered twice, certification commune → district → province, publication. The steps
 * share one consultation, so they run in order.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static String consultationId;

	private static String planId;

	private static Map<String, String> groups;

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	private final String official = scoped("canbo", "official", "001");

	private final String clerk = scoped("thuky", "clerk", "00001");

	private final String secondClerk = scoped("thuky2", "clerk", "00001 00004");

	private final String otherClerk = scoped("thuky3", "clerk", "00037");

	@LocalServerPort
	private int port;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void ownStore(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
	}

	@Test
	@Order(1)
	void aPublishedPlanGetsAConsultationOfEachCommuneItAffectsAndOpensWithAFrozenRegister() {
		planId = publishedPlan();
		registerHouseholds();

		GraphQlHttp.Response created = this.api.query("""
				mutation($plan: ID!, $opens: String!, $closes: String!) { createConsultation(input: { planId: $plan,
				  title: "Lấy ý kiến cử tri phường Phúc Xá, Trúc Bạch", opensAt: $opens, closesAt: $closes }) {
				  consultation { id status passRule { operator percent description }
				    units { unit { code } successors nameChoices households } } userErrors { code message } } }""",
				Map.of("plan", planId, "opens", at(-1), "closes", at(2)), this.official);

		consultationId = created.read("$.data.createConsultation.consultation.id");
		assertThat(consultationId).as(created.body()).isNotNull();
		assertThat(created.<List<String>>read("$.data.createConsultation.consultation.units[*].unit.code"))
			.containsExactlyInAnyOrder("00001", "00004");
		assertThat(created.<List<Integer>>read("$.data.createConsultation.consultation.units[*].households"))
			.containsExactlyInAnyOrder(210, 20);
		assertThat(created.<String>read("$.data.createConsultation.consultation.passRule.description"))
			.isEqualTo("trên 50% tổng số hộ");
		GraphQlHttp.Response answerTooEarly = answer(resident("H-00001-1-1"), "early", true, null);
		assertThat(answerTooEarly.<String>read("$.data.answerConsultation.userErrors[0].code"))
			.isEqualTo("OUTSIDE_WINDOW");

		GraphQlHttp.Response opened = this.api.query("""
				mutation($id: ID!) { openConsultation(id: $id) { consultation { status } userErrors { code } } }""",
				Map.of("id", consultationId), this.official);

		assertThat(opened.<String>read("$.data.openConsultation.consultation.status")).as(opened.body())
			.isEqualTo("OPEN");
		assertThat(this.api.query("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", planId), null)
			.<String>read("$.data.plan.status")).isEqualTo("IN_CONSULTATION");
		GraphQlHttp.Response late = this.api
			.query("""
					mutation($csv: String!) { importHouseholds(input: { csv: $csv, asOf: "2025-04-18" }) { households } }""",
					Map.of("csv", "commune_code,group_code,household_id\n00004,1,H-LATE-1\n"), this.admin);
		assertThat(late.<Integer>read("$.data.importHouseholds.households")).isEqualTo(1);
		assertThat(answer(resident("H-LATE-1"), "late", true, null)
			.<String>read("$.data.answerConsultation.userErrors[0].code")).isEqualTo("NOT_IN_ELECTORATE");
	}

	@Test
	@Order(2)
	void aHouseholdAnswersOnceARetryGetsTheFirstAnswerBackAndASecondAnswerIsRefused() {
		String token = resident("H-00001-1-1");

		GraphQlHttp.Response first = answer(token, "key-1", true, "Ba Đình");
		GraphQlHttp.Response retry = answer(token, "key-1", true, "Ba Đình");
		GraphQlHttp.Response second = answer(token, "key-2", false, null);

		assertThat(first.<Boolean>read("$.data.answerConsultation.answer.agree")).as(first.body()).isTrue();
		assertThat(first.<Boolean>read("$.data.answerConsultation.replayed")).isFalse();
		assertThat(retry.<Boolean>read("$.data.answerConsultation.replayed")).isTrue();
		assertThat(retry.<String>read("$.data.answerConsultation.answer.at"))
			.isEqualTo(first.<String>read("$.data.answerConsultation.answer.at"));
		assertThat(second.<String>read("$.data.answerConsultation.userErrors[0].code")).isEqualTo("ALREADY_ANSWERED");
		assertThat(answer(resident("H-00001-1-2"), "k", true, "Tên lạ")
			.<String>read("$.data.answerConsultation.userErrors[0].code")).isEqualTo("NAME_CHOICE_INVALID");
		assertThat(answer(resident("H-UNKNOWN"), "k", true, null)
			.<String>read("$.data.answerConsultation.userErrors[0].code")).isEqualTo("NOT_IN_ELECTORATE");
		assertThat(answer(this.clerk, "k", true, null).<String>read("$.errors[0].extensions.code"))
			.isEqualTo("FORBIDDEN");
		assertThat(answer(null, "k", true, null).<String>read("$.errors[0].extensions.code")).isEqualTo("UNAUTHORIZED");
		String trucBach = unitId("00004");
		GraphQlHttp.Response wrongUnit = this.api.query("""
				mutation($id: ID!, $unit: ID!) { answerConsultation(input: { consultationId: $id, unitId: $unit,
				  agree: true, idempotencyKey: "w" }) { userErrors { code } } }""",
				Map.of("id", consultationId, "unit", trucBach), resident("H-00001-1-3"));
		assertThat(wrongUnit.<String>read("$.data.answerConsultation.userErrors[0].code")).isEqualTo("WRONG_UNIT");
	}

	@Test
	@Order(3)
	void aThousandConcurrentSubmissionsForTwoHundredHouseholdsStoreExactlyTwoHundredAnswers() throws Exception {
		List<Callable<GraphQlHttp.Response>> calls = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			String household = "H-00001-1-" + (1 + i % 200);
			String token = resident(household);
			boolean agree = (i % 200) < 150;
			int attempt = i / 200;
			calls.add(() -> answer(token, "burst-" + household + "-" + attempt, agree, null));
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		int stored = 0;
		try {
			for (Future<GraphQlHttp.Response> result : pool.invokeAll(calls)) {
				GraphQlHttp.Response response = result.get();
				assertThat(response.status()).isEqualTo(200);
				if (response.read("$.data.answerConsultation.answer.at") != null
						&& Boolean.FALSE.equals(response.read("$.data.answerConsultation.replayed"))) {
					stored++;
				}
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(stored).isEqualTo(199);
		GraphQlHttp.Response consultation = this.api
			.query("""
					query($id: ID!) { consultation(id: $id) { answerCount results { communes { unit { code } online agree } } } }""",
					Map.of("id", consultationId), this.official);
		assertThat(consultation.<Integer>read("$.data.consultation.answerCount")).isEqualTo(200);
		assertThat(consultation
			.<List<Integer>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].online"))
			.containsExactly(200);
		assertThat(consultation
			.<List<Integer>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].agree"))
			.containsExactly(150);
	}

	@Test
	@Order(4)
	void aTallyIsEnteredTwiceBlindAndVerifiedOnlyByAnotherPersonsMatchingEntry() {
		String group = groups.get("00001-2");
		Map<String, Object> counts = counts(10, 8, 7, 1, 5, 2);

		GraphQlHttp.Response first = tally(this.clerk, group, counts, null);
		GraphQlHttp.Response sameClerk = tally(this.clerk, group, counts, null);
		GraphQlHttp.Response mismatch = tally(this.secondClerk, group, counts(10, 8, 7, 1, 4, 3), null);

		assertThat(first.<String>read("$.data.enterTally.tally.state")).as(first.body())
			.isEqualTo("AWAITING_SECOND_ENTRY");
		assertThat(sameClerk.<String>read("$.data.enterTally.userErrors[0].code")).isEqualTo("SAME_CLERK");
		assertThat(mismatch.<String>read("$.data.enterTally.tally.state")).isEqualTo("MISMATCH");
		assertThat(mismatch.<List<Integer>>read("$.data.enterTally.tally.entries[*].counts.agree"))
			.as("the second clerk does not see the first's figures")
			.containsExactly(4);
		assertThat(entries(this.official, group)).as("a supervisor sees both sides").containsExactly(5, 4);

		GraphQlHttp.Response retyped = tally(this.clerk, group, counts, null);

		assertThat(retyped.<String>read("$.data.enterTally.tally.state"))
			.as("re-typing one's own figures verifies nothing")
			.isEqualTo("MISMATCH");
		GraphQlHttp.Response third = tally(this.admin, group, counts, null);
		assertThat(third.<String>read("$.data.enterTally.tally.state")).as("a third person's entry settles it")
			.isEqualTo("VERIFIED");
		assertThat(third.<Integer>read("$.data.enterTally.tally.verified.agree")).isEqualTo(5);
		assertThat(tally(this.clerk, group, counts, null).<String>read("$.data.enterTally.userErrors[0].code"))
			.isEqualTo("ALREADY_VERIFIED");
		GraphQlHttp.Response clerks = this.api.query(
				"query($id: ID!) { consultation(id: $id) { tallyClerks { clerk entries mismatched } } }",
				Map.of("id", consultationId), this.official);
		assertThat(clerks.<List<String>>read("$.data.consultation.tallyClerks[*].clerk")).as(clerks.body())
			.contains("thuky", "thuky2", "quantri");
		assertThat(clerks.<List<Integer>>read("$.data.consultation.tallyClerks[?(@.clerk == 'thuky2')].mismatched"))
			.containsExactly(1);
		assertThat(this.api
			.query("query($id: ID!) { consultation(id: $id) { tallyClerks { clerk } } }", Map.of("id", consultationId),
					this.clerk)
			.<List<?>>read("$.data.consultation.tallyClerks")).as("clerks do not see others' rates").isEmpty();
	}

	@Test
	@Order(5)
	void aCorrectionAfterVerificationHoldsOnlyOnceASecondPersonConfirmsIt() {
		String group = groups.get("00001-2");
		Map<String, Object> corrected = counts(10, 8, 7, 1, 6, 1);

		GraphQlHttp.Response asked = tally(this.secondClerk, group, corrected, "Nhập nhầm cột");
		GraphQlHttp.Response again = tally(this.secondClerk, group, corrected, "Nhập nhầm cột");
		GraphQlHttp.Response other = tally(this.clerk, group, counts(10, 8, 7, 1, 7, 0), "Khác");
		GraphQlHttp.Response confirmed = tally(this.clerk, group, corrected, "Đúng, nhập nhầm cột");

		assertThat(asked.<Integer>read("$.data.enterTally.tally.verified.agree")).as(asked.body()).isEqualTo(5);
		assertThat(asked.<String>read("$.data.enterTally.tally.pendingCorrection.reason")).isEqualTo("Nhập nhầm cột");
		assertThat(again.<String>read("$.data.enterTally.userErrors[0].code")).isEqualTo("SECOND_PERSON_REQUIRED");
		assertThat(other.<String>read("$.data.enterTally.userErrors[0].code")).isEqualTo("CORRECTION_MISMATCH");
		assertThat(confirmed.<Integer>read("$.data.enterTally.tally.verified.agree")).as(confirmed.body()).isEqualTo(6);
		assertThat(confirmed.<String>read("$.data.enterTally.tally.corrections[0].reason")).isEqualTo("Nhập nhầm cột");
		assertThat(confirmed.<String>read("$.data.enterTally.tally.corrections[0].confirmedBy")).isEqualTo("thuky");
		assertThat(tally(this.secondClerk, group, corrected, " ").<String>read("$.data.enterTally.userErrors[0].code"))
			.isEqualTo("REASON_MISSING");
	}

	@Test
	@Order(5)
	void aSupervisorSettlesAMismatchWithAReason() {
		String group = groups.get("00004-2");
		tally(this.secondClerk, group, counts(10, 10, 10, 0, 3, 7), null);
		tally(this.admin, group, counts(10, 10, 10, 0, 4, 6), null);

		GraphQlHttp.Response byClerk = settle(this.secondClerk, group, counts(10, 10, 10, 0, 3, 7), "Đếm lại");
		GraphQlHttp.Response noReason = settle(this.official, group, counts(10, 10, 10, 0, 3, 7), " ");
		GraphQlHttp.Response settled = settle(this.official, group, counts(10, 10, 10, 0, 3, 7), "Đếm lại phiếu");

		assertThat(byClerk.<String>read("$.errors[0].extensions.code")).as(byClerk.body()).isEqualTo("FORBIDDEN");
		assertThat(noReason.<String>read("$.data.settleTally.userErrors[0].code")).isEqualTo("REASON_MISSING");
		assertThat(settled.<String>read("$.data.settleTally.tally.state")).as(settled.body()).isEqualTo("VERIFIED");
		assertThat(settled.<String>read("$.data.settleTally.tally.settlement.reason")).isEqualTo("Đếm lại phiếu");
		assertThat(settled.<String>read("$.data.settleTally.tally.settlement.by")).isEqualTo("canbo");
	}

	@Test
	@Order(5)
	void anOnlineAnswerAfterTheGroupsPaperCountIsVerifiedIsRefused() {
		// 00001-2 was verified (aTallyIsEnteredTwiceBlind…): 8 of its 10 households on
		// paper.
		GraphQlHttp.Response late = answer(resident("H-00001-2-10"), "late-paper", true, null);

		assertThat(late.<String>read("$.data.answerConsultation.userErrors[0].code")).as(late.body())
			.isEqualTo("GROUP_TALLY_VERIFIED");
	}

	private GraphQlHttp.Response settle(String token, String group, Map<String, Object> counts, String reason) {
		return this.api.query("""
				mutation($id: ID!, $group: ID!, $counts: PaperCountsInput!, $reason: String!) { settleTally(input: {
				  consultationId: $id, groupId: $group, counts: $counts, reason: $reason }) {
				  tally { state verified { agree } settlement { by reason } } userErrors { code message } } }""",
				Map.of("id", consultationId, "group", group, "counts", counts, "reason", reason), token);
	}

	private List<Integer> entries(String token, String group) {
		GraphQlHttp.Response response = this.api.query("""
				query($id: ID!) { consultation(id: $id) { tallies { group { id } entries { counts { agree } } } } }""",
				Map.of("id", consultationId), token);
		return response.read("$.data.consultation.tallies[?(@.group.id == '" + group + "')].entries[*].counts.agree");
	}

	@Test
	@Order(5)
	void tallyEntriesThatDoNotReconcileOrComeFromAnotherCommuneAreRefused() {
		String group = groups.get("00004-1");

		GraphQlHttp.Response unreconciled = tally(this.secondClerk, group, counts(10, 9, 7, 1, 5, 2), null);
		assertThat(unreconciled.<List<String>>read("$.data.enterTally.userErrors[*].code"))
			.containsOnly("COUNTS_DO_NOT_RECONCILE");
		assertThat(unreconciled.<List<List<String>>>read("$.data.enterTally.userErrors[*].field"))
			.as("each problem at the count to correct")
			.containsExactly(List.of("input", "counts", "invalid"));
		assertThat(tally(this.secondClerk, group, counts(11, 8, 7, 1, 5, 2), null)
			.<List<String>>read("$.data.enterTally.userErrors[*].message"))
			.anyMatch((message) -> message.contains("số hộ của tổ"));
		assertThat(tally(this.secondClerk, group, counts(-1, 0, 0, 0, 0, 0), null)
			.<List<String>>read("$.data.enterTally.userErrors[*].code")).containsOnly("COUNTS_DO_NOT_RECONCILE");
		assertThat(
				tally(this.clerk, group, counts(10, 8, 7, 1, 5, 2), null).<String>read("$.errors[0].extensions.code"))
			.isEqualTo("FORBIDDEN");
		assertThat(tally(this.otherClerk, groups.get("00001-2"), counts(10, 8, 7, 1, 5, 2), null)
			.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
	}

	@Test
	@Order(6)
	void resultsAreCertifiedLevelByLevelThenPublishedForEveryone() {
		GraphQlHttp.Response tooEarly = certify("00001");
		assertThat(tooEarly.<String>read("$.data.certifyResults.userErrors[0].code")).isEqualTo("NOT_CLOSED");
		assertThat(this.api
			.query("""
					mutation($id: ID!) { publishResults(consultationId: $id) { userErrors { code } } }""",
					Map.of("id", consultationId), this.official)
			.<String>read("$.data.publishResults.userErrors[0].code")).isEqualTo("NOT_CERTIFIED");
		assertThat(results(null).<Object>read("$.data.consultation.results")).isNull();
		this.api.query(
				"mutation($id: ID!) { closeConsultation(id: $id, reason: \"Kiểm thử\") { consultation { status } } }",
				Map.of("id", consultationId), this.official);
		assertThat(answer(resident("H-00004-1-1"), "after", true, null)
			.<String>read("$.data.answerConsultation.userErrors[0].code")).isEqualTo("OUTSIDE_WINDOW");

		GraphQlHttp.Response missing = certify("00001");

		assertThat(missing.<String>read("$.data.certifyResults.userErrors[0].code")).isEqualTo("GROUPS_MISSING");
		verified(groups.get("00001-1"), counts(0, 0, 0, 0, 0, 0));
		verified(groups.get("00004-1"), counts(10, 9, 8, 1, 2, 6));
		// 00004-2: settled by the supervisor (aSupervisorSettlesAMismatchWithAReason).
		assertThat(certify("001").<String>read("$.data.certifyResults.userErrors[0].code"))
			.isEqualTo("CHILDREN_NOT_CERTIFIED");
		// Each official certifies the units of their own scope: Phúc Xá's official, Phúc
		// Xá
		// (not the plan's whole scope); not Trúc Bạch.
		String phucXaOfficial = scoped("canbo-px", "official", "00001");
		assertThat(certify("00004", phucXaOfficial).<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		GraphQlHttp.Response phucXa = certify("00001", phucXaOfficial);
		assertThat(phucXa.<List<?>>read("$.data.certifyResults.userErrors")).as(phucXa.body()).isEmpty();
		assertThat(certify("00004").<List<?>>read("$.data.certifyResults.userErrors")).isEmpty();
		assertThat(tally(this.secondClerk, groups.get("00004-1"), counts(10, 9, 8, 1, 3, 5), "Sửa sau xác nhận")
			.<String>read("$.data.enterTally.userErrors[0].code")).isEqualTo("CERTIFIED");
		assertThat(certify("001").<List<?>>read("$.data.certifyResults.userErrors")).isEmpty();
		// Reopening a certified commune: a reason, and a second person; the district's
		// certification, which rested on it, goes with it.
		assertThat(reopen("00001", this.official).<String>read("$.data.reopenCertification.consultation.status"))
			.isEqualTo("CLOSED");
		assertThat(reopen("00001", this.official).<String>read("$.data.reopenCertification.userErrors[0].code"))
			.isEqualTo("SECOND_PERSON_REQUIRED");
		assertThat(results(this.admin)
			.<List<Boolean>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].certified"))
			.as("still certified until a second person confirms")
			.containsExactly(true);
		GraphQlHttp.Response reopened = reopen("00001", this.admin);
		assertThat(reopened.<List<?>>read("$.data.reopenCertification.userErrors")).as(reopened.body()).isEmpty();
		GraphQlHttp.Response after = results(this.admin);
		assertThat(
				after.<List<Boolean>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].certified"))
			.containsExactly(false);
		assertThat(after.<List<Boolean>>read("$.data.consultation.results.districts[*].certified"))
			.containsExactly(false);
		assertThat(certify("00001", phucXaOfficial).<List<?>>read("$.data.certifyResults.userErrors")).isEmpty();
		assertThat(certify("001").<List<?>>read("$.data.certifyResults.userErrors")).isEmpty();
		GraphQlHttp.Response province = this.api.query("""
				mutation($id: ID!, $unit: ID!) { certifyResults(consultationId: $id, unitId: $unit) {
				  consultation { status } userErrors { code } } }""",
				Map.of("id", consultationId, "unit", unitId("01", "PROVINCE")), this.admin);
		assertThat(province.<String>read("$.data.certifyResults.consultation.status")).as(province.body())
			.isEqualTo("CERTIFIED");

		GraphQlHttp.Response published = this.api
			.query("""
					mutation($id: ID!) { publishResults(consultationId: $id) { consultation { status } userErrors { code } } }""",
					Map.of("id", consultationId), this.official);

		assertThat(published.<String>read("$.data.publishResults.consultation.status")).isEqualTo("PUBLISHED");
		GraphQlHttp.Response results = results(null);
		assertThat(results.<Boolean>read("$.data.consultation.results.published")).isTrue();
		assertThat(
				results.<List<String>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].outcome"))
			.containsExactly("PASS");
		assertThat(results.<List<Integer>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].agree"))
			.containsExactly(156);
		assertThat(results.<List<Integer>>read("$.data.consultation.results.communes[?(@.unit.code == '00004')].agree"))
			.containsExactly(5);
		assertThat(
				results.<List<String>>read("$.data.consultation.results.communes[?(@.unit.code == '00004')].outcome"))
			.containsExactly("FAIL");
		assertThat(results.<List<Integer>>read("$.data.consultation.results.districts[*].passed")).containsExactly(1);
		assertThat(results
			.<List<String>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].certifiedBy"))
			.as("who certified is shown")
			.containsExactly("canbo-px");
		assertThat(results.<Integer>read("$.data.consultation.results.total.households")).isEqualTo(230);
		assertThat(results.<Integer>read("$.data.consultation.results.total.tookPart")).isEqualTo(200 + 8 + 9 + 10);
		// The data only: extensions.cost differs from one answer to the next (each is
		// charged).
		assertThat(results(null).<Object>read("$.data")).as("a repeated public read answers the same")
			.isEqualTo(results.<Object>read("$.data"));
		assertThat(results(this.official).<Object>read("$.data")).isEqualTo(results.<Object>read("$.data"));
	}

	@Test
	@Order(7)
	void aSecondRoundAsksOnlyCommunesThatFailedTheFirst() {
		String opens = at(1);
		String closes = at(4);

		GraphQlHttp.Response passed = secondRound(List.of(unitId("00001")), opens, closes);
		GraphQlHttp.Response failed = secondRound(List.of(unitId("00004")), opens, closes);
		GraphQlHttp.Response retried = secondRound(List.of(unitId("00004")), opens, closes);

		assertThat(passed.<String>read("$.data.createConsultation.userErrors[0].code")).as(passed.body())
			.isEqualTo("UNIT_DID_NOT_FAIL");
		assertThat(failed.<Integer>read("$.data.createConsultation.consultation.round")).as(failed.body()).isEqualTo(2);
		assertThat(failed.<List<String>>read("$.data.createConsultation.consultation.units[*].unit.code"))
			.containsExactly("00004");
		assertThat(retried.<String>read("$.data.createConsultation.consultation.id"))
			.isEqualTo(failed.<String>read("$.data.createConsultation.consultation.id"));
	}

	private GraphQlHttp.Response secondRound(List<String> units, String opens, String closes) {
		return this.api.query("""
				mutation($plan: ID!, $previous: ID!, $units: [ID!], $opens: String!, $closes: String!) {
				  createConsultation(input: { planId: $plan, title: "Lấy ý kiến lại Trúc Bạch", opensAt: $opens,
				    closesAt: $closes, previousId: $previous, unitIds: $units }) {
				  consultation { id round units { unit { code } } } userErrors { code message } } }""",
				Map.of("plan", planId, "previous", consultationId, "units", units, "opens", opens, "closes", closes),
				this.official);
	}

	@Test
	@Order(8)
	void aUnitThatResidentsRejectedGoesBackToADraftAndLeavesTheConsultedPlan() {
		assertThat(this.api.query("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", planId), null)
			.<String>read("$.data.plan.status")).isEqualTo("CONSULTED");
		assertThat(
				replan("nope", "Trúc Bạch không đồng ý").<String>read("$.data.replanRejectedUnits.userErrors[0].code"))
			.isEqualTo("NOT_FOUND");
		assertThat(replan("90001", " ").<String>read("$.data.replanRejectedUnits.userErrors[0].code"))
			.isEqualTo("REASON_MISSING");

		// Trúc Bạch (00004), which 90001 takes, failed.
		GraphQlHttp.Response replanned = replan("90001", "Trúc Bạch không đồng ý");

		assertThat(replanned.<String>read("$.data.replanRejectedUnits.plan.status")).as(replanned.body())
			.isEqualTo("DRAFT");
		assertThat(replanned.<List<String>>read("$.data.replanRejectedUnits.plan.proposedUnits[*].key"))
			.containsExactly("90001");
		assertThat(replanned.<String>read("$.data.replanRejectedUnits.plan.title"))
			.contains("lập lại: Phường Ba Đình Mới");
		GraphQlHttp.Response consulted = this.api.query("""
				query($id: ID!) { plan(id: $id) { status proposedUnitCount history { change } } }""",
				Map.of("id", planId), this.official);
		assertThat(consulted.<String>read("$.data.plan.status")).isEqualTo("CONSULTED");
		assertThat(consulted.<Integer>read("$.data.plan.proposedUnitCount")).isZero();
		assertThat(consulted.<String>read("$.data.plan.history[0].change")).contains("Trúc Bạch không đồng ý");
	}

	@Test
	@Order(9)
	void oncePublishedTheResultsMakeThePlanConsultedAndItIsAdoptedWithoutAnOverride() {
		assertThat(this.api.query("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", planId), null)
			.<String>read("$.data.plan.status")).isEqualTo("CONSULTED");

		GraphQlHttp.Response adopted = this.api
			.query("""
					mutation($id: ID!) { adoptPlan(input: { planId: $id, number: "1/NQ-THU", date: "2025-06-16",
					  confirmPastEffectiveDate: true }) { plan { status adoptionOverride { reason } } userErrors { code } } }""",
					Map.of("id", planId), this.official);

		assertThat(adopted.<String>read("$.data.adoptPlan.plan.status")).as(adopted.body()).isEqualTo("ADOPTED");
		assertThat(adopted.<Object>read("$.data.adoptPlan.plan.adoptionOverride")).isNull();
	}

	private GraphQlHttp.Response replan(String key, String reason) {
		return this.api
			.query("""
					mutation($id: ID!, $key: String!, $reason: String!) { replanRejectedUnits(input: { planId: $id,
					  keys: [$key], reason: $reason }) { plan { id status title proposedUnits { key } } userErrors { code message } } }""",
					Map.of("id", planId, "key", key, "reason", reason), this.official);
	}

	private GraphQlHttp.Response results(String token) {
		return this.api.query(
				"""
						query($id: ID!) { consultation(id: $id) { results { published
						  communes { unit { code } households tookPart agree disagree agreeShare outcome groups groupsReported certified certifiedBy }
						  districts { unit { code } passed failed pending certified } provinces { unit { code } certified }
						  total { households tookPart agree } } } }""",
				Map.of("id", consultationId), token);
	}

	private void verified(String group, Map<String, Object> counts) {
		tally(this.secondClerk.equals(this.clerk) ? this.clerk : this.secondClerk, group, counts, null);
		GraphQlHttp.Response second = tally(this.admin, group, counts, null);
		assertThat(second.<String>read("$.data.enterTally.tally.state")).as(second.body()).isEqualTo("VERIFIED");
	}

	private GraphQlHttp.Response reopen(String commune, String token) {
		return this.api.query("""
				mutation($id: ID!, $unit: ID!) { reopenCertification(consultationId: $id, unitId: $unit,
				  reason: "Tổ 1 nhập nhầm số phiếu") { consultation { status } userErrors { code message } } }""",
				Map.of("id", consultationId, "unit", unitId(commune)), token);
	}

	private GraphQlHttp.Response certify(String code) {
		return certify(code, this.official);
	}

	private GraphQlHttp.Response certify(String code, String token) {
		String level = switch (code.length()) {
			case 2 -> "PROVINCE";
			case 3 -> "DISTRICT";
			default -> "COMMUNE";
		};
		return this.api.query("""
				mutation($id: ID!, $unit: ID!) { certifyResults(consultationId: $id, unitId: $unit) {
				  consultation { status } userErrors { code message } } }""",
				Map.of("id", consultationId, "unit", unitId(code, level)), token);
	}

	private GraphQlHttp.Response tally(String token, String group, Map<String, Object> counts, String reason) {
		Map<String, Object> variables = new java.util.HashMap<>(
				Map.of("id", consultationId, "group", group, "counts", counts));
		if (reason != null) {
			variables.put("reason", reason);
		}
		return this.api.query("""
				mutation($id: ID!, $group: ID!, $counts: PaperCountsInput!, $reason: String) {
				  enterTally(input: { consultationId: $id, groupId: $group, counts: $counts, reason: $reason }) {
				  tally { state entries { by counts { agree } } verified { agree } corrections { reason confirmedBy }
				    pendingCorrection { reason } }
				  userErrors { code message field } } }""", variables, token);
	}

	private static Map<String, Object> counts(int issued, int returned, int valid, int invalid, int agree,
			int disagree) {
		return Map.of("issued", issued, "returned", returned, "valid", valid, "invalid", invalid, "agree", agree,
				"disagree", disagree);
	}

	private GraphQlHttp.Response answer(String token, String key, boolean agree, String name) {
		Map<String, Object> variables = new java.util.HashMap<>(
				Map.of("id", consultationId, "key", key, "agree", agree));
		if (name != null) {
			variables.put("name", name);
		}
		return this.api
			.query("""
					mutation($id: ID!, $key: String!, $agree: Boolean!, $name: String) {
					  answerConsultation(input: { consultationId: $id, agree: $agree, nameChoice: $name,
					  idempotencyKey: $key }) { answer { agree nameChoice at unit { code } } replayed userErrors { code message } } }""",
					variables, token);
	}

	private String publishedPlan() {
		String baDinh = unitId("001", "DISTRICT");
		GraphQlHttp.Response plan = this.api.query("""
				mutation($scope: ID!) { createPlan(input: { title: "Nhập Phúc Xá và Trúc Bạch", scopeIds: [$scope],
				  effectiveDate: "2025-07-01" }) { plan { id } } }""", Map.of("scope", baDinh), this.official);
		String planId = plan.read("$.data.createPlan.plan.id");
		this.api
			.query("""
					mutation($id: ID!) { saveProposedUnit(input: { planId: $id, code: "90001", name: "Ba Đình Mới",
					  type: PHUONG, seat: "Số 1 Quán Thánh", alternativeNames: ["Ba Đình", "Hồng Hà"] }) { plan { id } } }""",
					Map.of("id", planId), this.official);
		for (String code : List.of("00001", "00004")) {
			GraphQlHttp.Response assigned = this.api.query("""
					mutation($id: ID!, $unit: ID!) { assignUnit(input: { planId: $id, key: "90001", unitId: $unit,
					  kind: WHOLE }) { plan { id } userErrors { code message } } }""",
					Map.of("id", planId, "unit", unitId(code)), this.official);
			assertThat(assigned.<String>read("$.data.assignUnit.plan.id")).as(assigned.body()).isEqualTo(planId);
		}
		GraphQlHttp.Response published = this.api
			.query("""
					mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } userErrors { message } } }""",
					Map.of("id", planId), this.official);
		assertThat(published.<String>read("$.data.changePlanStatus.plan.status")).as(published.body())
			.isEqualTo("PUBLISHED");
		return planId;
	}

	/**
	 * Groups 1 and 2 in Phúc Xá (200 and 10 households) and in Trúc Bạch (10 each).
	 */
	private void registerHouseholds() {
		GraphQlHttp.Response imported = this.api
			.query("""
					mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created errors { message } } }""",
					Map.of("csv", """
							commune_code,code,name,type,households
							00001,1,Tổ dân phố 1,tổ dân phố,200
							00001,2,Tổ dân phố 2,tổ dân phố,10
							00004,1,Tổ dân phố 1,tổ dân phố,10
							00004,2,Tổ dân phố 2,tổ dân phố,10
							"""), this.admin);
		assertThat(imported.<Integer>read("$.data.importUnits.created")).as(imported.body()).isEqualTo(4);
		StringBuilder csv = new StringBuilder("commune_code,group_code,group_name,household_id\n");
		int[][] sizes = { { 1, 1, 200 }, { 1, 2, 10 }, { 4, 1, 10 }, { 4, 2, 10 } };
		for (int[] size : sizes) {
			String commune = "0000" + size[0];
			for (int i = 1; i <= size[2]; i++) {
				csv.append(commune)
					.append(',')
					.append(size[1])
					.append(",,H-")
					.append(commune)
					.append('-')
					.append(size[1])
					.append('-')
					.append(i)
					.append('\n');
			}
		}
		GraphQlHttp.Response bad = this.api.query("""
				mutation($csv: String!) { importHouseholds(input: { csv: $csv, asOf: "2025-04-18" }) {
				  households errors { line code } } }""",
				Map.of("csv", csv + "00001,9,,H-X\n00001,1,,H-00001-1-1\n99999,1,,H-Y\n"), this.official);
		assertThat(bad.<List<String>>read("$.data.importHouseholds.errors[*].code")).as(bad.body())
			.containsExactly("GROUP_UNKNOWN", "HOUSEHOLD_DUPLICATE", "COMMUNE_UNKNOWN");
		assertThat(bad.<Integer>read("$.data.importHouseholds.households")).isZero();
		GraphQlHttp.Response good = this.api.query("""
				mutation($csv: String!) { importHouseholds(input: { csv: $csv, asOf: "2025-04-18" }) {
				  households errors { line code message } } }""", Map.of("csv", csv.toString()), this.official);
		assertThat(good.<Integer>read("$.data.importHouseholds.households")).as(good.body()).isEqualTo(230);
		groups = new java.util.HashMap<>();
		for (String commune : List.of("00001", "00004")) {
			GraphQlHttp.Response children = this.api.query("""
					query($id: ID!) { unit(id: $id, asOf: "2025-04-18") { children(level: RESIDENTIAL_GROUP) {
					  edges { node { id code } } } } }""", Map.of("id", unitId(commune)), null);
			List<Map<String, String>> nodes = children.read("$.data.unit.children.edges[*].node");
			nodes.forEach((node) -> groups.put(commune + "-" + node.get("code"), node.get("id")));
		}
	}

	private String unitId(String code) {
		return unitId(code, "COMMUNE");
	}

	private String unitId(String code, String level) {
		GraphQlHttp.Response response = this.api
			.query("{ unitByCode(code: \"%s\", level: %s, asOf: \"2025-04-18\") { id } }".formatted(code, level), null);
		return response.read("$.data.unitByCode.id");
	}

	private static String resident(String household) {
		return issuer.token((claims) -> claims.subject("cd-" + household)
			.claim("preferred_username", "cudan-" + household)
			.claim("realm_access", Map.of("roles", List.of("resident")))
			.claim("azp", LocalIssuer.RESIDENT_APP)
			.claim(LocalIssuer.GRANTS_CLAIM, LocalIssuer.RESIDENT_ANSWERS)
			.claim("ydan_household", household));
	}

	private static String scoped(String username, String role, String scope) {
		return issuer.token((claims) -> claims.subject(username)
			.claim("preferred_username", username)
			.claim("realm_access", Map.of("roles", List.of(role)))
			.claim("ydan_scope", scope));
	}

	private static String at(int hoursFromNow) {
		return OffsetDateTime.now(VietnamTime.ZONE).plusHours(hoursFromNow).withNano(0).toString();
	}

}

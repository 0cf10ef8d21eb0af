package vn.ydan.api.consultations;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ydan.api.consultations.ConsultationFixture.admin;
import static vn.ydan.api.consultations.ConsultationFixture.clerk;
import static vn.ydan.api.consultations.ConsultationFixture.household;
import static vn.ydan.api.consultations.ConsultationFixture.official;
import static vn.ydan.api.consultations.ConsultationFixture.resident;

/**
 * The form question by question, over HTTP: the questions a commune is asked come from
 * the plan (the name and the seat where it offers a choice), online answers and paper
 * tallies carry each of them and are checked against the choices (NFC, exactly), the
 * results count every question and name the winning name; and closing early takes a
 * reason.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsultationQuestionsIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final String SEATS = "Số 1 Quán Thánh (hoặc Số 5 Phan Đình Phùng)";

	@LocalServerPort
	private int port;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void ownStore(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.consultation", () -> "false");
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
	}

	@Test
	void aCommuneIsAskedItsArrangementItsNameAndItsSeatWhenThePlanOffersChoices() {
		ConsultationFixture fixture = ConsultationFixture.withSeat(this.api, "92001", "Đoài Phương (hoặc Đông Sơn)",
				SEATS, 2, "00001");

		GraphQlHttp.Response asked = this.api.query("""
				query($id: ID!) { consultation(id: $id) { units { questions { question text choice choices } } } }""",
				Map.of("id", fixture.consultationId), official());

		assertThat(asked.<List<String>>read("$.data.consultation.units[0].questions[*].question")).as(asked.body())
			.containsExactly("ARRANGEMENT", "NAME", "SEAT");
		assertThat(asked.<List<String>>read("$.data.consultation.units[0].questions[1].choices"))
			.containsExactly("Đoài Phương", "Đông Sơn");
		assertThat(asked.<List<String>>read("$.data.consultation.units[0].questions[2].choices"))
			.containsExactly("Số 1 Quán Thánh", "Số 5 Phan Đình Phùng");
		assertThat(asked.<String>read("$.data.consultation.units[0].questions[0].text")).contains("Phường Đoài Phương");
	}

	@Test
	void anOnlineAnswerCarriesEveryQuestionAndIsCheckedAgainstTheChoices() {
		ConsultationFixture fixture = ConsultationFixture.withSeat(this.api, "92002", "Đoài Phương (hoặc Đông Sơn)",
				SEATS, 3, "00004");
		// Decomposed (NFD), as some keyboards send it: the same name once normalized.
		String decomposed = Normalizer.normalize("Đông Sơn", Normalizer.Form.NFD);

		GraphQlHttp.Response answered = answer(fixture, household("00004", 1, 1), decomposed,
				List.of(Map.of("question", "SEAT", "choice", "Số 5 Phan Đình Phùng")));
		GraphQlHttp.Response badSeat = answer(fixture, household("00004", 1, 2), null,
				List.of(Map.of("question", "SEAT", "choice", "Số 9 Hàng Bài")));
		GraphQlHttp.Response notAsked = answer(fixture, household("00004", 1, 3), null,
				List.of(Map.of("question", "PROVINCE_MERGER", "agree", true)));
		GraphQlHttp.Response conflicting = answer(fixture, household("00004", 2, 1), "Đoài Phương",
				List.of(Map.of("question", "NAME", "choice", "Đông Sơn")));
		GraphQlHttp.Response misAnswered = answer(fixture, household("00004", 2, 2), null,
				List.of(Map.of("question", "SEAT", "agree", true)));

		assertThat(answered.<String>read("$.data.answerConsultation.answer.nameChoice")).as(answered.body())
			.isEqualTo("Đông Sơn");
		assertThat(answered.<List<String>>read("$.data.answerConsultation.answer.answers[*].question"))
			.containsExactly("ARRANGEMENT", "NAME", "SEAT");
		assertThat(answered.<String>read("$.data.answerConsultation.answer.answers[2].choice"))
			.isEqualTo("Số 5 Phan Đình Phùng");
		assertThat(badSeat.<String>read("$.data.answerConsultation.userErrors[0].code")).as(badSeat.body())
			.isEqualTo("SEAT_CHOICE_INVALID");
		assertThat(notAsked.<String>read("$.data.answerConsultation.userErrors[0].code")).as(notAsked.body())
			.isEqualTo("QUESTION_NOT_ASKED");
		assertThat(conflicting.<String>read("$.data.answerConsultation.userErrors[0].code")).as(conflicting.body())
			.isEqualTo("ANSWER_INVALID");
		assertThat(misAnswered.<String>read("$.data.answerConsultation.userErrors[0].code")).as(misAnswered.body())
			.isEqualTo("ANSWER_INVALID");
		// The key is bound to every question: the same key with another seat is refused.
		GraphQlHttp.Response otherSeat = answer(fixture, household("00004", 1, 1), "Đông Sơn",
				List.of(Map.of("question", "SEAT", "choice", "Số 1 Quán Thánh")));
		assertThat(otherSeat.<String>read("$.data.answerConsultation.userErrors[0].code")).as(otherSeat.body())
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void paperTalliesCountEveryQuestionAndNamesMustBeAmongTheChoices() {
		ConsultationFixture fixture = ConsultationFixture.withSeat(this.api, "92003", "Đoài Phương (hoặc Đông Sơn)",
				SEATS, 5, "00006");
		String group = fixture.groups.get("00006-1");

		GraphQlHttp.Response unknownName = tally(fixture, group, List.of(Map.of("name", "Sơn Tây", "count", 1)),
				List.of(), clerk());
		GraphQlHttp.Response unknownSeat = tally(fixture, group, List.of(),
				List.of(Map.of("question", "SEAT", "choices", List.of(Map.of("name", "Số 9 Hàng Bài", "count", 1)))),
				clerk());
		GraphQlHttp.Response notAsked = tally(fixture, group, List.of(),
				List.of(Map.of("question", "PROVINCE_MERGER", "agree", 3, "disagree", 1)), clerk());
		GraphQlHttp.Response tooMany = tally(fixture, group, List.of(),
				List.of(Map.of("question", "SEAT", "choices", List.of(Map.of("name", "Số 1 Quán Thánh", "count", 5)))),
				clerk());

		assertThat(unknownName.<String>read("$.data.enterTally.userErrors[0].code")).as(unknownName.body())
			.isEqualTo("NAME_CHOICE_INVALID");
		assertThat(unknownSeat.<String>read("$.data.enterTally.userErrors[0].code")).as(unknownSeat.body())
			.isEqualTo("SEAT_CHOICE_INVALID");
		assertThat(notAsked.<String>read("$.data.enterTally.userErrors[0].code")).as(notAsked.body())
			.isEqualTo("QUESTION_NOT_ASKED");
		assertThat(tooMany.<String>read("$.data.enterTally.userErrors[0].code")).as(tooMany.body())
			.isEqualTo("COUNTS_DO_NOT_RECONCILE");

		List<Map<String, Object>> names = List.of(Map.of("name", "Đông Sơn", "count", 3),
				Map.of("name", "Đoài Phương", "count", 1));
		List<Map<String, Object>> seats = List.of(Map.of("question", "SEAT", "choices", List
			.of(Map.of("name", "Số 5 Phan Đình Phùng", "count", 2), Map.of("name", "Số 1 Quán Thánh", "count", 1))));
		tally(fixture, group, names, seats, clerk());
		GraphQlHttp.Response verified = tally(fixture, group, names, seats, admin());
		assertThat(verified.<String>read("$.data.enterTally.tally.state")).as(verified.body()).isEqualTo("VERIFIED");
		assertThat(verified.<List<String>>read("$.data.enterTally.tally.verified.questions[0].choices[*].name"))
			.containsExactly("Số 1 Quán Thánh", "Số 5 Phan Đình Phùng");
		answer(fixture, household("00006", 2, 1), "Đông Sơn",
				List.of(Map.of("question", "SEAT", "choice", "Số 5 Phan Đình Phùng")));

		GraphQlHttp.Response results = this.api.query("""
				query($id: ID!) { consultation(id: $id) { results { communes { questions { question agree disagree
				  choices { name count } leading } }
				  winningNames { unitKey proposedFullName name tied counts { name count } } } } }""",
				Map.of("id", fixture.consultationId), official());

		String commune = "$.data.consultation.results.communes[0]";
		assertThat(results.<List<String>>read(commune + ".questions[*].question")).as(results.body())
			.containsExactly("ARRANGEMENT", "NAME", "SEAT");
		assertThat(results.<Integer>read(commune + ".questions[0].agree")).isEqualTo(4 + 1);
		assertThat(results.<List<Integer>>read(commune + ".questions[1].choices[*].count")).containsExactly(1, 3 + 1);
		assertThat(results.<String>read(commune + ".questions[1].leading")).isEqualTo("Đông Sơn");
		assertThat(results.<List<Integer>>read(commune + ".questions[2].choices[*].count")).containsExactly(1, 2 + 1);
		assertThat(results.<String>read("$.data.consultation.results.winningNames[0].unitKey")).isEqualTo("92003");
		assertThat(results.<String>read("$.data.consultation.results.winningNames[0].name")).isEqualTo("Đông Sơn");
		assertThat(results.<Boolean>read("$.data.consultation.results.winningNames[0].tied")).isFalse();
		// The exports carry every question too.
		String csv = download("/exports/consultations/" + fixture.consultationId + "/results.csv");
		assertThat(csv).contains("Đoài Phương: 1; Đông Sơn: 4").contains("Số 1 Quán Thánh: 1; Số 5 Phan Đình Phùng: 3");
	}

	private String download(String path) {
		try {
			java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Bearer " + official())
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return response.body();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void adoptionProposesTheNameResidentsChoseAndTakesItAudited() {
		ConsultationFixture fixture = new ConsultationFixture(this.api, "92005", "Đoài Phương (hoặc Đông Sơn)", 5,
				"00008");
		List<Map<String, Object>> names = List.of(Map.of("name", "Đông Sơn", "count", 3),
				Map.of("name", "Đoài Phương", "count", 1));
		for (String group : List.of("00008-1", "00008-2")) {
			tally(fixture, fixture.groups.get(group), names, List.of(), clerk());
			tally(fixture, fixture.groups.get(group), names, List.of(), admin());
		}
		fixture.close();
		fixture.certifyAndPublish();

		GraphQlHttp.Response proposed = this.api.query(
				"query($id: ID!) { plan(id: $id) { chosenNames { unitKey proposedName chosenName } } }",
				Map.of("id", fixture.planId), null);
		GraphQlHttp.Response notOffered = adopt(fixture, "Sơn Tây");
		GraphQlHttp.Response adopted = adopt(fixture, "Đông Sơn");

		assertThat(proposed.<List<Map<String, String>>>read("$.data.plan.chosenNames")).as(proposed.body())
			.containsExactly(Map.of("unitKey", "92005", "proposedName", "Đoài Phương", "chosenName", "Đông Sơn"));
		assertThat(notOffered.<String>read("$.data.adoptPlan.userErrors[0].code")).as(notOffered.body())
			.isEqualTo("NAME_CHOICE_INVALID");
		assertThat(adopted.<String>read("$.data.adoptPlan.plan.status")).as(adopted.body()).isEqualTo("ADOPTED");
		assertThat(adopted.<String>read("$.data.adoptPlan.plan.proposedUnits[0].fullName"))
			.isEqualTo("Phường Đông Sơn");
		assertThat(adopted.<List<String>>read("$.data.adoptPlan.plan.proposedUnits[0].alternativeNames"))
			.containsExactly("Đoài Phương");
		GraphQlHttp.Response audited = this.api
			.query("""
					{ auditEntries(filter: { kind: "mutation:adoptPlan" }, first: 5) { edges { node { summary outcome } } } }""",
					admin());
		assertThat(audited.<List<String>>read("$.data.auditEntries.edges[?(@.node.outcome == 'OK')].node.summary"))
			.as(audited.body())
			.anyMatch((summary) -> summary.contains("Đông Sơn"));
	}

	private GraphQlHttp.Response adopt(ConsultationFixture fixture, String name) {
		return this.api.query("""
				mutation($id: ID!, $name: String!) { adoptPlan(input: { planId: $id, number: "99/NQ-THU",
				  date: "2025-06-16", confirmPastEffectiveDate: true, names: [{ unitKey: "92005", name: $name }] }) {
				  plan { status proposedUnits { fullName alternativeNames } } userErrors { code message } } }""",
				Map.of("id", fixture.planId, "name", name), official());
	}

	@Test
	void closingBeforeTheClosingTimeNeedsAReasonWhichIsAudited() {
		ConsultationFixture fixture = new ConsultationFixture(this.api, "92004", "Đóng Sớm", 2, "00007");

		GraphQlHttp.Response withoutReason = close(fixture, null);
		GraphQlHttp.Response withReason = close(fixture, "Tất cả các hộ đã trả lời");

		assertThat(withoutReason.<String>read("$.data.closeConsultation.userErrors[0].code")).as(withoutReason.body())
			.isEqualTo("CLOSE_REASON_MISSING");
		assertThat(withReason.<String>read("$.data.closeConsultation.consultation.status")).as(withReason.body())
			.isEqualTo("CLOSED");
		GraphQlHttp.Response audited = this.api.query("""
				{ auditEntries(filter: { kind: "mutation:closeConsultation" }, first: 5) {
				  edges { node { summary outcome } } } }""", admin());
		assertThat(audited.<List<String>>read("$.data.auditEntries.edges[*].node.summary")).as(audited.body())
			.anyMatch((summary) -> summary != null && summary.contains("Tất cả các hộ đã trả lời"));
	}

	private GraphQlHttp.Response close(ConsultationFixture fixture, String reason) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("id", fixture.consultationId);
		variables.put("reason", reason);
		return this.api.query("""
				mutation($id: ID!, $reason: String) { closeConsultation(id: $id, reason: $reason) {
				  consultation { status } userErrors { code message } } }""", variables, official());
	}

	private GraphQlHttp.Response answer(ConsultationFixture fixture, String household, String nameChoice,
			List<Map<String, Object>> answers) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("id", fixture.consultationId);
		variables.put("key", "q-" + household);
		variables.put("name", nameChoice);
		variables.put("answers", answers);
		return this.api.query("""
				mutation($id: ID!, $key: String!, $name: String, $answers: [QuestionAnswerInput!]) {
				  answerConsultation(input: { consultationId: $id, agree: true, nameChoice: $name, answers: $answers,
				  idempotencyKey: $key }) { answer { nameChoice answers { question agree choice } }
				  userErrors { code message } } }""", variables, resident(household));
	}

	/** Five forms returned, four agree, one invalid… with these names and questions. */
	private GraphQlHttp.Response tally(ConsultationFixture fixture, String group, List<Map<String, Object>> names,
			List<Map<String, Object>> questions, String token) {
		Map<String, Object> counts = Map.of("issued", 5, "returned", 5, "valid", 4, "invalid", 1, "agree", 4,
				"disagree", 0, "names", names, "questions", questions);
		return this.api.query("""
				mutation($id: ID!, $group: ID!, $counts: PaperCountsInput!) { enterTally(input: {
				  consultationId: $id, groupId: $group, counts: $counts }) { tally { state verified {
				  questions { question agree disagree choices { name count } } } } userErrors { code message } } }""",
				Map.of("id", fixture.consultationId, "group", group, "counts", counts), token);
	}

}

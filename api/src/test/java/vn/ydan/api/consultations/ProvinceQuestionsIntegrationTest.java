package vn.ydan.api.consultations;

import java.time.OffsetDateTime;
import java.util.HashMap;
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
import vn.ydan.api.protocol.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ydan.api.consultations.ConsultationFixture.admin;
import static vn.ydan.api.consultations.ConsultationFixture.resident;

/**
 * A commune of a province that merges is asked the province merger too (decision 0011:
 * the plan forms the new province from its old provinces): the sample plan of Đồng Tháp
 * (old Đồng Tháp and Tiền Giang), published and consulted with one residential group per
 * commune. The merger question must be answered, online and on paper.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProvinceQuestionsIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

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
	void aCommuneOfAMergingProvinceAnswersTheProvinceMergerOnlineAndOnPaper() {
		GraphQlHttp.Response plans = this.api.query("{ plans(status: DRAFT) { id title } }", admin());
		String planId = plans.<List<String>>read("$.data.plans[?(@.title =~ /.*Đồng Tháp.*mẫu năm 2025.*/)].id").get(0);
		GraphQlHttp.Response published = this.api
			.query("""
					mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } userErrors { message } } }""",
					Map.of("id", planId), admin());
		assertThat(published.<String>read("$.data.changePlanStatus.plan.status")).as(published.body())
			.isEqualTo("PUBLISHED");
		GraphQlHttp.Response created = this.api.query("""
				mutation($plan: ID!, $opens: String!, $closes: String!) { createConsultation(input: { planId: $plan,
				  title: "Lấy ý kiến cử tri tỉnh Đồng Tháp (mẫu)", opensAt: $opens, closesAt: $closes }) {
				  consultation { id units { unit { code } questions { question text choices } } }
				  userErrors { code message } } }""", Map.of("plan", planId, "opens", at(-1), "closes", at(3)),
				admin());
		String id = created.read("$.data.createConsultation.consultation.id");
		assertThat(id).as(created.body()).isNotNull();
		List<String> codes = created.read("$.data.createConsultation.consultation.units[*].unit.code");

		assertThat(created.<List<String>>read("$.data.createConsultation.consultation.units[0].questions[*].question"))
			.contains("ARRANGEMENT", "PROVINCE_MERGER");
		assertThat(created.<List<String>>read(
				"$.data.createConsultation.consultation.units[*].questions[?(@.question == 'PROVINCE_MERGER')].text"))
			.hasSize(codes.size())
			.allMatch((text) -> text.contains("Tỉnh Đồng Tháp"));

		register(codes);
		GraphQlHttp.Response opened = this.api.query(
				"mutation($id: ID!) { openConsultation(id: $id) { consultation { status } userErrors { code message } } }",
				Map.of("id", id), admin());
		assertThat(opened.<String>read("$.data.openConsultation.consultation.status")).as(opened.body())
			.isEqualTo("OPEN");
		String commune = codes.get(0);

		GraphQlHttp.Response missing = answer(id, "P-" + commune + "-1", List.of());
		GraphQlHttp.Response answered = answer(id, "P-" + commune + "-1",
				List.of(Map.of("question", "PROVINCE_MERGER", "agree", false)));
		GraphQlHttp.Response paperMissing = tally(id, commune, List.of());
		GraphQlHttp.Response paper = tally(id, commune,
				List.of(Map.of("question", "PROVINCE_MERGER", "agree", 1, "disagree", 0)));

		assertThat(missing.<String>read("$.data.answerConsultation.userErrors[0].code")).as(missing.body())
			.isEqualTo("QUESTION_UNANSWERED");
		assertThat(answered
			.<List<Boolean>>read("$.data.answerConsultation.answer.answers[?(@.question == 'PROVINCE_MERGER')].agree"))
			.as(answered.body())
			.containsExactly(false);
		assertThat(paperMissing.<String>read("$.data.enterTally.userErrors[0].code")).as(paperMissing.body())
			.isEqualTo("QUESTION_UNANSWERED");
		assertThat(paper.<List<?>>read("$.data.enterTally.userErrors")).as(paper.body()).isEmpty();
	}

	/** One residential group of two households per commune. */
	private void register(List<String> codes) {
		StringBuilder groups = new StringBuilder("commune_code,code,name,type,households\n");
		StringBuilder households = new StringBuilder("commune_code,group_code,group_name,household_id\n");
		for (String code : codes) {
			groups.append(code).append(",1,Ấp 1,ấp,2\n");
			households.append(code).append(",1,,P-").append(code).append("-1\n");
			households.append(code).append(",1,,P-").append(code).append("-2\n");
		}
		GraphQlHttp.Response imported = this.api
			.query("""
					mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created errors { message } } }""",
					Map.of("csv", groups.toString()), admin());
		assertThat(imported.<Integer>read("$.data.importUnits.created")).as(imported.body()).isEqualTo(codes.size());
		GraphQlHttp.Response registered = this.api
			.query("""
					mutation($csv: String!) { importHouseholds(input: { csv: $csv }) { households errors { line code message } } }""",
					Map.of("csv", households.toString()), admin());
		assertThat(registered.<Integer>read("$.data.importHouseholds.households")).as(registered.body())
			.isEqualTo(2 * codes.size());
	}

	private GraphQlHttp.Response answer(String id, String household, List<Map<String, Object>> answers) {
		return this.api.query("""
				mutation($id: ID!, $key: String!, $answers: [QuestionAnswerInput!]) { answerConsultation(input: {
				  consultationId: $id, agree: true, answers: $answers, idempotencyKey: $key }) {
				  answer { answers { question agree choice } } userErrors { code message } } }""",
				Map.of("id", id, "key", "p-" + household + "-" + answers.size(), "answers", answers),
				resident(household));
	}

	private GraphQlHttp.Response tally(String id, String commune, List<Map<String, Object>> questions) {
		GraphQlHttp.Response group = this.api.query("""
				query($code: String!) { unitByCode(code: $code, level: COMMUNE) { children(level: RESIDENTIAL_GROUP) {
				  edges { node { id } } } } }""", Map.of("code", commune), null);
		String groupId = group.<List<String>>read("$.data.unitByCode.children.edges[*].node.id").get(0);
		Map<String, Object> counts = new HashMap<>(
				Map.of("issued", 1, "returned", 1, "valid", 1, "invalid", 0, "agree", 1, "disagree", 0));
		counts.put("questions", questions);
		return this.api
			.query("""
					mutation($id: ID!, $group: ID!, $counts: PaperCountsInput!) { enterTally(input: {
					  consultationId: $id, groupId: $group, counts: $counts }) { tally { state } userErrors { code message } } }""",
					Map.of("id", id, "group", groupId, "counts", counts), admin());
	}

	private static String at(int hoursFromNow) {
		return OffsetDateTime.now(VietnamTime.ZONE).plusHours(hoursFromNow).withNano(0).toString();
	}

}

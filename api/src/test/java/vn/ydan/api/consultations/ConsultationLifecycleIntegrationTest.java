package vn.ydan.api.consultations;

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
import static vn.ydan.api.consultations.ConsultationFixture.household;
import static vn.ydan.api.consultations.ConsultationFixture.official;
import static vn.ydan.api.consultations.ConsultationFixture.resident;

/**
 * The edges of a consultation's life, over HTTP: one consultation per plan and round
 * whatever the retries, opening no earlier than its time, and an answer's idempotency key
 * bound to the answer it was sent with.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsultationLifecycleIntegrationTest {

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
	void aRetriedCreateGetsTheFirstConsultationBackAndAnotherForTheSameRoundIsRefused() {
		ConsultationFixture fixture = ConsultationFixture.scheduled(this.api, "91001", "Thử Lặp", 2, "00001");
		GraphQlHttp.Response first = this.api.query(
				"query($id: ID!) { consultation(id: $id) { title opensAt closesAt } }",
				Map.of("id", fixture.consultationId), official());

		GraphQlHttp.Response retried = create(fixture.planId, first.read("$.data.consultation.title"),
				first.read("$.data.consultation.opensAt"), first.read("$.data.consultation.closesAt"));

		assertThat(retried.<String>read("$.data.createConsultation.consultation.id")).as(retried.body())
			.isEqualTo(fixture.consultationId);
		GraphQlHttp.Response other = create(fixture.planId, "Đợt thứ hai cùng vòng",
				first.read("$.data.consultation.opensAt"), first.read("$.data.consultation.closesAt"));
		assertThat(other.<String>read("$.data.createConsultation.userErrors[0].code")).as(other.body())
			.isEqualTo("CONSULTATION_EXISTS");
		GraphQlHttp.Response listed = this.api.query("{ consultations { id planId } }", official());
		assertThat(
				listed.<java.util.List<String>>read("$.data.consultations[?(@.planId == '" + fixture.planId + "')].id"))
			.as(listed.body())
			.containsExactly(fixture.consultationId);
	}

	@Test
	void aConsultationOpensNoEarlierThanItsOpeningTime() {
		ConsultationFixture fixture = ConsultationFixture.scheduledLater(this.api, "91002", "Mở Sớm", 2, "00004");

		GraphQlHttp.Response opened = this.api.query(
				"mutation($id: ID!) { openConsultation(id: $id) { consultation { status } userErrors { code } } }",
				Map.of("id", fixture.consultationId), official());

		assertThat(opened.<String>read("$.data.openConsultation.userErrors[0].code")).as(opened.body())
			.isEqualTo("OPENS_LATER");
		assertThat(this.api
			.query("query($id: ID!) { consultation(id: $id) { status } }", Map.of("id", fixture.consultationId),
					official())
			.<String>read("$.data.consultation.status")).isEqualTo("SCHEDULED");
	}

	@Test
	void anIdempotencyKeyIsBoundToTheAnswerItWasSentWith() {
		ConsultationFixture fixture = new ConsultationFixture(this.api, "91003", "Khoá Trả Lời", 2, "00006");
		String household = household("00006", 1, 1);
		fixture.answer(household, true);

		GraphQlHttp.Response same = answer(fixture, household, true);
		GraphQlHttp.Response changed = answer(fixture, household, false);

		assertThat(same.<Boolean>read("$.data.answerConsultation.replayed")).as(same.body()).isTrue();
		assertThat(changed.<String>read("$.data.answerConsultation.userErrors[0].code")).as(changed.body())
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(changed.<Object>read("$.data.answerConsultation.answer")).isNull();
	}

	@Test
	void aResidentChoosesTheProposedNameOrAnAlternativeWrittenInIt() {
		// As the 2025 forms wrote it (Sơn Tây): the name, and the other in brackets.
		ConsultationFixture fixture = new ConsultationFixture(this.api, "91004", "Đoài Phương (hoặc Đông Sơn)", 2,
				"00007");
		GraphQlHttp.Response asked = this.api.query(
				"query($id: ID!) { consultation(id: $id) { units { nameChoices successors } } }",
				Map.of("id", fixture.consultationId), official());
		assertThat(asked.<java.util.List<String>>read("$.data.consultation.units[0].nameChoices")).as(asked.body())
			.containsExactly("Đoài Phương", "Đông Sơn");
		assertThat(asked.<java.util.List<String>>read("$.data.consultation.units[0].successors"))
			.containsExactly("Phường Đoài Phương");

		GraphQlHttp.Response proposed = named(fixture, household("00007", 1, 1), "Đoài Phương");
		GraphQlHttp.Response alternative = named(fixture, household("00007", 1, 2), "Đông Sơn");
		GraphQlHttp.Response unknown = named(fixture, household("00007", 2, 1), "Đoài Phương (hoặc Đông Sơn)");

		assertThat(proposed.<String>read("$.data.answerConsultation.answer.nameChoice")).as(proposed.body())
			.isEqualTo("Đoài Phương");
		assertThat(alternative.<String>read("$.data.answerConsultation.answer.nameChoice")).as(alternative.body())
			.isEqualTo("Đông Sơn");
		assertThat(unknown.<String>read("$.data.answerConsultation.userErrors[0].code"))
			.isEqualTo("NAME_CHOICE_INVALID");
	}

	private GraphQlHttp.Response named(ConsultationFixture fixture, String household, String name) {
		return this.api.query("""
				mutation($id: ID!, $key: String!, $name: String!) { answerConsultation(input: {
				  consultationId: $id, agree: true, nameChoice: $name, idempotencyKey: $key }) { answer { nameChoice }
				  userErrors { code } } }""",
				Map.of("id", fixture.consultationId, "key", "n-" + household, "name", name), resident(household));
	}

	/** The answer again with the key the fixture used ("k-" and the household). */
	private GraphQlHttp.Response answer(ConsultationFixture fixture, String household, boolean agree) {
		return this.api.query("""
				mutation($id: ID!, $key: String!, $agree: Boolean!) { answerConsultation(input: {
				  consultationId: $id, agree: $agree, idempotencyKey: $key }) { answer { agree } replayed
				  userErrors { code } } }""",
				Map.of("id", fixture.consultationId, "key", "k-" + household, "agree", agree), resident(household));
	}

	private GraphQlHttp.Response create(String planId, String title, String opensAt, String closesAt) {
		return this.api.query("""
				mutation($plan: ID!, $title: String!, $opens: String!, $closes: String!) { createConsultation(input: {
				  planId: $plan, title: $title, opensAt: $opens, closesAt: $closes }) {
				  consultation { id } userErrors { code message } } }""",
				Map.of("plan", planId, "title", title, "opens", opensAt, "closes", closesAt), official());
	}

}

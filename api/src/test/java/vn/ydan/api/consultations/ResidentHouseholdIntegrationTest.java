package vn.ydan.api.consultations;

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

/**
 * A resident's own page over HTTP ({@code myHousehold}): their household's commune, the
 * open consultation that asks it with the question, whether it takes their answer, and
 * the answer once given; through the console (the first-party channel, decision 20) as
 * through a resident app; never another household's answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResidentHouseholdIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final String MY_HOUSEHOLD = """
			{ myHousehold { householdId unit { code fullName } group { id }
			  consultations { consultation { id status } question { unit { code } successors nameChoices households }
			    mayAnswer reason answer { householdId agree unit { code } } } } }""";

	private static ConsultationFixture fixture;

	@LocalServerPort
	private int port;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void ownStore(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
	}

	@BeforeEach
	void openConsultation() {
		this.api = new GraphQlHttp(this.port);
		synchronized (ResidentHouseholdIntegrationTest.class) {
			if (fixture == null) {
				fixture = new ConsultationFixture(this.api, "90071", "Cử Tri", 2, "00006");
			}
		}
	}

	@Test
	void aResidentSeesTheirCommuneAndTheOpenConsultationThatAsksItBeforeAnswering() {
		GraphQlHttp.Response mine = this.api.query(MY_HOUSEHOLD, console("H-00006-2-1"));

		assertThat(mine.<Object>read("$.errors")).as(mine.body()).isNull();
		assertThat(mine.<String>read("$.data.myHousehold.householdId")).isEqualTo("H-00006-2-1");
		assertThat(mine.<String>read("$.data.myHousehold.unit.code")).isEqualTo("00006");
		assertThat(mine.<String>read("$.data.myHousehold.group.id")).isNotNull();
		assertThat(mine.<List<String>>read("$.data.myHousehold.consultations[*].consultation.id"))
			.containsExactly(fixture.consultationId);
		assertThat(mine.<String>read("$.data.myHousehold.consultations[0].question.unit.code")).isEqualTo("00006");
		assertThat(mine.<List<String>>read("$.data.myHousehold.consultations[0].question.successors"))
			.containsExactly("Phường Cử Tri");
		assertThat(mine.<Integer>read("$.data.myHousehold.consultations[0].question.households")).isEqualTo(4);
		assertThat(mine.<Boolean>read("$.data.myHousehold.consultations[0].mayAnswer")).isTrue();
		assertThat(mine.<Object>read("$.data.myHousehold.consultations[0].answer")).isNull();
	}

	@Test
	void aResidentAnswersOnceThroughTheConsoleAndThenSeesTheAnswerGivenNotAnotherHouseholds() {
		String token = console("H-00006-1-1");
		GraphQlHttp.Response first = answer(token, "console-1", false);
		assertThat(first.<Boolean>read("$.data.answerConsultation.answer.agree")).as(first.body()).isFalse();

		GraphQlHttp.Response again = answer(token, "console-2", true);
		GraphQlHttp.Response mine = this.api.query(MY_HOUSEHOLD, token);
		GraphQlHttp.Response neighbour = this.api.query(MY_HOUSEHOLD, console("H-00006-1-2"));

		assertThat(again.<List<String>>read("$.data.answerConsultation.userErrors[*].code"))
			.containsExactly("ALREADY_ANSWERED");
		assertThat(mine.<Boolean>read("$.data.myHousehold.consultations[0].mayAnswer")).isFalse();
		assertThat(mine.<String>read("$.data.myHousehold.consultations[0].reason")).isEqualTo("ALREADY_ANSWERED");
		assertThat(mine.<String>read("$.data.myHousehold.consultations[0].answer.householdId"))
			.isEqualTo("H-00006-1-1");
		assertThat(mine.<Boolean>read("$.data.myHousehold.consultations[0].answer.agree")).isFalse();
		assertThat(neighbour.<Object>read("$.data.myHousehold.consultations[0].answer")).as(neighbour.body()).isNull();
		assertThat(neighbour.<Boolean>read("$.data.myHousehold.consultations[0].mayAnswer")).isTrue();
	}

	@Test
	void aResidentAppGrantedResidentAnswersSeesTheSame() {
		GraphQlHttp.Response mine = this.api.query(MY_HOUSEHOLD, ConsultationFixture.resident("H-00006-2-2"));

		assertThat(mine.<String>read("$.data.myHousehold.unit.code")).as(mine.body()).isEqualTo("00006");
		assertThat(mine.<List<String>>read("$.data.myHousehold.consultations[*].consultation.id"))
			.containsExactly(fixture.consultationId);
	}

	@Test
	void aHouseholdTheRegisterDoesNotListIsAskedNothingAndATokenWithoutAHouseholdHasNone() {
		GraphQlHttp.Response unknown = this.api.query(MY_HOUSEHOLD, console("H-KHONG-CO"));
		GraphQlHttp.Response none = this.api.query(MY_HOUSEHOLD,
				issuer.token((claims) -> claims.subject("cd-none")
					.claim("realm_access", Map.of("roles", List.of("resident")))
					.claim("azp", "ydan-console")));

		assertThat(unknown.<String>read("$.data.myHousehold.householdId")).as(unknown.body()).isEqualTo("H-KHONG-CO");
		assertThat(unknown.<Object>read("$.data.myHousehold.unit")).isNull();
		assertThat(unknown.<List<Object>>read("$.data.myHousehold.consultations")).isEmpty();
		assertThat(none.<Object>read("$.errors")).as(none.body()).isNull();
		assertThat(none.<Object>read("$.data.myHousehold")).isNull();
	}

	@Test
	void anOfficialHasNoHouseholdPage() {
		GraphQlHttp.Response official = this.api.query(MY_HOUSEHOLD, ConsultationFixture.official());

		assertThat(official.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
	}

	private GraphQlHttp.Response answer(String token, String key, boolean agree) {
		return this.api
			.query("""
					mutation($id: ID!, $key: String!, $agree: Boolean!) { answerConsultation(input: {
					  consultationId: $id, agree: $agree, idempotencyKey: $key }) { answer { agree } userErrors { code } } }""",
					Map.of("id", fixture.consultationId, "key", key, "agree", agree), token);
	}

	/**
	 * A resident signed in to the console: its tokens carry the user's own roles and no
	 * grant claim.
	 */
	private static String console(String household) {
		return issuer.token((claims) -> claims.subject("cd-" + household)
			.claim("preferred_username", "cudan-" + household)
			.claim("realm_access", Map.of("roles", List.of("resident")))
			.claim("azp", "ydan-console")
			.claim("ydan_household", household));
	}

}

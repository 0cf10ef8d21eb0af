package vn.ydan.api.consultations;

import java.util.List;
import java.util.Map;

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
 * The first start with demo data: an open consultation of Hanoi's 526 communes on the
 * demo plan over a synthetic electorate, some households answered, and the demo resident
 * ({@code cudan}, household {@code ho-00004-0001}) can answer; Sơn Tây's communes are
 * asked the name (Đoài Phương or Đông Sơn) and the synthetic answers choose. Before
 * publication a clerk sees the results of his commune only, and the audit log does not
 * keep how a household answered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoConsultationIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void demo(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.consultation", () -> "true");
	}

	private static boolean readyIn(GraphQlHttp.Response list) {
		List<Integer> answered = list.read("$.data.consultations[?(@.status == 'OPEN')].answerCount");
		return answered != null && !answered.isEmpty() && answered.get(0) > 0;
	}

	@Test
	void theFirstStartOpensASyntheticConsultationOfHanoiThatTheDemoResidentCanAnswer() throws InterruptedException {
		GraphQlHttp api = new GraphQlHttp(this.port);
		String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

		// Loaded in the background: ready once open with its seeded answers.
		String query = "{ consultations { id title status answerCount units { households } } }";
		GraphQlHttp.Response list = api.query(query, null);
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(180).toNanos();
		while (!readyIn(list) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			list = api.query(query, null);
		}

		assertThat(list.<List<String>>read("$.data.consultations[*].title")).as(list.body())
			.containsExactly(DemoConsultation.TITLE);
		assertThat(list.<String>read("$.data.consultations[0].status")).isEqualTo("OPEN");
		assertThat(list.<List<?>>read("$.data.consultations[0].units")).hasSize(526);
		String id = list.read("$.data.consultations[0].id");
		GraphQlHttp.Response before = api.query("""
				query($id: ID!) { consultation(id: $id) { answerCount results { total { households tookPart } } } }""",
				Map.of("id", id), admin);
		int answered = before.read("$.data.consultation.answerCount");
		assertThat(answered).isPositive();
		assertThat(before.<Integer>read("$.data.consultation.results.total.tookPart")).isEqualTo(answered);
		String resident = issuer.token((claims) -> claims.subject("cudan")
			.claim("preferred_username", "cudan")
			.claim("realm_access", Map.of("roles", List.of("resident")))
			.claim("azp", LocalIssuer.RESIDENT_APP)
			.claim(LocalIssuer.GRANTS_CLAIM, LocalIssuer.RESIDENT_ANSWERS)
			.claim("ydan_household", "ho-00004-0001"));

		GraphQlHttp.Response answer = api.query(
				"""
						mutation($id: ID!) { answerConsultation(input: { consultationId: $id, agree: true, idempotencyKey: "demo-1" }) {
						  answer { unit { code } } userErrors { code message } } }""",
				Map.of("id", id), resident);

		assertThat(answer.<String>read("$.data.answerConsultation.answer.unit.code")).as(answer.body())
			.isEqualTo("00004");
		assertThat(api.query("query($id: ID!) { consultation(id: $id) { answerCount } }", Map.of("id", id), admin)
			.<Integer>read("$.data.consultation.answerCount")).isEqualTo(answered + 1);
	}

	@Test
	void beforePublicationAClerkOfOneWardSeesOnlyHisCommunesResults() throws InterruptedException {
		GraphQlHttp api = new GraphQlHttp(this.port);
		String id = readyConsultation(api);
		String clerk = scoped("thuky-phucxa", "clerk", "00001");
		String query = """
				query($id: ID!) { consultation(id: $id) { status results { published
				  communes { unit { code } households tookPart }
				  districts { unit { code } communes households } provinces { unit { code } communes households }
				  total { communes households tookPart } } } }""";

		GraphQlHttp.Response seen = api.query(query, Map.of("id", id), clerk);

		assertThat(seen.<String>read("$.data.consultation.status")).as(seen.body()).isEqualTo("OPEN");
		assertThat(seen.<Boolean>read("$.data.consultation.results.published")).isFalse();
		assertThat(seen.<List<String>>read("$.data.consultation.results.communes[*].unit.code"))
			.containsExactly("00001");
		int households = seen.<Integer>read("$.data.consultation.results.communes[0].households");
		assertThat(seen.<Integer>read("$.data.consultation.results.total.communes")).isEqualTo(1);
		assertThat(seen.<Integer>read("$.data.consultation.results.total.households")).isEqualTo(households);
		assertThat(seen.<Integer>read("$.data.consultation.results.total.tookPart"))
			.isEqualTo(seen.<Integer>read("$.data.consultation.results.communes[0].tookPart"));
		assertThat(seen.<List<String>>read("$.data.consultation.results.districts[*].unit.code"))
			.containsExactly("001");
		assertThat(seen.<List<Integer>>read("$.data.consultation.results.districts[*].communes")).containsExactly(1);
		assertThat(seen.<List<Integer>>read("$.data.consultation.results.provinces[*].households"))
			.containsExactly(households);
		GraphQlHttp.Response csv = api.get("/exports/consultations/" + id + "/results.csv", clerk);
		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.body().lines().filter((line) -> !line.isBlank())).as(csv.body()).hasSize(2);
		assertThat(csv.body()).contains("00001").doesNotContain("00004");
		GraphQlHttp.Response admin = api.query(query, Map.of("id", id),
				issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"));
		assertThat(admin.<List<String>>read("$.data.consultation.results.communes[*].unit.code")).hasSize(526);
		assertThat(admin.<Integer>read("$.data.consultation.results.total.communes")).isEqualTo(526);
	}

	@Test
	void theAuditEntryOfAnAnswerKeepsWhoAndWhereButNotHowTheHouseholdAnswered() throws InterruptedException {
		GraphQlHttp api = new GraphQlHttp(this.port);
		String id = readyConsultation(api);
		String answered = null;
		// A quarter of the synthetic households answered already: the first that has not.
		for (int number = 2; answered == null && number < 9; number++) {
			String household = "ho-00004-%04d".formatted(number);
			GraphQlHttp.Response answer = api.query("""
					mutation($id: ID!, $key: String!) { answerConsultation(input: { consultationId: $id, agree: false,
					  idempotencyKey: $key }) { answer { at } userErrors { code } } }""",
					Map.of("id", id, "key", "audit-" + household), resident(household));
			if (answer.read("$.data.answerConsultation.answer.at") != null) {
				answered = household;
			}
		}
		assertThat(answered).as("a household of 00004 that had not answered").isNotNull();
		api.query("""
				mutation($id: ID!) { answerConsultation(input: { consultationId: $id, agree: true,
				  nameChoice: "Tên đã chọn", idempotencyKey: "audit-name" }) { userErrors { code } } }""",
				Map.of("id", id), resident("ho-00004-0009"));

		GraphQlHttp.Response entries = api.query("""
				{ auditEntries(filter: { kind: "mutation:answerConsultation" }, first: 50) {
				  edges { node { actor kind unitIds summary input before after outcome codes } } } }""",
				issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"));

		List<Map<String, Object>> nodes = entries.read("$.data.auditEntries.edges[*].node");
		assertThat(nodes).as(entries.body()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(entries.body()).doesNotContainIgnoringCase("agree")
			.doesNotContainIgnoringCase("nameChoice")
			.doesNotContain("Tên đã chọn");
		String actor = "cudan-" + answered;
		Map<String, Object> entry = nodes.stream()
			.filter((node) -> actor.equals(node.get("actor")))
			.findFirst()
			.orElseThrow();
		assertThat(entry.get("outcome")).isEqualTo("OK");
		assertThat((List<?>) entry.get("unitIds")).as("the commune and the group").hasSize(2);
		assertThat((String) entry.get("input")).contains(id).contains("audit-" + answered);
	}

	@Test
	void theDemoAsksSonTaysCommunesTheNameDoaiPhuongOrDongSonAndItsResultsCountTheNamesChosen()
			throws InterruptedException {
		GraphQlHttp api = new GraphQlHttp(this.port);
		String id = readyConsultation(api);

		GraphQlHttp.Response form = api.query("""
				query($id: ID!) { consultation(id: $id) { units { unit { code } nameChoices }
				  results { winningNames { proposedFullName name counts { name count } } } } }""", Map.of("id", id),
				issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"));

		assertThat(form.<List<List<String>>>read("$.data.consultation.units[?(@.unit.code == '09610')].nameChoices"))
			.as(form.body())
			.containsExactly(List.of("Đoài Phương", "Đông Sơn"));
		List<String> names = form
			.read("$.data.consultation.results.winningNames[?(@.proposedFullName == 'Xã Đoài Phương')].counts[*].name");
		assertThat(names).containsExactly("Đoài Phương", "Đông Sơn");
		List<Integer> counts = form.read(
				"$.data.consultation.results.winningNames[?(@.proposedFullName == 'Xã Đoài Phương')].counts[*].count");
		assertThat(counts).as("the synthetic households chose names")
			.allSatisfy((count) -> assertThat(count).isPositive());
	}

	private static String readyConsultation(GraphQlHttp api) throws InterruptedException {
		String query = "{ consultations { id title status answerCount units { households } } }";
		GraphQlHttp.Response list = api.query(query, null);
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(180).toNanos();
		while (!readyIn(list) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			list = api.query(query, null);
		}
		assertThat(list.<List<String>>read("$.data.consultations[?(@.status == 'OPEN')].id")).as(list.body())
			.hasSize(1);
		return list.read("$.data.consultations[0].id");
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

}

package vn.ydan.api.consultations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
 * The printable household list of a residential group over HTTP: the register before
 * opening, the frozen register after, households that answered online marked, in natural
 * order; only for those whose scope covers the group's commune.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationHouseholdsIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final String QUERY = """
			query($id: ID!, $group: ID!) { consultation(id: $id) { households(groupId: $group) {
			  householdId answeredOnline } } }""";

	private static String consultationId;

	private static String group;

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	private final String official = scoped("canbo", "official", "001");

	private final String clerk = scoped("thuky", "clerk", "00001");

	private final String otherClerk = scoped("thuky3", "clerk", "00004");

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
	void beforeOpeningTheListIsTheCurrentRegisterInNaturalOrder() {
		String planId = publishedPlan();
		register("00001,1,,H-2\n00001,1,,H-10\n00001,1,,H-1\n00004,1,,H-40\n");
		GraphQlHttp.Response created = this.api
			.query("""
					mutation($plan: ID!, $opens: String!, $closes: String!) { createConsultation(input: { planId: $plan,
					  title: "Danh sách hộ", opensAt: $opens, closesAt: $closes }) { consultation { id } userErrors { message } } }""",
					Map.of("plan", planId, "opens", at(-1), "closes", at(2)), this.official);
		consultationId = created.read("$.data.createConsultation.consultation.id");
		assertThat(consultationId).as(created.body()).isNotNull();
		group = groupId("00001", "1");

		GraphQlHttp.Response list = this.api.query(QUERY, Map.of("id", consultationId, "group", group), this.clerk);

		assertThat(list.<List<String>>read("$.data.consultation.households[*].householdId")).as(list.body())
			.containsExactly("H-1", "H-2", "H-10");
		assertThat(list.<List<Boolean>>read("$.data.consultation.households[*].answeredOnline")).containsOnly(false);
	}

	@Test
	@Order(2)
	void onceOpenTheListIsTheFrozenRegisterWithOnlineAnswersMarked() {
		GraphQlHttp.Response opened = this.api.query(
				"mutation($id: ID!) { openConsultation(id: $id) { consultation { status } userErrors { message } } }",
				Map.of("id", consultationId), this.official);
		assertThat(opened.<String>read("$.data.openConsultation.consultation.status")).as(opened.body())
			.isEqualTo("OPEN");
		register("00001,1,,H-3\n");
		GraphQlHttp.Response answered = this.api.query("""
				mutation($id: ID!) { answerConsultation(input: { consultationId: $id, agree: true,
				  idempotencyKey: "k" }) { answer { agree } userErrors { code } } }""", Map.of("id", consultationId),
				resident("H-10"));
		assertThat(answered.<Boolean>read("$.data.answerConsultation.answer.agree")).as(answered.body()).isTrue();

		GraphQlHttp.Response list = this.api.query(QUERY, Map.of("id", consultationId, "group", group), this.admin);

		assertThat(list.<List<String>>read("$.data.consultation.households[*].householdId")).as(list.body())
			.containsExactly("H-1", "H-2", "H-10");
		assertThat(list.<List<Boolean>>read("$.data.consultation.households[*].answeredOnline")).containsExactly(false,
				false, true);
	}

	@Test
	@Order(3)
	void theGroupsWhoseTalliesCountAreThoseWithHouseholdsInTheRegister() {
		String groups = """
				query($id: ID!, $unit: ID!) { consultation(id: $id) { electorateGroups(unitId: $unit) {
				  group { code } households } } }""";

		GraphQlHttp.Response phucXa = this.api.query(groups,
				Map.of("id", consultationId, "unit", unitId("00001", "COMMUNE")), this.clerk);

		assertThat(phucXa.<List<String>>read("$.data.consultation.electorateGroups[*].group.code")).as(phucXa.body())
			.containsExactly("1");
		assertThat(phucXa.<List<Integer>>read("$.data.consultation.electorateGroups[*].households")).containsExactly(3);
		assertThat(this.api.query(groups, Map.of("id", consultationId, "unit", unitId("00004", "COMMUNE")), this.clerk)
			.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
	}

	@Test
	@Order(4)
	void callersOutsideTheCommuneOrSignedOutGetNoList() {
		Map<String, Object> variables = Map.of("id", consultationId, "group", group);

		assertThat(this.api.query(QUERY, variables, this.otherClerk).<String>read("$.errors[0].extensions.code"))
			.isEqualTo("FORBIDDEN");
		assertThat(this.api.query(QUERY, variables, resident("H-1")).<String>read("$.errors[0].extensions.code"))
			.isEqualTo("FORBIDDEN");
		assertThat(this.api.query(QUERY, variables, null).<String>read("$.errors[0].extensions.code"))
			.isEqualTo("UNAUTHORIZED");
		assertThat(this.api.query(QUERY, Map.of("id", consultationId, "group", groupId("00004", "1")), this.clerk)
			.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		assertThat(this.api.query(QUERY, Map.of("id", consultationId, "group", groupId("00004", "1")), this.otherClerk)
			.<List<String>>read("$.data.consultation.households[*].householdId")).containsExactly("H-40");
	}

	@Test
	@Order(5)
	void aHouseholdRegisteredInACommuneOutsideTheCallersScopeIsNotMovedIntoTheirs() {
		GraphQlHttp.Response groups = this.api.query("""
				mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created } }""",
				Map.of("csv", """
						commune_code,code,name,type,households
						00037,1,Tổ dân phố 1,tổ dân phố,1
						"""), this.admin);
		assertThat(groups.<Integer>read("$.data.importUnits.created")).as(groups.body()).isEqualTo(1);
		register("00037,1,,H-FAR\n");
		String importing = """
				mutation($csv: String!) { importHouseholds(input: { csv: $csv }) {
				  households errors { line column code message } } }""";

		GraphQlHttp.Response moved = this.api.query(importing,
				Map.of("csv", "commune_code,group_code,group_name,household_id\n00001,1,,H-NEW\n00001,1,,H-FAR\n"),
				this.official);

		assertThat(moved.<List<String>>read("$.data.importHouseholds.errors[*].code")).as(moved.body())
			.containsExactly("HOUSEHOLD_OUT_OF_SCOPE");
		assertThat(moved.<List<Integer>>read("$.data.importHouseholds.errors[*].line")).containsExactly(3);
		assertThat(moved.<String>read("$.data.importHouseholds.errors[0].message")).contains("H-FAR");
		assertThat(moved.<Integer>read("$.data.importHouseholds.households")).isZero();
		GraphQlHttp.Response withinScope = this.api.query(importing,
				Map.of("csv", "commune_code,group_code,group_name,household_id\n00001,1,,H-40\n"), this.official);
		assertThat(withinScope.<Integer>read("$.data.importHouseholds.households")).as(withinScope.body()).isEqualTo(1);
		GraphQlHttp.Response byAdmin = this.api.query(importing,
				Map.of("csv", "commune_code,group_code,group_name,household_id\n00001,1,,H-FAR\n"), this.admin);
		assertThat(byAdmin.<Integer>read("$.data.importHouseholds.households")).as(byAdmin.body()).isEqualTo(1);
	}

	private String publishedPlan() {
		GraphQlHttp.Response plan = this.api.query("""
				mutation($scope: ID!) { createPlan(input: { title: "Nhập Phúc Xá và Trúc Bạch", scopeIds: [$scope],
				  effectiveDate: "2025-07-01" }) { plan { id } } }""", Map.of("scope", unitId("001", "DISTRICT")),
				this.official);
		String planId = plan.read("$.data.createPlan.plan.id");
		this.api.query("""
				mutation($id: ID!) { saveProposedUnit(input: { planId: $id, code: "90001", name: "Ba Đình Mới",
				  type: PHUONG }) { plan { id } } }""", Map.of("id", planId), this.official);
		for (String code : List.of("00001", "00004")) {
			this.api.query("""
					mutation($id: ID!, $unit: ID!) { assignUnit(input: { planId: $id, key: "90001", unitId: $unit,
					  kind: WHOLE }) { plan { id } } }""", Map.of("id", planId, "unit", unitId(code, "COMMUNE")),
					this.official);
		}
		GraphQlHttp.Response published = this.api.query(
				"mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } } }",
				Map.of("id", planId), this.official);
		assertThat(published.<String>read("$.data.changePlanStatus.plan.status")).as(published.body())
			.isEqualTo("PUBLISHED");
		GraphQlHttp.Response groups = this.api.query("""
				mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created } }""",
				Map.of("csv", """
						commune_code,code,name,type,households
						00001,1,Tổ dân phố 1,tổ dân phố,4
						00004,1,Tổ dân phố 1,tổ dân phố,1
						"""), this.admin);
		assertThat(groups.<Integer>read("$.data.importUnits.created")).as(groups.body()).isEqualTo(2);
		return planId;
	}

	private void register(String rows) {
		GraphQlHttp.Response imported = this.api.query("""
				mutation($csv: String!) { importHouseholds(input: { csv: $csv }) { households errors { message } } }""",
				Map.of("csv", "commune_code,group_code,group_name,household_id\n" + rows), this.admin);
		assertThat(imported.<List<?>>read("$.data.importHouseholds.errors")).as(imported.body()).isEmpty();
	}

	private String groupId(String commune, String code) {
		GraphQlHttp.Response children = this.api.query("""
				query($id: ID!) { unit(id: $id) { children(level: RESIDENTIAL_GROUP) {
				  edges { node { id code } } } } }""", Map.of("id", unitId(commune, "COMMUNE")), null);
		List<String> ids = children.read("$.data.unit.children.edges[?(@.node.code == '" + code + "')].node.id");
		assertThat(ids).as(children.body()).hasSize(1);
		return ids.get(0);
	}

	private String unitId(String code, String level) {
		return this.api.query("{ unitByCode(code: \"%s\", level: %s) { id } }".formatted(code, level), null)
			.read("$.data.unitByCode.id");
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

package vn.ydan.api.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import graphql.schema.GraphQLFieldDefinition;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.ydan.api.GraphQlWsClient;
import graphql.schema.GraphQLObjectType;
import org.junit.jupiter.api.Test;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Who may do what: every Query and Mutation field of the schema, run over HTTP as each
 * kind of caller (anonymous, admin, officials and clerks in and out of scope, resident,
 * partner; tokens signed by {@link vn.ydan.api.LocalIssuer}), compared with the
 * expectations below, and written to {@code docs/access-matrix.md}.
 * <p>
 * A field of the schema without an expectation fails the test: a new feature declares who
 * may call each of its operations here. The outcome is read from the answer: ALLOW (the
 * operation ran: data, or a user error or failure after authorization), DENY (FORBIDDEN),
 * SIGN_IN (UNAUTHORIZED), HIDDEN (null or NOT_FOUND: the caller may not know it exists).
 * User administration ran against no Keycloak here: an admin's call answers
 * KEYCLOAK_UNAVAILABLE, which counts as ALLOW (authorization passed).
 */
class AuthorizationMatrixIntegrationTest extends ApiIntegrationTest {

	enum Outcome {

		ALLOW("✅"), DENY("⛔"), SIGN_IN("🔑"), HIDDEN("🙈");

		final String symbol;

		Outcome(String symbol) {
			this.symbol = symbol;
		}

	}

	/** The callers, in the matrix's column order. */
	enum Caller {

		ANONYMOUS("ẩn danh / anonymous"), ADMIN("admin"), OFFICIAL_IN("official, in scope"),
		OFFICIAL_OUT("official, out of scope"), CLERK_IN("clerk, in scope"), CLERK_OUT("clerk, out of scope"),
		RESIDENT("resident"), PARTNER("partner");

		final String label;

		Caller(String label) {
			this.label = label;
		}

	}

	private static final Path MATRIX = Path.of("../docs/access-matrix.md");

	// The targets: Phường Trúc Bạch (00004), in Quận Ba Đình (001), Hà Nội (01). In
	// scope: the official of Hà Nội, the clerk of Trúc Bạch. Out of scope: the official
	// of
	// Hồ Chí Minh City (79), the clerk of Phường Phúc Xá (00001).
	static final Map<Caller, Supplier<String>> TOKENS = Map.of(Caller.ADMIN,
			() -> issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"), Caller.OFFICIAL_IN,
			() -> ScopedRolesIntegrationTest.token("canbo", "official", List.of("01")), Caller.OFFICIAL_OUT,
			() -> ScopedRolesIntegrationTest.token("canbo79", "official", List.of("79")), Caller.CLERK_IN,
			() -> ScopedRolesIntegrationTest.token("thuky", "clerk", List.of("00004")), Caller.CLERK_OUT,
			() -> ScopedRolesIntegrationTest.token("thuky1", "clerk", List.of("00001")), Caller.RESIDENT,
			() -> issuer.token((claims) -> claims.claim("preferred_username", "cudan")
				.claim("realm_access", Map.of("roles", List.of("resident")))
				.claim("azp", LocalIssuer.RESIDENT_APP)
				.claim(LocalIssuer.GRANTS_CLAIM, LocalIssuer.RESIDENT_ANSWERS)
				.claim("ydan_household", "ho-00004-0001")),
			Caller.PARTNER,
			() -> issuer.token((claims) -> claims.claim("preferred_username", "service-account-p")
				.claim("azp", "ydan-demo-partner")
				.claim("realm_access", Map.of("roles", List.of("partner")))));

	private static final String A = "A", D = "D", S = "S", H = "H";

	/**
	 * Every operation: the document to send (with {@code $draft}, {@code $commune},
	 * {@code $district} variables), who may call it (anonymous, admin, official in, out,
	 * clerk in, out, resident, partner) and the rule in words.
	 */
	private static final Map<String, Expectation> EXPECTED = expectations();

	private static Map<String, Expectation> expectations() {
		Map<String, Expectation> e = new LinkedHashMap<>();
		String v = "expectedVersion: -1";
		// Query
		e.put("Query.me", x("{ me { username } }", "S A A A A A A A", "signed in"));
		e.put("Query.systemStatus", x("{ systemStatus { version } }", "S A D D D D D D", "admin"));
		e.put("Query.node", x("query($commune: ID!) { node(id: $commune) { id } }", "A A A A A A A A", "public"));
		e.put("Query.unit", x("query($commune: ID!) { unit(id: $commune) { id } }", "A A A A A A A A", "public"));
		e.put("Query.unitByCode", x("{ unitByCode(code: \"00004\") { id } }", "A A A A A A A A", "public"));
		e.put("Query.units", x("{ units(first: 1) { totalCount } }", "A A A A A A A A", "public"));
		e.put("Query.convertAddress", x("{ convertAddress(text: \"P. Trúc Bạch, Q. Ba Đình, HN\") { status } }",
				"A A A A A A A A", "public"));
		e.put("Query.unitsAsOf",
				x("{ unitsAsOf(codes: [\"00004\"], from: \"2025-06-30\", to: \"2025-07-01\") { code } }",
						"A A A A A A A A", "public"));
		e.put("Query.registryChanges",
				x("{ registryChanges(first: 1) { edges { cursor } } }", "A A A A A A A A", "public"));
		e.put("Query.plans", x("{ plans { id } }", "A A A A A A A A",
				"public; drafts listed only to admins and officials whose scope covers the plan"));
		e.put("Query.plan", x("query($draft: ID!) { plan(id: $draft) { id } }", "H A A H H H H H",
				"published plans: public; a draft: admin, official whose scope covers the plan"));
		e.put("Query.reformCoverage",
				x("{ reformCoverage(effectiveDate: \"2025-07-01\") { provinceCount } }", "S A A A D D D D",
						"admin, official (`Roles.IS_PLANNER`); the plans counted are those the caller may see"));
		e.put("Query.users", x("{ users(first: 1) { totalCount } }", "S A D D D D D D", "admin"));
		e.put("Query.user",
				x("{ user(id: \"00000000-0000-0000-0000-000000000000\") { id } }", "S A D D D D D D", "admin"));
		e.put("Query.partnerApps", x("{ partnerApps { id } }", "S A D D D D D D", "admin"));
		e.put("Query.consultations", x("{ consultations { id } }", "A A A A A A A A", "public"));
		e.put("Query.consultation", x("{ consultation(id: \"00000000-0000-0000-0000-000000000000\") { id } }",
				"H H H H H H H H", "public (an unknown id: null for everyone)"));
		e.put("Query.myHousehold", x("{ myHousehold { householdId } }", "S D D D D D A D",
				"resident (`Roles.IS_RESIDENT`), their own household only (the token's `ydan_household`)"));
		String auditRule = "admin (`Roles.IS_ADMIN`)";
		e.put("Query.auditEntries", x("{ auditEntries(first: 1) { edges { cursor } } }", "S A D D D D D D", auditRule));
		e.put("Query.auditEntriesCsv", x("{ auditEntriesCsv(limit: 1) }", "S A D D D D D D", auditRule));
		e.put("Query.verifyAuditLog", x("{ verifyAuditLog { verified } }", "S A D D D D D D", auditRule));
		e.put("Query.auditHead", x("{ auditHead { seq } }", "S A D D D D D D", auditRule));
		e.put("Query.auditKinds", x("{ auditKinds }", "S A D D D D D D", auditRule));
		// Mutation: units
		e.put("Mutation.importUnits", x(
				"mutation { importUnits(input: { kind: PROVINCES, csv: \"code,name,full_name,type\\n\", dryRun: true }) { rows } }",
				"S A D D D D D D", "admin"));
		e.put("Mutation.updateUnit",
				x("mutation($commune: ID!) { updateUnit(input: { id: $commune, " + v + " }) { userErrors { code } } }",
						"S A A D D D D D", "admin; official whose scope covers the unit (`Roles.MAY_EDIT_UNIT`)"));
		e.put("Mutation.addResidentialGroup", x(
				"mutation($commune: ID!) { addResidentialGroup(input: { communeId: $commune, name: \"Thử\", type: XA, households: 1 }) { userErrors { code } } }",
				"S A A D A D D D",
				"admin; official whose scope covers the commune; clerk assigned the commune (`Roles.MAY_ACT_FOR_COMMUNE`)"));
		e.put("Mutation.importResidentialGroups", x(
				"mutation { importResidentialGroups(input: { csv: \"commune_code,code,name,type,households\\n\", dryRun: true }) { rows } }",
				"S A A A A A D D",
				"admin, official, clerk (`Roles.IS_TALLIER`); each row only for a commune the caller acts for (`OUT_OF_SCOPE` row error otherwise)"));
		// Community teams
		e.put("Query.communityTeamStats",
				x("query($commune: ID!) { communityTeamStats(unitId: $commune) { groups members } }", "A A A A A A A A",
						"public (counts only; members are in `Unit.communityTeams`, not public)"));
		e.put("Mutation.saveCommunityTeam", x(
				"mutation($commune: ID!) { saveCommunityTeam(input: { groupId: $commune, kind: SECURITY_AND_ORDER, established: false, members: [] }) { userErrors { code } } }",
				"S H H D H D D D",
				"admin; official whose scope covers the group's commune; clerk assigned the commune (`Roles.MAY_ACT_FOR_COMMUNE`); a unit that is no residential group: NOT_FOUND"));
		e.put("Mutation.removeCommunityTeam", x(
				"mutation { removeCommunityTeam(id: \"00000000-0000-0000-0000-000000000000\", expectedVersion: 1) { userErrors { code } } }",
				"S H H H H H D D",
				"as `saveCommunityTeam` for a team (`Roles.MAY_ACT_FOR_COMMUNE` on its group); an unknown id: NOT_FOUND to admins, officials and clerks"));
		String groupChangeRule = "admin; official whose scope covers the groups (`Roles.IS_PLANNER` + `UnitScope.mayEdit` on each group); a unit that is no residential group: NOT_FOUND";
		e.put("Mutation.mergeResidentialGroups", x(
				"mutation($commune: ID!) { mergeResidentialGroups(input: { groupIds: [$commune], effectiveDate: \"2025-07-01\", legalBasis: \"Ma trận\" }) { userErrors { code } } }",
				"S H H D D D D D", groupChangeRule));
		e.put("Mutation.splitResidentialGroup", x(
				"mutation($commune: ID!) { splitResidentialGroup(input: { groupId: $commune, parts: [], effectiveDate: \"2025-07-01\", legalBasis: \"Ma trận\" }) { userErrors { code } } }",
				"S H H D D D D D", groupChangeRule));
		// Mutation: plans
		String planRule = "admin; official whose scope covers the plan (`Roles.IS_PLANNER` + `PlanAccess`); a draft out of scope is not found";
		String planned = "S A A H D D D D";
		e.put("Mutation.createPlan", x(
				"mutation($district: ID!) { createPlan(input: { title: \"Ma trận\", scopeIds: [$district] }) { userErrors { code } } }",
				"S A A D D D D D", "admin; official whose scope covers the plan's scope"));
		e.put("Mutation.updatePlan", x("mutation($draft: ID!) { updatePlan(input: { planId: $draft, " + v
				+ ", title: \"x\" }) { userErrors { code } } }", planned, planRule));
		e.put("Mutation.importPlan", x("mutation($draft: ID!) { importPlan(input: { planId: $draft, " + v
				+ ", csv: \"\", dryRun: true }) { userErrors { code } } }", planned, planRule));
		e.put("Mutation.saveProposedUnit", x("mutation($draft: ID!) { saveProposedUnit(input: { planId: $draft, " + v
				+ ", name: \"x\", type: PHUONG }) { userErrors { code } } }", planned, planRule));
		e.put("Mutation.removeProposedUnit", x("mutation($draft: ID!) { removeProposedUnit(planId: $draft, " + v
				+ ", key: \"k\") { userErrors { code } } }", planned, planRule));
		e.put("Mutation.assignUnit",
				x("mutation($draft: ID!, $commune: ID!) { assignUnit(input: { planId: $draft, " + v
						+ ", key: \"k\", unitId: $commune, kind: WHOLE }) { userErrors { code } } }", planned,
						planRule));
		e.put("Mutation.unassignUnit", x("mutation($draft: ID!, $commune: ID!) { unassignUnit(planId: $draft, " + v
				+ ", key: \"k\", unitId: $commune) { userErrors { code } } }", planned, planRule));
		e.put("Mutation.placeResidentialGroup",
				x("mutation($draft: ID!, $commune: ID!) { placeResidentialGroup(planId: $draft, " + v
						+ ", groupId: $commune, key: \"k\") { userErrors { code } } }", planned, planRule));
		String mergerRule = "admin; official whose scope covers the plan and each group (`Roles.IS_PLANNER` + `PlanAccess` + `UnitScope.mayEdit` on each group); a draft out of scope is not found";
		e.put("Mutation.saveGroupMerger",
				x("mutation($draft: ID!) { saveGroupMerger(input: { planId: $draft, " + v
						+ ", groupIds: [], name: \"x\", type: TO_DAN_PHO }) { userErrors { code } } }", planned,
						mergerRule));
		e.put("Mutation.removeGroupMerger", x("mutation($draft: ID!) { removeGroupMerger(planId: $draft, " + v
				+ ", key: \"k\") { userErrors { code } } }", planned, mergerRule));
		e.put("Mutation.changePlanStatus", x("mutation($draft: ID!) { changePlanStatus(planId: $draft, " + v
				+ ", status: PUBLISHED) { userErrors { code } } }", planned, planRule));
		e.put("Mutation.adoptPlan", x("mutation($draft: ID!) { adoptPlan(input: { planId: $draft, " + v
				+ ", number: \"1/NQ\", date: \"2025-06-01\" }) { userErrors { code } } }", planned, planRule));
		e.put("Mutation.replanRejectedUnits", x("mutation($draft: ID!) { replanRejectedUnits(input: { planId: $draft, "
				+ v + ", keys: [\"k\"], reason: \"r\" }) { userErrors { code } } }", planned, planRule));
		e.put("Mutation.applyPlan",
				x("mutation($draft: ID!) { applyPlan(planId: $draft) { userErrors { code } } }", planned, planRule));
		// Mutation: consultations, on a consultation that does not exist: the role gate
		// (who is refused before anything is looked up). The commune scope of tallies and
		// consultations is checked once the consultation is found:
		// ConsultationIntegrationTest
		// covers clerks and officials in and out of scope.
		String missing = "\"00000000-0000-0000-0000-000000000000\"";
		String consultationRule = "admin; official whose scope covers the consultation's units (`Roles.IS_PLANNER`); an unknown consultation is not found";
		e.put("Mutation.createConsultation", x("mutation($draft: ID!) { createConsultation(input: { planId: $draft, "
				+ "title: \"x\", opensAt: \"2030-01-01T00:00:00Z\", closesAt: \"2030-01-02T00:00:00Z\" }) { userErrors { code } } }",
				"S A A D D D D D", "admin; official whose scope covers the plan (`Roles.IS_PLANNER` + scope)"));
		e.put("Mutation.openConsultation",
				x("mutation { openConsultation(id: " + missing + ") { userErrors { code } } }", "S H H H D D D D",
						consultationRule));
		e.put("Mutation.closeConsultation",
				x("mutation { closeConsultation(id: " + missing + ") { userErrors { code } } }", "S H H H D D D D",
						consultationRule));
		e.put("Mutation.importHouseholds", x(
				"mutation { importHouseholds(input: { csv: \"commune_code,group_code,group_name,household_id\\n\" }) { rows } }",
				"S A A A D D D D", "admin and officials (`Roles.IS_PLANNER`)"));
		e.put("Mutation.answerConsultation", x(
				"mutation { answerConsultation(input: { consultationId: " + missing
						+ ", agree: true, idempotencyKey: \"matrix\" }) { userErrors { code } } }",
				"S D D D D D H D",
				"resident, through the console or an app granted resident answers, for the household bound to their token (`Roles.MAY_ANSWER_FOR_HOUSEHOLD`)"));
		e.put("Mutation.enterTally", x("mutation($commune: ID!) { enterTally(input: { consultationId: " + missing
				+ ", groupId: $commune, counts: { issued: 1, returned: 9, valid: 0, invalid: 0, agree: 0, disagree: 0 } }) "
				+ "{ userErrors { code } } }", "S H H H H H D D",
				"admin; official whose scope covers the commune; clerk assigned the commune (`Roles.IS_TALLIER`, then `UnitScope.mayActForCommune` = `Roles.MAY_ACT_FOR_COMMUNE`)"));
		e.put("Mutation.settleTally", x("mutation($commune: ID!) { settleTally(input: { consultationId: " + missing
				+ ", groupId: $commune, reason: \"r\", counts: { issued: 1, returned: 1, valid: 1, invalid: 0, agree: 1, disagree: 0 } }) "
				+ "{ userErrors { code } } }", "S H H H D D D D",
				"admin; official whose scope covers the commune (`Roles.IS_PLANNER`, then `UnitScope.mayEdit`); an unknown consultation is not found"));
		e.put("Mutation.reopenCertification",
				x("mutation($commune: ID!) { reopenCertification(consultationId: " + missing
						+ ", unitId: $commune, reason: \"r\") { userErrors { code } } }", "S H H D D D D D",
						"admin; official whose scope covers the unit (checked before the consultation is looked up)"));
		e.put("Mutation.certifyResults",
				x("mutation($commune: ID!) { certifyResults(consultationId: " + missing
						+ ", unitId: $commune) { userErrors { code } } }", "S H H D D D D D",
						"admin; official whose scope covers the unit (checked before the consultation is looked up)"));
		e.put("Mutation.publishResults",
				x("mutation { publishResults(consultationId: " + missing + ") { userErrors { code } } }",
						"S H H H D D D D", consultationRule));
		// Mutation: access
		String userAdmin = "admin (`Roles.IS_ADMIN`); changes go to Keycloak";
		String someone = "\"00000000-0000-0000-0000-000000000000\"";
		e.put("Mutation.createUser",
				x("mutation { createUser(input: { username: \"matran\" }) { userErrors { code } } }", "S A D D D D D D",
						userAdmin));
		e.put("Mutation.setUserEnabled", x("mutation { setUserEnabled(input: { userId: " + someone
				+ ", enabled: true }) { userErrors { code } } }", "S A D D D D D D", userAdmin));
		e.put("Mutation.setTemporaryPassword", x("mutation { setTemporaryPassword(input: { userId: " + someone
				+ ", password: \"mat-khau-tam-1\" }) { userErrors { code } } }", "S A D D D D D D", userAdmin));
		e.put("Mutation.setUserRoles", x(
				"mutation { setUserRoles(input: { userId: " + someone + ", roles: [CLERK] }) { userErrors { code } } }",
				"S A D D D D D D", userAdmin));
		e.put("Mutation.setUserScope",
				x("mutation { setUserScope(input: { userId: " + someone + ", unitIds: [] }) { userErrors { code } } }",
						"S A D D D D D D", userAdmin));
		e.put("Mutation.setUserHousehold", x("mutation { setUserHousehold(input: { userId: " + someone
				+ ", household: \"ho-1\" }) { userErrors { code } } }", "S A D D D D D D", userAdmin));
		e.put("Mutation.registerPartnerApp",
				x("mutation { registerPartnerApp(input: { name: \"Ma trận\" }) { userErrors { code } } }",
						"S A D D D D D D", userAdmin));
		e.put("Mutation.rotatePartnerAppSecret",
				x("mutation { rotatePartnerAppSecret(input: { id: " + someone + " }) { userErrors { code } } }",
						"S A D D D D D D", userAdmin));
		e.put("Mutation.setPartnerAppEnabled", x("mutation { setPartnerAppEnabled(input: { id: " + someone
				+ ", enabled: false }) { userErrors { code } } }", "S A D D D D D D", userAdmin));
		// Subscription: over graphql-ws (a real client), with the token in
		// connection_init.
		// $id is the target named after the document.
		e.put("Subscription.consultationProgress", subscription(
				"subscription($id: ID!) { consultationProgress(id: $id) { published } }", "missing", "H H H H H H H H",
				"as `Consultation.results`: public once published; before, admin and officials and clerks in scope (see the field rules); an unknown id: NOT_FOUND for everyone"));
		e.put("Subscription.planApplyProgress",
				subscription("subscription($id: ID!) { planApplyProgress(planId: $id) { state } }", "draft",
						"H A A H H H H H", "those who may see the plan (`PlanAccess`); NOT_FOUND otherwise"));
		e.put("Subscription.registryChanged",
				subscription("subscription($id: String) { registryChanged(after: $id) { kind } }", "feedStart",
						"A A A A A A A A", "public"));
		return e;
	}

	@Autowired
	private GraphQlSource graphQl;

	@Autowired
	private vn.ydan.api.units.RegistryChanges changes;

	/** The feed's cursor before its first change (base64url of {@code rc|0}). */
	private static final String FEED_START = "cmN8MA";

	@LocalServerPort
	private int port;

	@Test
	void everyOperationAnswersEachCallerAsExpected() throws IOException {
		List<String> operations = operationsOfTheSchema();
		List<String> undeclared = operations.stream().filter((name) -> !EXPECTED.containsKey(name)).toList();
		if (!undeclared.isEmpty()) {
			fail("""
					No authorization expectation for %s. Add each to AuthorizationMatrixIntegrationTest.expectations(): \
					a document that reaches the operation's authorization check, who may call it (A allow, D FORBIDDEN, \
					S UNAUTHORIZED, H hidden) as anonymous, admin, official in / out of scope, clerk in / out of scope, \
					resident, partner, and the rule in words.""",
					undeclared);
		}
		assertThat(EXPECTED.keySet()).as("expectations for operations the schema no longer has").isSubsetOf(operations);

		Map<String, String> variables = targets();
		Map<String, Map<Caller, Outcome>> actual = new LinkedHashMap<>();
		List<String> mismatches = new ArrayList<>();
		for (String operation : operations) {
			Expectation expectation = EXPECTED.get(operation);
			Map<Caller, Outcome> row = new LinkedHashMap<>();
			for (Caller caller : Caller.values()) {
				String token = (caller == Caller.ANONYMOUS) ? null : TOKENS.get(caller).get();
				Outcome outcome = (expectation.subscriptionTarget() != null)
						? subscribed(expectation, variables.get(expectation.subscriptionTarget()), token)
						: outcome(operation.substring(operation.indexOf('.') + 1),
								this.api.query(expectation.document(), used(expectation.document(), variables), token));
				row.put(caller, outcome);
				if (outcome != expectation.outcomes().get(caller)) {
					mismatches.add("%s as %s: expected %s, got %s".formatted(operation, caller,
							expectation.outcomes().get(caller), outcome));
				}
			}
			actual.put(operation, row);
		}
		write(actual);
		assertThat(mismatches).as("operations answering otherwise than expected").isEmpty();
	}

	private List<String> operationsOfTheSchema() {
		TreeSet<String> names = new TreeSet<>();
		for (GraphQLObjectType type : List.of(this.graphQl.schema().getQueryType(),
				this.graphQl.schema().getMutationType(), this.graphQl.schema().getSubscriptionType())) {
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				names.add(type.getName() + "." + field.getName());
			}
		}
		// Queries first, then mutations, each in the order of the expectations (by
		// feature).
		List<String> ordered = new ArrayList<>(EXPECTED.keySet().stream().filter(names::contains).toList());
		names.stream().filter((name) -> !ordered.contains(name)).forEach(ordered::add);
		return ordered;
	}

	/** The draft plan (created once by the admin) and the units the operations act on. */
	private Map<String, String> targets() {
		String admin = TOKENS.get(Caller.ADMIN).get();
		String commune = this.api.query("{ unitByCode(code: \"00004\", level: COMMUNE) { id } }", null)
			.read("$.data.unitByCode.id");
		String district = this.api.query("{ unitByCode(code: \"001\", level: DISTRICT) { id } }", null)
			.read("$.data.unitByCode.id");
		Response created = this.api.query(
				"mutation($d: ID!) { createPlan(input: { title: \"Dự thảo cho ma trận quyền\", scopeIds: [$d] }) { plan { id } userErrors { message } } }",
				Map.of("d", district), admin);
		String draft = created.read("$.data.createPlan.plan.id");
		assertThat(draft).as(created.toString()).isNotNull();
		// A change in the public feed, for registryChanged to replay from the start.
		this.changes.resultsPublished("access-matrix", "access-matrix", "Access matrix");
		return Map.of("commune", commune, "district", district, "draft", draft, "missing",
				"00000000-0000-0000-0000-000000000000", "feedStart", FEED_START);
	}

	/**
	 * The first answer of a graphql-ws subscription: an error result or a refusal by its
	 * code, a closed socket by its close code (4401 sign in, 4403 refused), data:
	 * allowed.
	 */
	private Outcome subscribed(Expectation expectation, String id, @Nullable String token) {
		try (GraphQlWsClient client = GraphQlWsClient.subscribe("ws://127.0.0.1:" + this.port + "/graphql",
				expectation.document(), id, token)) {
			JsonNode event = client
				.await((json) -> List.of("next", "error", "closed", "complete").contains(json.path("event").asString()),
						Duration.ofSeconds(20))
				.json();
			JsonNode errors = "next".equals(event.path("event").asString()) ? event.path("payload").path("errors")
					: event.path("errors");
			if (errors.isArray() && !errors.isEmpty()) {
				return switch (errors.get(0).path("extensions").path("code").asString()) {
					case "UNAUTHORIZED" -> Outcome.SIGN_IN;
					case "FORBIDDEN" -> Outcome.DENY;
					case "NOT_FOUND" -> Outcome.HIDDEN;
					default ->
						throw new AssertionError("Unexpected refusal of " + expectation.document() + ": " + event);
				};
			}
			return switch (event.path("event").asString()) {
				case "next" -> event.path("payload").path("data").isNull() ? Outcome.HIDDEN : Outcome.ALLOW;
				case "closed" -> switch (event.path("code").asInt()) {
					case 4401 -> Outcome.SIGN_IN;
					case 4403 -> Outcome.DENY;
					default -> throw new AssertionError("Socket closed: " + event);
				};
				default -> throw new AssertionError("Stream ended without an answer: " + event);
			};
		}
	}

	private static Map<String, String> used(String document, Map<String, String> variables) {
		Map<String, String> used = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (document.contains("$" + name)) {
				used.put(name, value);
			}
		});
		return used;
	}

	private static Outcome outcome(String field, Response response) {
		List<Map<String, Object>> errors = response.read("$.errors");
		if (errors != null) {
			for (Map<String, Object> error : errors) {
				if (!(error.get("path") instanceof List<?> path) || path.isEmpty() || !field.equals(path.get(0))) {
					continue;
				}
				Object code = (error.get("extensions") instanceof Map<?, ?> extensions) ? extensions.get("code") : null;
				if ("UNAUTHORIZED".equals(code)) {
					return Outcome.SIGN_IN;
				}
				if ("FORBIDDEN".equals(code)) {
					return Outcome.DENY;
				}
				return Outcome.ALLOW;
			}
			if (response.read("$.data") == null) {
				throw new AssertionError("The request did not run: " + response);
			}
		}
		Object data = response.read("$.data." + field);
		if (data == null) {
			return Outcome.HIDDEN;
		}
		List<String> codes = response.read("$.data." + field + ".userErrors[*].code");
		if (codes != null && codes.contains("NOT_FOUND")) {
			return Outcome.HIDDEN;
		}
		return Outcome.ALLOW;
	}

	private static void write(Map<String, Map<Caller, Outcome>> actual) throws IOException {
		StringBuilder md = new StringBuilder();
		md.append("""
				# Who may do what (authorization matrix)

				Generated by `api/src/test/java/vn/ydan/api/access/AuthorizationMatrixIntegrationTest.java` from
				what the api actually answered, over HTTP, to each kind of caller — do not edit by hand. A new
				operation without an expectation there fails the build.

				✅ allowed (the operation ran) · ⛔ refused (`FORBIDDEN`) · 🔑 sign in first (`UNAUTHORIZED`) ·
				🙈 hidden (null or `NOT_FOUND`: the caller may not know it exists)

				In / out of scope: the official of Hà Nội (scope `01`) / of Hồ Chí Minh City (`79`); the clerk of
				Phường Trúc Bạch (`00004`) / of Phường Phúc Xá (`00001`). The operations act on Phường Trúc Bạch
				(Quận Ba Đình, Hà Nội) and on a draft plan for Quận Ba Đình. Scopes come from the token
				(`ydan_scope`), set by admins in Keycloak (see `docs/decisions/0008-scoped-roles.md`). Subscriptions
				are probed over graphql-ws; the fields whose answer depends on the caller (unpublished results,
				tallies, the household register) are in [access-matrix-fields.md](access-matrix-fields.md).

				""");
		md.append("| operation |");
		for (Caller caller : Caller.values()) {
			md.append(' ').append(caller.label).append(" |");
		}
		md.append(" rule |\n|---|");
		md.append("---|".repeat(Caller.values().length)).append("---|\n");
		actual.forEach((operation, row) -> {
			md.append("| `").append(operation).append("` |");
			row.values().forEach((outcome) -> md.append(' ').append(outcome.symbol).append(" |"));
			md.append(' ').append(EXPECTED.get(operation).rule()).append(" |\n");
		});
		Files.writeString(MATRIX, md.toString(), StandardCharsets.UTF_8);
	}

	private static Expectation x(String document, String outcomes, String rule) {
		return new Expectation(document, outcomes(outcomes), rule, null);
	}

	private static Expectation subscription(String document, String target, String outcomes, String rule) {
		return new Expectation(document, outcomes(outcomes), rule, target);
	}

	private static Map<Caller, Outcome> outcomes(String outcomes) {
		String[] cells = outcomes.split(" ");
		if (cells.length != Caller.values().length) {
			throw new IllegalArgumentException("One outcome per caller: " + outcomes);
		}
		Map<Caller, Outcome> byCaller = new LinkedHashMap<>();
		for (int i = 0; i < cells.length; i++) {
			byCaller.put(Caller.values()[i], switch (cells[i]) {
				case A -> Outcome.ALLOW;
				case D -> Outcome.DENY;
				case S -> Outcome.SIGN_IN;
				case H -> Outcome.HIDDEN;
				default -> throw new IllegalArgumentException(cells[i]);
			});
		}
		return byCaller;
	}

	/**
	 * @param subscriptionTarget for a subscription: the target passed as its {@code $id};
	 * null for a query or mutation (sent over HTTP)
	 */
	record Expectation(String document, Map<Caller, Outcome> outcomes, String rule,
			@Nullable String subscriptionTarget) {
	}

}

package vn.ydan.api.consultations;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.protocol.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open consultation made over HTTP as officials make one: a published plan merging the
 * given communes of Quận Ba Đình (district 001) into one ward, two residential groups per
 * commune with {@code households} households each, the register imported, the
 * consultation created and opened. Then answers, tallies, certification and publication
 * on demand.
 */
final class ConsultationFixture {

	static final LocalIssuer issuer = LocalIssuer.shared();

	// Tokens are made when used: they expire after 5 minutes.

	static String admin() {
		return issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");
	}

	static String official() {
		return scoped("canbo", "official", "001");
	}

	/**
	 * Clerks act on the communes assigned to them, by name: here every ward of Ba Đình.
	 */
	static String clerk() {
		return scoped("thuky", "clerk",
				"00001 00004 00006 00007 00008 00013 00016 00019 00022 00025 00028 00031 00034");
	}

	private final GraphQlHttp api;

	final String consultationId;

	final String planId;

	/** "commune code-group code" → global id of the group. */
	final Map<String, String> groups = new LinkedHashMap<>();

	private final List<String> communes;

	private final int households;

	ConsultationFixture(GraphQlHttp api, String newCode, String newName, int households, String... communes) {
		this(api, true, -1, newCode, newName, "Số 1 Quán Thánh", households, communes);
	}

	/** Open, the plan writing the seat as given (with alternatives: a seat question). */
	static ConsultationFixture withSeat(GraphQlHttp api, String newCode, String newName, String seat, int households,
			String... communes) {
		return new ConsultationFixture(api, true, -1, newCode, newName, seat, households, communes);
	}

	/** The same, created but not opened: the consultation is scheduled. */
	static ConsultationFixture scheduled(GraphQlHttp api, String newCode, String newName, int households,
			String... communes) {
		return new ConsultationFixture(api, false, -1, newCode, newName, "Số 1 Quán Thánh", households, communes);
	}

	/** Created, opening in an hour: the consultation is scheduled and cannot open yet. */
	static ConsultationFixture scheduledLater(GraphQlHttp api, String newCode, String newName, int households,
			String... communes) {
		return new ConsultationFixture(api, false, 1, newCode, newName, "Số 1 Quán Thánh", households, communes);
	}

	private ConsultationFixture(GraphQlHttp api, boolean open, int opensIn, String newCode, String newName, String seat,
			int households, String... communes) {
		this.api = api;
		this.communes = List.of(communes);
		this.households = households;
		this.planId = publishedPlan(newCode, newName, seat);
		registerHouseholds();
		GraphQlHttp.Response created = api.query("""
				mutation($plan: ID!, $title: String!, $opens: String!, $closes: String!) { createConsultation(input: {
				  planId: $plan, title: $title, opensAt: $opens, closesAt: $closes }) {
				  consultation { id } userErrors { code message } } }""", Map.of("plan", this.planId, "title",
				"Lấy ý kiến cử tri về " + newName, "opens", at(opensIn), "closes", at(3)), official());
		this.consultationId = created.read("$.data.createConsultation.consultation.id");
		assertThat(this.consultationId).as(created.body()).isNotNull();
		if (open) {
			open();
		}
	}

	void open() {
		GraphQlHttp.Response opened = this.api.query(
				"mutation($id: ID!) { openConsultation(id: $id) { consultation { status } userErrors { code } } }",
				Map.of("id", this.consultationId), official());
		assertThat(opened.<String>read("$.data.openConsultation.consultation.status")).as(opened.body())
			.isEqualTo("OPEN");
	}

	/** Household {@code number} (1…) of group {@code group} (1 or 2) of a commune. */
	static String household(String commune, int group, int number) {
		return "H-" + commune + "-" + group + "-" + number;
	}

	GraphQlHttp.Response answer(String household, boolean agree) {
		GraphQlHttp.Response answered = this.api
			.query("""
					mutation($id: ID!, $key: String!, $agree: Boolean!) { answerConsultation(input: {
					  consultationId: $id, agree: $agree, idempotencyKey: $key }) { answer { at } userErrors { code } } }""",
					Map.of("id", this.consultationId, "key", "k-" + household, "agree", agree), resident(household));
		assertThat(answered.<String>read("$.data.answerConsultation.answer.at")).as(answered.body()).isNotNull();
		return answered;
	}

	void close() {
		GraphQlHttp.Response closed = this.api.query(
				"mutation($id: ID!) { closeConsultation(id: $id, reason: \"Đủ số liệu\") { consultation { status } userErrors { code } } }",
				Map.of("id", this.consultationId), official());
		assertThat(closed.<String>read("$.data.closeConsultation.consultation.status")).as(closed.body())
			.isEqualTo("CLOSED");
	}

	/** Enters a group's paper counts twice (two people), so that they are verified. */
	void tally(String commune, int group, int issued, int returned, int invalid, int agree, int disagree) {
		Map<String, Object> counts = Map.of("issued", issued, "returned", returned, "valid", returned - invalid,
				"invalid", invalid, "agree", agree, "disagree", disagree);
		for (String token : List.of(clerk(), admin())) {
			GraphQlHttp.Response entered = this.api
				.query("""
						mutation($id: ID!, $group: ID!, $counts: PaperCountsInput!) { enterTally(input: {
						  consultationId: $id, groupId: $group, counts: $counts }) { tally { state } userErrors { code message } } }""",
						Map.of("id", this.consultationId, "group", this.groups.get(commune + "-" + group), "counts",
								counts),
						token);
			assertThat(entered.<Object>read("$.data.enterTally.tally")).as(entered.body()).isNotNull();
		}
	}

	void certify(String code, String level) {
		GraphQlHttp.Response certified = this.api.query("""
				mutation($id: ID!, $unit: ID!) { certifyResults(consultationId: $id, unitId: $unit) {
				  consultation { status } userErrors { code message } } }""",
				Map.of("id", this.consultationId, "unit", unitId(code, level)), admin());
		assertThat(certified.<List<?>>read("$.data.certifyResults.userErrors")).as(certified.body()).isEmpty();
	}

	/** Certifies every commune, the district, the province, and publishes. */
	void certifyAndPublish() {
		for (String commune : this.communes) {
			certify(commune, "COMMUNE");
		}
		certify("001", "DISTRICT");
		certify("01", "PROVINCE");
		GraphQlHttp.Response published = this.api.query(
				"mutation($id: ID!) { publishResults(consultationId: $id) { consultation { status } userErrors { code } } }",
				Map.of("id", this.consultationId), official());
		assertThat(published.<String>read("$.data.publishResults.consultation.status")).as(published.body())
			.isEqualTo("PUBLISHED");
	}

	String unitId(String code, String level) {
		GraphQlHttp.Response response = this.api
			.query("{ unitByCode(code: \"%s\", level: %s, asOf: \"2025-04-18\") { id } }".formatted(code, level), null);
		return response.read("$.data.unitByCode.id");
	}

	private String publishedPlan(String newCode, String newName, String seat) {
		GraphQlHttp.Response plan = this.api.query("""
				mutation($scope: ID!, $title: String!) { createPlan(input: { title: $title, scopeIds: [$scope],
				  effectiveDate: "2025-07-01" }) { plan { id } } }""",
				Map.of("scope", unitId("001", "DISTRICT"), "title", "Thành lập phường " + newName), official());
		String id = plan.read("$.data.createPlan.plan.id");
		assertThat(id).as(plan.body()).isNotNull();
		GraphQlHttp.Response proposed = this.api
			.query("""
					mutation($id: ID!, $code: String!, $name: String!, $seat: String!) { saveProposedUnit(input: {
					  planId: $id, code: $code, name: $name, type: PHUONG, seat: $seat }) { plan { id } userErrors { message } } }""",
					Map.of("id", id, "code", newCode, "name", newName, "seat", seat), official());
		assertThat(proposed.<String>read("$.data.saveProposedUnit.plan.id")).as(proposed.body()).isEqualTo(id);
		for (String code : this.communes) {
			GraphQlHttp.Response assigned = this.api.query("""
					mutation($id: ID!, $key: String!, $unit: ID!) { assignUnit(input: { planId: $id, key: $key,
					  unitId: $unit, kind: WHOLE }) { plan { id } userErrors { code message } } }""",
					Map.of("id", id, "key", newCode, "unit", unitId(code, "COMMUNE")), official());
			assertThat(assigned.<String>read("$.data.assignUnit.plan.id")).as(assigned.body()).isEqualTo(id);
		}
		GraphQlHttp.Response published = this.api
			.query("""
					mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } userErrors { message } } }""",
					Map.of("id", id), official());
		assertThat(published.<String>read("$.data.changePlanStatus.plan.status")).as(published.body())
			.isEqualTo("PUBLISHED");
		return id;
	}

	private void registerHouseholds() {
		StringBuilder groupsCsv = new StringBuilder("commune_code,code,name,type,households\n");
		StringBuilder householdsCsv = new StringBuilder("commune_code,group_code,group_name,household_id\n");
		for (String commune : this.communes) {
			for (int group = 1; group <= 2; group++) {
				groupsCsv.append(commune)
					.append(',')
					.append(group)
					.append(",Tổ dân phố ")
					.append(group)
					.append(",tổ dân phố,")
					.append(this.households)
					.append('\n');
				for (int number = 1; number <= this.households; number++) {
					householdsCsv.append(commune)
						.append(',')
						.append(group)
						.append(",,")
						.append(household(commune, group, number))
						.append('\n');
				}
			}
		}
		GraphQlHttp.Response imported = this.api
			.query("""
					mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created errors { message } } }""",
					Map.of("csv", groupsCsv.toString()), admin());
		assertThat(imported.<Integer>read("$.data.importUnits.created")).as(imported.body())
			.isEqualTo(2 * this.communes.size());
		GraphQlHttp.Response registered = this.api.query("""
				mutation($csv: String!) { importHouseholds(input: { csv: $csv, asOf: "2025-04-18" }) {
				  households errors { line code message } } }""", Map.of("csv", householdsCsv.toString()), official());
		assertThat(registered.<Integer>read("$.data.importHouseholds.households")).as(registered.body())
			.isEqualTo(2 * this.households * this.communes.size());
		for (String commune : this.communes) {
			GraphQlHttp.Response children = this.api.query("""
					query($id: ID!) { unit(id: $id, asOf: "2025-04-18") { children(level: RESIDENTIAL_GROUP) {
					  edges { node { id code } } } } }""", Map.of("id", unitId(commune, "COMMUNE")), null);
			List<Map<String, String>> nodes = children.read("$.data.unit.children.edges[*].node");
			nodes.forEach((node) -> this.groups.put(commune + "-" + node.get("code"), node.get("id")));
		}
	}

	static String resident(String household) {
		return issuer.token((claims) -> claims.subject("cd-" + household)
			.claim("preferred_username", "cudan-" + household)
			.claim("realm_access", Map.of("roles", List.of("resident")))
			.claim("azp", LocalIssuer.RESIDENT_APP)
			.claim(LocalIssuer.GRANTS_CLAIM, LocalIssuer.RESIDENT_ANSWERS)
			.claim("ydan_household", household));
	}

	static String scoped(String username, String role, String scope) {
		return issuer.token((claims) -> claims.subject(username)
			.claim("preferred_username", username)
			.claim("realm_access", Map.of("roles", List.of(role)))
			.claim("ydan_scope", scope));
	}

	private static String at(int hoursFromNow) {
		return OffsetDateTime.now(VietnamTime.ZONE).plusHours(hoursFromNow).withNano(0).toString();
	}

}

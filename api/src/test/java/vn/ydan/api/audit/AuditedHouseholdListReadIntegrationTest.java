package vn.ydan.api.audit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;
import vn.ydan.api.protocol.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a residential group's household list (who answered online: personal data) is in
 * the audit log before the list is returned: who read it, which consultation and units,
 * how many rows, never the households themselves; and filtering the log by the group
 * finds the read whichever form of its id the caller sent, or asks with.
 */
class AuditedHouseholdListReadIntegrationTest extends ApiIntegrationTest {

	private final String official = issuer.token((claims) -> claims.subject("canbo-caugiay")
		.claim("preferred_username", "canbo-caugiay")
		.claim("realm_access", Map.of("roles", List.of("official")))
		.claim("ydan_scope", "005"));

	private final String admin = issuer.tokenFor("quantri-danhsach", "Nguyễn Văn An", "admin");

	@Test
	@SuppressWarnings("unchecked")
	void readingAHouseholdListIsRecordedWithItsRowCountAndFoundByAnyFormOfTheGroupsId() {
		String consultationId = consultationWithThreeHouseholds();
		String group = groupId("00160", "7");
		String padded = group + "=".repeat((4 - group.length() % 4) % 4);
		assertThat(padded).isNotEqualTo(group);

		Response list = this.api
			.query("""
					query($id: ID!, $group: ID!) { consultation(id: $id) { households(groupId: $group) { householdId } } }""",
					Map.of("id", consultationId, "group", padded), this.admin);

		assertThat(list.<List<String>>read("$.data.consultation.households[*].householdId")).as(list.body())
			.containsExactly("CG-1", "CG-2", "CG-3");
		String rawGroupId = new String(Base64.getUrlDecoder().decode(group), StandardCharsets.UTF_8)
			.substring("Unit:".length());
		for (String asked : List.of(group, padded, rawGroupId)) {
			Response entries = this.api.query("""
					query($unit: ID!) { auditEntries(filter: { unitId: $unit, kind: "read:consultationHouseholds" },
					  first: 5) { edges { node { actor unitIds input } } } }""", Map.of("unit", asked), this.admin);
			List<Map<String, Object>> nodes = entries.read("$.data.auditEntries.edges[*].node");
			assertThat(nodes).as(asked + ": " + entries.body()).hasSize(1);
			assertThat(nodes.get(0)).containsEntry("actor", "quantri-danhsach");
			assertThat((List<Object>) nodes.get(0).get("unitIds")).contains(group).doesNotContain(padded);
			assertThat((String) nodes.get(0).get("input")).contains(consultationId)
				.contains("\"rows\": 3")
				.doesNotContain("CG-1");
		}
	}

	private String consultationWithThreeHouseholds() {
		Response plan = this.api.query("""
				mutation($scope: ID!) { createPlan(input: { title: "Cầu Giấy (kiểm toán)", scopeIds: [$scope],
				  effectiveDate: "2025-07-01" }) { plan { id } } }""", Map.of("scope", unitId("005", "DISTRICT")),
				this.official);
		String planId = plan.read("$.data.createPlan.plan.id");
		assertThat(planId).as(plan.body()).isNotNull();
		this.api.query("""
				mutation($id: ID!) { saveProposedUnit(input: { planId: $id, code: "90160", name: "Nghĩa Tân Mới",
				  type: PHUONG }) { plan { id } } }""", Map.of("id", planId), this.official);
		this.api.query("""
				mutation($id: ID!, $unit: ID!) { assignUnit(input: { planId: $id, key: "90160", unitId: $unit,
				  kind: WHOLE }) { plan { id } } }""", Map.of("id", planId, "unit", unitId("00160", "COMMUNE")),
				this.official);
		Response published = this.api.query(
				"mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } } }",
				Map.of("id", planId), this.official);
		assertThat(published.<String>read("$.data.changePlanStatus.plan.status")).as(published.body())
			.isEqualTo("PUBLISHED");
		Response groups = this.api.query("""
				mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created } }""",
				Map.of("csv", "commune_code,code,name,type,households\n00160,7,Tổ dân phố 7,tổ dân phố,3\n"),
				this.admin);
		assertThat(groups.<Integer>read("$.data.importUnits.created")).as(groups.body()).isEqualTo(1);
		Response imported = this.api.query("""
				mutation($csv: String!) { importHouseholds(input: { csv: $csv }) { households errors { message } } }""",
				Map.of("csv",
						"commune_code,group_code,group_name,household_id\n00160,7,,CG-2\n00160,7,,CG-1\n00160,7,,CG-3\n"),
				this.admin);
		assertThat(imported.<List<?>>read("$.data.importHouseholds.errors")).as(imported.body()).isEmpty();
		OffsetDateTime now = OffsetDateTime.now(VietnamTime.ZONE).withNano(0);
		Response created = this.api.query("""
				mutation($plan: ID!, $opens: String!, $closes: String!) { createConsultation(input: { planId: $plan,
				  title: "Danh sách hộ Cầu Giấy", opensAt: $opens, closesAt: $closes }) { consultation { id } } }""",
				Map.of("plan", planId, "opens", now.minusHours(1).toString(), "closes", now.plusHours(2).toString()),
				this.official);
		String consultationId = created.read("$.data.createConsultation.consultation.id");
		assertThat(consultationId).as(created.body()).isNotNull();
		return consultationId;
	}

	private String groupId(String commune, String code) {
		Response children = this.api.query("""
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

}

package vn.ydan.api.plans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
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
 * Plans over HTTP with tokens, on the demo registry (the national registry before 2025):
 * the real Hanoi plan from CSV to applied, the validation rules on small drafts, who may
 * do what, and conflicts. Its own store, since applying the Hanoi plan changes the
 * registry other tests read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlanIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final String PLAN_FIELDS = """
			id version status title effectiveDate proposedUnitCount componentCount
			validation { valid errorCount warningCount issues(first: 50) { rule severity message proposedUnitKey unit { code } }
			  unassignedUnits { code } }
			""";

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	private final String official = issuer.token((claims) -> claims.subject("canbo")
		.claim("preferred_username", "canbo")
		.claim("realm_access", Map.of("roles", List.of("official")))
		.claim("ydan_scope", List.of("001")));

	private final String resident = issuer.tokenFor("cudan", "Phạm Thị Dung", "resident");

	/** Another administrator: the second person an adoption override needs. */
	private final String secondAdmin = issuer.tokenFor("quantri2", "Lê Thị Hà", "admin");

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
	void hanoiPlanGoesFromCsvToAppliedAndTheRegistryAnswersAsTheResolutionSays() throws IOException {
		String hanoi = unitId("01", "PROVINCE", "2025-06-30");
		String planId = createPlan(this.admin, "Phương án sắp xếp đơn vị hành chính cấp xã của thành phố Hà Nội", hanoi,
				"2025-07-01", "[DISTRICT]");

		GraphQlHttp.Response imported = this.api.query("""
				mutation($csv: String!, $id: ID!) { importPlan(input: { planId: $id, csv: $csv, expectedVersion: 1 }) {
				  rows proposedUnits links errors { line message } userErrors { code message } durationMs
				  plan { %s } } }""".formatted(PLAN_FIELDS), Map.of("csv", hanoiPlan(), "id", planId), this.admin);

		assertThat(imported.<List<?>>read("$.data.importPlan.errors")).as(imported.body()).isEmpty();
		assertThat(imported.<Integer>read("$.data.importPlan.rows")).isEqualTo(795);
		assertThat(imported.<Integer>read("$.data.importPlan.proposedUnits")).isEqualTo(126);
		assertThat(imported.<Integer>read("$.data.importPlan.plan.componentCount")).isEqualTo(795);
		assertThat(imported.<Integer>read("$.data.importPlan.plan.version")).isEqualTo(2);
		assertThat(imported.<Integer>read("$.data.importPlan.plan.validation.errorCount")).as(imported.body()).isZero();
		assertThat(imported.<Boolean>read("$.data.importPlan.plan.validation.valid")).isTrue();
		assertThat(imported.<List<?>>read("$.data.importPlan.plan.validation.unassignedUnits")).isEmpty();

		GraphQlHttp.Response diff = this.api.query("""
				query($id: ID!) { plan(id: $id) { diff {
				  before { parentName total } after { parentName total counts { typeName count } }
				  rows { old { code } successors { key } } } } }""", Map.of("id", planId), this.admin);
		assertThat(diff.<List<?>>read("$.data.plan.diff.before")).hasSize(30);
		assertThat(diff.<List<String>>read("$.data.plan.diff.after[*].parentName")).containsExactly("Thành phố Hà Nội");
		assertThat(diff.<List<Integer>>read("$.data.plan.diff.after[0].counts[*].count")).containsExactly(51, 75);
		assertThat(diff.<List<?>>read("$.data.plan.diff.rows")).hasSize(526);

		assertThat(apply(planId).<String>read("$.data.applyPlan.userErrors[0].code"))
			.isEqualTo("STATUS_TRANSITION_INVALID");
		moveTo(planId, 2, "PUBLISHED");
		// Recorded after the fact: the consultation of 2025 was held outside the system.
		GraphQlHttp.Response requested = adopt(planId, "1656/NQ-UBTVQH15", "Đã lấy ý kiến ngoài hệ thống", this.admin);
		assertThat(requested.<String>read("$.data.adoptPlan.plan.status")).as(requested.body()).isEqualTo("PUBLISHED");
		GraphQlHttp.Response adopted = adopt(planId, "1656/NQ-UBTVQH15", "Đã lấy ý kiến ngoài hệ thống",
				this.secondAdmin);
		assertThat(adopted.<String>read("$.data.adoptPlan.plan.status")).as(adopted.body()).isEqualTo("ADOPTED");

		GraphQlHttp.Response applied = apply(planId);

		assertThat(applied.<String>read("$.data.applyPlan.plan.status")).as(applied.body()).isEqualTo("IN_EFFECT");
		assertThat(applied.<String>read("$.data.applyPlan.plan.applyProgress.state")).isEqualTo("DONE");
		assertThat(count(hanoi, "DISTRICT", "2025-06-30")).isEqualTo(30);
		assertThat(count(hanoi, "COMMUNE", "2025-06-30")).isEqualTo(526);
		assertThat(count(hanoi, "DISTRICT", "2025-07-01")).isZero();
		GraphQlHttp.Response after = this.api.query("""
				query($id: ID!) { unit(id: $id, asOf: "2025-07-01") {
				  children(level: COMMUNE, first: 0) { totalCount }
				  phuong: children(type: PHUONG, first: 0) { totalCount }
				  xa: children(type: XA, first: 0) { totalCount } } }""", Map.of("id", hanoi), null);
		assertThat(after.<Integer>read("$.data.unit.children.totalCount")).isEqualTo(126);
		assertThat(after.<Integer>read("$.data.unit.phuong.totalCount")).isEqualTo(51);
		assertThat(after.<Integer>read("$.data.unit.xa.totalCount")).isEqualTo(75);
		GraphQlHttp.Response hongHa = this.api.query("""
				{ unitByCode(code: "00097", level: COMMUNE, asOf: "2025-07-01") { fullName
				  predecessors { relation legalBasis unit { fullName parent { code } } } } }""", null);
		assertThat(hongHa.<String>read("$.data.unitByCode.fullName")).isEqualTo("Phường Hồng Hà");
		assertThat(hongHa.<List<?>>read("$.data.unitByCode.predecessors")).hasSize(12);
		assertThat(hongHa.<List<String>>read("$.data.unitByCode.predecessors[*].unit.parent.code"))
			.containsOnly("001", "002", "003", "004", "007")
			.contains("001", "002", "003", "004", "007");
		assertThat(hongHa.<String>read("$.data.unitByCode.predecessors[0].legalBasis")).contains("1656/NQ-UBTVQH15");
		assertThat(this.api
			.query("{ unitByCode(code: \"00004\", level: COMMUNE, asOf: \"2025-06-30\") { fullName } }", null)
			.<String>read("$.data.unitByCode.fullName")).isEqualTo("Phường Trúc Bạch");
		assertThat(this.api
			.query("{ unitByCode(code: \"00004\", level: COMMUNE, asOf: \"2025-07-01\") { fullName } }", null)
			.<String>read("$.data.unitByCode.fullName")).isEqualTo("Phường Ba Đình");

		GraphQlHttp.Response again = apply(planId);
		assertThat(again.<String>read("$.data.applyPlan.plan.status")).isEqualTo("IN_EFFECT");
		assertThat(again.<String>read("$.data.applyPlan.plan.applyProgress.message")).startsWith("0 đơn vị mới");
		GraphQlHttp.Response published = this.api.query(
				"query($id: ID!) { plan(id: $id) { status proposedUnits { key registered { code } } } }",
				Map.of("id", planId), null);
		assertThat(published.<String>read("$.data.plan.status")).isEqualTo("IN_EFFECT");
		assertThat(published.<List<String>>read("$.data.plan.proposedUnits[*].registered.code")).hasSize(126);
	}

	@Test
	void theFirstStartPublishesTheRealHanoiPlanForEveryoneToSee() {
		GraphQlHttp.Response response = this.api.query("""
				{ plans(status: PUBLISHED) { title createdBy proposedUnitCount componentCount } }""", null);

		assertThat(response.<List<String>>read("$.data.plans[*].title")).as(response.body()).contains(DemoPlan.TITLE);
		assertThat(response
			.<List<Integer>>read("$.data.plans[?(@.title == '%s')].proposedUnitCount".formatted(DemoPlan.TITLE)))
			.containsExactly(126);
		// Not its validation: another test of this class applies a copy of the plan,
		// after
		// which the demo plan's codes are taken.
		assertThat(response
			.<List<Integer>>read("$.data.plans[?(@.title == '%s')].componentCount".formatted(DemoPlan.TITLE)))
			.containsExactly(795);
		assertThat(response.<List<String>>read("$.data.plans[?(@.title == '%s')].createdBy".formatted(DemoPlan.TITLE)))
			.containsExactly("system");
	}

	@Test
	void badRowsAreRejectedByLineAndNothingIsStored() {
		String planId = createPlan(this.admin, "Thử nhập tệp lỗi", unitId("001", "DISTRICT", "2025-06-30"),
				"2025-07-01", "[]");
		String csv = """
				new_code,new_name,new_type,old_code,old_name,old_type,old_district_code,old_district_name,relation,detail,legal_basis
				90001,Phường Thử,phường,00001,Phường Phúc Xá,phường,001,Quận Ba Đình,whole,whole,
				90001,Phường Thử,phường,99999,Phường Không Có,phường,001,Quận Ba Đình,whole,whole,
				90001,Phường Thử,phường,00004,Phường Trúc Bạch,phường,001,Quận Ba Đình,part,whole,
				90002,Phường Khác,cấp lạ,00006,Phường Vĩnh Phúc,phường,001,Quận Ba Đình,whole,whole,
				90003,Phường Ba,phường,00007,Phường Sai Tên,phường,001,Quận Ba Đình,part,part_area_pop,
				90003,Phường Ba,phường,00008,Phường Liễu Giai,phường,001,Quận Ba Đình,part,nửa,
				""";

		GraphQlHttp.Response response = this.api.query("""
				mutation($csv: String!, $id: ID!) { importPlan(input: { planId: $id, csv: $csv }) {
				  plan { id } errors { line column code message } userErrors { code } } }""",
				Map.of("csv", csv, "id", planId), this.admin);

		assertThat(response.<List<Integer>>read("$.data.importPlan.errors[*].line")).as(response.body())
			.containsExactly(3, 4, 5, 6, 7);
		assertThat(response.<List<String>>read("$.data.importPlan.errors[*].code")).containsExactly("OLD_UNIT_UNKNOWN",
				"RELATION_MISMATCH", "TYPE_UNKNOWN", "OLD_NAME_MISMATCH", "DETAIL_UNKNOWN");
		assertThat(response.<Object>read("$.data.importPlan.plan")).isNull();
		GraphQlHttp.Response plan = this.api.query("query($id: ID!) { plan(id: $id) { version proposedUnitCount } }",
				Map.of("id", planId), this.admin);
		assertThat(plan.<Integer>read("$.data.plan.version")).isEqualTo(1);
		assertThat(plan.<Integer>read("$.data.plan.proposedUnitCount")).isZero();
	}

	@Test
	void anAlternativeNameASiblingStayingBesideItBearsIsRefusedBeforePublication() {
		String baDinh = unitId("001", "DISTRICT", "2025-06-30");
		String planId = createPlan(this.admin, "Thử tên thay thế", baDinh, "2025-07-01", "[]");
		int version = saveUnit(planId, 1, "X", "Phường Sông Hồng (hoặc Trúc Bạch)");
		version = saveUnit(planId, version, "Y", "Phường Thử Một (hoặc Thử Hai)");
		version = assign(planId, version, "X", unitId("00001", "COMMUNE", "2025-06-30"), "WHOLE");
		assign(planId, version, "Y", unitId("00006", "COMMUNE", "2025-06-30"), "WHOLE");

		GraphQlHttp.Response response = this.api.query("""
				query($id: ID!) { plan(id: $id) { validation {
				  issues(first: 100) { rule severity proposedUnitKey message } } } }""", Map.of("id", planId),
				this.admin);

		// Phường Trúc Bạch is not in the plan: it stays beside the new ward, whose
		// residents could otherwise choose its name.
		List<Map<String, Object>> duplicates = response
			.read("$.data.plan.validation.issues[?(@.rule == 'NAME_DUPLICATE')]");
		assertThat(duplicates).as(response.body()).hasSize(1);
		assertThat(duplicates.get(0)).containsEntry("proposedUnitKey", "X").containsEntry("severity", "ERROR");
		assertThat((String) duplicates.get(0).get("message")).contains("Trúc Bạch");
	}

	@Test
	void validationReportsEachBrokenRuleByUnit() {
		String baDinh = unitId("001", "DISTRICT", "2025-06-30");
		String planId = createPlan(this.admin, "Thử các quy tắc", baDinh, "2025-07-01", "[]");
		int version = 1;
		version = saveUnit(planId, version, "A", "Phường A");
		version = saveUnit(planId, version, "B", "Phường B");
		version = saveUnit(planId, version, "C", "Phường A");
		version = saveUnit(planId, version, "D", "Phường D");
		version = assign(planId, version, "A", unitId("00001", "COMMUNE", "2025-06-30"), "WHOLE");
		version = assign(planId, version, "B", unitId("00001", "COMMUNE", "2025-06-30"), "WHOLE");
		version = assign(planId, version, "A", unitId("00004", "COMMUNE", "2025-06-30"), "REMAINDER");
		version = assign(planId, version, "B", unitId("00006", "COMMUNE", "2025-06-30"), "PART_AREA_POP");
		version = assign(planId, version, "C", unitId("00037", "COMMUNE", "2025-06-30"), "WHOLE");
		assign(planId, version, "C", unitId("001", "DISTRICT", "2025-06-30"), "WHOLE");

		GraphQlHttp.Response response = this.api
			.query("""
					query($id: ID!) { plan(id: $id) { validation { valid errorCount
					  rules { rule severity count } issues(first: 100) { rule severity proposedUnitKey unit { code } message } } } }""",
					Map.of("id", planId), this.admin);

		assertThat(response.<Boolean>read("$.data.plan.validation.valid")).isFalse();
		List<String> rules = response.read("$.data.plan.validation.issues[?(@.severity == 'ERROR')].rule");
		assertThat(rules).as(response.body())
			.contains("UNIT_EMPTY", "WHOLE_TWICE", "REMAINDER_ALONE", "SPLIT_SINGLE", "COMPONENT_OUT_OF_SCOPE",
					"COMPONENT_LEVEL", "NAME_DUPLICATE");
		assertThat(response.<List<String>>read("$.data.plan.validation.issues[?(@.rule == 'WHOLE_TWICE')].unit.code"))
			.containsExactly("00001");
		assertThat(response
			.<List<String>>read("$.data.plan.validation.issues[?(@.rule == 'COMPONENT_OUT_OF_SCOPE')].unit.code"))
			.containsExactly("00037");
		assertThat(
				response.<List<String>>read("$.data.plan.validation.issues[?(@.rule == 'UNIT_EMPTY')].proposedUnitKey"))
			.containsExactly("D");
		assertThat(response.<List<String>>read("$.data.plan.validation.issues[?(@.rule == 'UNIT_UNCHANGED')].severity"))
			.isNotEmpty()
			.containsOnly("WARNING");
		GraphQlHttp.Response onlyC = this.api.query(
				"query($id: ID!) { plan(id: $id) { proposedUnits(keys: [\"C\"]) { key components { unit { code } } } } }",
				Map.of("id", planId), this.admin);
		assertThat(onlyC.<List<String>>read("$.data.plan.proposedUnits[*].key")).as(onlyC.body()).containsExactly("C");
		GraphQlHttp.Response publish = this.api.query(
				"mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } userErrors { code } } }",
				Map.of("id", planId), this.admin);
		assertThat(publish.<String>read("$.data.changePlanStatus.userErrors[0].code")).isEqualTo("PLAN_INVALID");
	}

	@Test
	void abolishingALevelLeavesNoUnitBelowItWithoutASuccessor() {
		String baDinh = unitId("001", "DISTRICT", "2025-06-30");
		String hanoi = unitId("01", "PROVINCE", "2025-06-30");
		String planId = createPlan(this.admin, "Bỏ cấp huyện ở Ba Đình", baDinh, "2025-07-01", "[DISTRICT]");
		int version = saveUnit(planId, 1, "X", "Phường X");
		assign(planId, version, "X", unitId("00001", "COMMUNE", "2025-06-30"), "WHOLE");

		GraphQlHttp.Response response = this.api.query("""
				query($id: ID!) { plan(id: $id) { proposedUnits { parent { id } }
				  validation { issues(first: 100) { rule unit { code } } unassignedUnits { code } } } }""",
				Map.of("id", planId), this.admin);

		assertThat(response.<String>read("$.data.plan.proposedUnits[0].parent.id")).isEqualTo(hanoi);
		List<String> unaccounted = response.read("$.data.plan.validation.issues[?(@.rule == 'UNACCOUNTED')].unit.code");
		assertThat(unaccounted).hasSize(12).doesNotContain("00001").contains("00004");
		assertThat(response.<List<?>>read("$.data.plan.validation.unassignedUnits")).hasSize(12);
	}

	@Test
	void aSecondEditBasedOnTheSameVersionGetsAConflictNotASilentOverwrite() throws Exception {
		String planId = createPlan(this.admin, "Hai người cùng sửa", unitId("001", "DISTRICT", "2025-06-30"),
				"2025-07-01", "[]");
		Callable<GraphQlHttp.Response> rename = () -> this.api.query("""
				mutation($id: ID!) { updatePlan(input: { planId: $id, expectedVersion: 1, title: "Tên mới" }) {
				  plan { version } userErrors { code } } }""", Map.of("id", planId), this.admin);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<GraphQlHttp.Response>> results = pool.invokeAll(List.of(rename, rename, rename, rename));
			int ok = 0;
			int conflicts = 0;
			for (Future<GraphQlHttp.Response> result : results) {
				GraphQlHttp.Response response = result.get();
				if (response.<Integer>read("$.data.updatePlan.plan.version") != null) {
					ok++;
				}
				else if ("VERSION_CONFLICT".equals(response.read("$.data.updatePlan.userErrors[0].code"))) {
					conflicts++;
				}
			}
			assertThat(ok).isEqualTo(1);
			assertThat(conflicts).isEqualTo(3);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void draftsAreForOfficialsInScopePublishedPlansForEveryone() {
		String baDinh = unitId("001", "DISTRICT", "2025-06-30");
		String hoanKiem = unitId("002", "DISTRICT", "2025-06-30");
		String planId = createPlan(this.official, "Dự thảo của cán bộ Ba Đình", baDinh, "2025-07-01", "[]");

		assertThat(this.api.query("query($id: ID!) { plan(id: $id) { id } }", Map.of("id", planId), null)
			.<Object>read("$.data.plan")).isNull();
		assertThat(this.api.query("query($id: ID!) { plan(id: $id) { id } }", Map.of("id", planId), this.resident)
			.<Object>read("$.data.plan")).isNull();
		assertThat(this.api.query("query($id: ID!) { plan(id: $id) { id } }", Map.of("id", planId), this.official)
			.<String>read("$.data.plan.id")).isEqualTo(planId);
		GraphQlHttp.Response outOfScope = this.api
			.query("""
					mutation($scope: ID!) { createPlan(input: { title: "Ngoài phạm vi", scopeIds: [$scope] }) { plan { id } } }""",
					Map.of("scope", hoanKiem), this.official);
		assertThat(outOfScope.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		GraphQlHttp.Response byResident = this.api.query("""
				mutation($scope: ID!) { createPlan(input: { title: "Cư dân", scopeIds: [$scope] }) { plan { id } } }""",
				Map.of("scope", baDinh), this.resident);
		assertThat(byResident.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		GraphQlHttp.Response anonymous = this.api
			.query("""
					mutation($scope: ID!) { createPlan(input: { title: "Ẩn danh", scopeIds: [$scope] }) { plan { id } } }""",
					Map.of("scope", baDinh), null);
		assertThat(anonymous.<String>read("$.errors[0].extensions.code")).isEqualTo("UNAUTHORIZED");

		int version = saveUnit(planId, 1, "A", "Phường A");
		version = assign(planId, version, "A", unitId("00001", "COMMUNE", "2025-06-30"), "WHOLE");
		GraphQlHttp.Response published = this.api.query("""
				mutation($id: ID!, $v: Int) { changePlanStatus(planId: $id, expectedVersion: $v, status: PUBLISHED) {
				  plan { status } userErrors { code message } } }""", Map.of("id", planId, "v", version),
				this.official);
		assertThat(published.<String>read("$.data.changePlanStatus.plan.status")).as(published.body())
			.isEqualTo("PUBLISHED");

		assertThat(this.api.query("query($id: ID!) { plan(id: $id) { title } }", Map.of("id", planId), null)
			.<String>read("$.data.plan.title")).isEqualTo("Dự thảo của cán bộ Ba Đình");
		GraphQlHttp.Response edit = this.api.query("""
				mutation($id: ID!) { updatePlan(input: { planId: $id, title: "Sửa sau khi công bố" }) {
				  userErrors { code } } }""", Map.of("id", planId), this.official);
		assertThat(edit.<String>read("$.data.updatePlan.userErrors[0].code")).isEqualTo("PLAN_READ_ONLY");
	}

	@Test
	void aPlanGoesIntoConsultationAndIsConsultedOnlyByItsConsultationNeverByHand() {
		String planId = publishedPlan("Không chuyển trạng thái bằng tay", "00007");
		for (String status : List.of("IN_CONSULTATION", "CONSULTED")) {
			GraphQlHttp.Response moved = this.api.query("""
					mutation($id: ID!, $s: PlanStatus!) { changePlanStatus(planId: $id, status: $s) {
					  plan { status } userErrors { code message } } }""", Map.of("id", planId, "s", status),
					this.admin);
			assertThat(moved.<String>read("$.data.changePlanStatus.userErrors[0].code")).as(moved.body())
				.isEqualTo("STATUS_SET_BY_CONSULTATION");
		}
		assertThat(this.api.query("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", planId), this.admin)
			.<String>read("$.data.plan.status")).isEqualTo("PUBLISHED");
	}

	@Test
	void aPlanWithoutPublishedResultsIsAdoptedOnlyByAnOverrideThatASecondPersonConfirms() {
		String planId = publishedPlan("Thông qua không chờ kết quả", "00008");

		GraphQlHttp.Response bare = adopt(planId, "5/NQ-THU", null, this.admin);
		assertThat(bare.<String>read("$.data.adoptPlan.userErrors[0].code")).as(bare.body())
			.isEqualTo("CONSULTATION_RESULTS_MISSING");

		GraphQlHttp.Response requested = adopt(planId, "5/NQ-THU", "Quốc hội quyết định trực tiếp", this.admin);
		assertThat(requested.<String>read("$.data.adoptPlan.plan.status")).as(requested.body()).isEqualTo("PUBLISHED");
		assertThat(requested.<String>read("$.data.adoptPlan.plan.adoptionOverride.requestedBy")).isEqualTo("quantri");
		assertThat(requested.<Object>read("$.data.adoptPlan.plan.adoptionOverride.confirmedBy")).isNull();

		GraphQlHttp.Response again = adopt(planId, "5/NQ-THU", "Quốc hội quyết định trực tiếp", this.admin);
		assertThat(again.<String>read("$.data.adoptPlan.userErrors[0].code")).as(again.body())
			.isEqualTo("SECOND_OFFICIAL_REQUIRED");
		GraphQlHttp.Response otherAct = adopt(planId, "6/NQ-THU", "Xác nhận", this.secondAdmin);
		assertThat(otherAct.<String>read("$.data.adoptPlan.userErrors[0].code")).as(otherAct.body())
			.isEqualTo("OVERRIDE_MISMATCH");

		GraphQlHttp.Response confirmed = adopt(planId, "5/NQ-THU", "Xác nhận", this.secondAdmin);
		assertThat(confirmed.<String>read("$.data.adoptPlan.plan.status")).as(confirmed.body()).isEqualTo("ADOPTED");
		assertThat(confirmed.<String>read("$.data.adoptPlan.plan.adoptionOverride.reason"))
			.isEqualTo("Quốc hội quyết định trực tiếp");
		assertThat(confirmed.<String>read("$.data.adoptPlan.plan.adoptionOverride.confirmedBy")).isEqualTo("quantri2");
		GraphQlHttp.Response history = this.api.query("query($id: ID!) { plan(id: $id) { history { actor change } } }",
				Map.of("id", planId), this.admin);
		assertThat(history.<List<String>>read("$.data.plan.history[*].actor")).as(history.body())
			.startsWith("quantri2", "quantri");
		assertThat(history.<String>read("$.data.plan.history[1].change")).as(history.body())
			.contains("không chờ kết quả lấy ý kiến", "Quốc hội quyết định trực tiếp");
	}

	@Test
	void anAdoptionWithAnEffectiveDateInThePastNeedsAnExplicitConfirmation() {
		String planId = publishedPlan("Hiệu lực hồi tố", "00013");
		GraphQlHttp.Response unconfirmed = this.api.query("""
				mutation($id: ID!) { adoptPlan(input: { planId: $id, number: "7/NQ-THU", date: "2025-06-16",
				  overrideReason: "Ghi nhận văn bản đã ban hành" }) { plan { status } userErrors { code field } } }""",
				Map.of("id", planId), this.admin);
		assertThat(unconfirmed.<String>read("$.data.adoptPlan.userErrors[0].code")).as(unconfirmed.body())
			.isEqualTo("EFFECTIVE_DATE_IN_PAST");
		assertThat(adopt(planId, "7/NQ-THU", "Ghi nhận văn bản đã ban hành", this.admin)
			.<String>read("$.data.adoptPlan.plan.adoptionOverride.number")).isEqualTo("7/NQ-THU");
	}

	/** A published plan of Ba Đình renaming one commune (effective 1 July 2025). */
	private String publishedPlan(String title, String communeCode) {
		String planId = createPlan(this.admin, title, unitId("001", "DISTRICT", "2025-06-30"), "2025-07-01", "[]");
		int version = saveUnit(planId, 1, "9" + communeCode.substring(1), "Phường Mới " + communeCode);
		version = assign(planId, version, "9" + communeCode.substring(1), unitId(communeCode, "COMMUNE", "2025-06-30"),
				"WHOLE");
		moveTo(planId, version, "PUBLISHED");
		return planId;
	}

	@Test
	void aResidentialGroupIsPlacedOnlyFromACommuneOfTheScopeIntoANewUnitThatTakesPartOfIt() {
		GraphQlHttp.Response groups = this.api.query("""
				mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv,
				  validFrom: "2025-01-01" }) { created errors { message } } }""", Map.of("csv", """
				commune_code,code,name,type,households
				00001,X1,Tổ dân phố X1,tổ dân phố,10
				00004,X1,Tổ dân phố X1,tổ dân phố,10
				00037,X1,Tổ dân phố X1,tổ dân phố,10
				"""), this.admin);
		assertThat(groups.<Integer>read("$.data.importUnits.created")).as(groups.body()).isEqualTo(3);
		String phucXaGroup = groupId("00001", "X1");
		String trucBachGroup = groupId("00004", "X1");
		String elsewhereGroup = groupId("00037", "X1");
		String planId = createPlan(this.admin, "Xếp tổ dân phố", unitId("001", "DISTRICT", "2025-06-30"), "2025-07-01",
				"[]");
		int version = saveUnit(planId, 1, "A", "Phường A");
		version = saveUnit(planId, version, "B", "Phường B");
		version = saveUnit(planId, version, "C", "Phường C");
		version = assign(planId, version, "A", unitId("00001", "COMMUNE", "2025-06-30"), "WHOLE");
		version = assign(planId, version, "B", unitId("00004", "COMMUNE", "2025-06-30"), "PART_AREA_POP");
		assign(planId, version, "C", unitId("00004", "COMMUNE", "2025-06-30"), "REMAINDER");

		assertThat(place(planId, trucBachGroup, "B").<List<?>>read("$.data.placeResidentialGroup.userErrors"))
			.isEmpty();
		assertThat(place(planId, trucBachGroup, "A").<String>read("$.data.placeResidentialGroup.userErrors[0].code"))
			.isEqualTo("GROUP_PLACEMENT_INVALID");
		assertThat(place(planId, phucXaGroup, "A").<String>read("$.data.placeResidentialGroup.userErrors[0].code"))
			.isEqualTo("GROUP_PLACEMENT_INVALID");
		assertThat(place(planId, elsewhereGroup, "B").<String>read("$.data.placeResidentialGroup.userErrors[0].code"))
			.isEqualTo("COMPONENT_OUT_OF_SCOPE");
		assertThat(place(planId, unitId("00004", "COMMUNE", "2025-06-30"), "B")
			.<String>read("$.data.placeResidentialGroup.userErrors[0].code")).isEqualTo("NOT_FOUND");
		assertThat(place(planId, trucBachGroup, "Z").<String>read("$.data.placeResidentialGroup.userErrors[0].code"))
			.isEqualTo("NOT_FOUND");
		GraphQlHttp.Response issues = this.api.query("""
				query($id: ID!) { plan(id: $id) { validation { issues(first: 100) { rule } } } }""",
				Map.of("id", planId), this.admin);
		assertThat(issues.<List<String>>read("$.data.plan.validation.issues[*].rule")).as(issues.body())
			.doesNotContain("GROUP_PLACEMENT_INVALID");
		assertThat(place(planId, trucBachGroup, null).<List<?>>read("$.data.placeResidentialGroup.userErrors"))
			.isEmpty();
	}

	private GraphQlHttp.Response place(String planId, String groupId, @Nullable String key) {
		Map<String, Object> variables = new java.util.HashMap<>(Map.of("id", planId, "group", groupId));
		variables.put("key", key);
		return this.api.query("""
				mutation($id: ID!, $group: ID!, $key: String) { placeResidentialGroup(planId: $id, groupId: $group,
				  key: $key) { plan { version } userErrors { code message } } }""", variables, this.admin);
	}

	private String groupId(String commune, String code) {
		GraphQlHttp.Response children = this.api.query("""
				query($id: ID!) { unit(id: $id, asOf: "2025-06-30") { children(level: RESIDENTIAL_GROUP) {
				  edges { node { id code } } } } }""", Map.of("id", unitId(commune, "COMMUNE", "2025-06-30")), null);
		List<String> ids = children.read("$.data.unit.children.edges[?(@.node.code == '" + code + "')].node.id");
		assertThat(ids).as(children.body()).hasSize(1);
		return ids.get(0);
	}

	@Test
	void anOfficialCannotWidenTheScopeOfTheirDraftBeyondTheirOwnUnits() {
		String baDinh = unitId("001", "DISTRICT", "2025-06-30");
		String hoanKiem = unitId("002", "DISTRICT", "2025-06-30");
		String hanoi = unitId("01", "PROVINCE", "2025-06-30");
		String planId = createPlan(this.official, "Phạm vi của cán bộ Ba Đình", baDinh, "2025-07-01", "[]");
		String rescope = """
				mutation($id: ID!, $scope: [ID!]!) { updatePlan(input: { planId: $id, scopeIds: $scope }) {
				  plan { version } userErrors { code } } }""";

		GraphQlHttp.Response toHoanKiem = this.api.query(rescope, Map.of("id", planId, "scope", List.of(hoanKiem)),
				this.official);
		GraphQlHttp.Response toHanoi = this.api.query(rescope, Map.of("id", planId, "scope", List.of(hanoi)),
				this.official);
		GraphQlHttp.Response alongside = this.api.query(rescope,
				Map.of("id", planId, "scope", List.of(baDinh, hoanKiem)), this.official);

		assertThat(toHoanKiem.<String>read("$.errors[0].extensions.code")).as(toHoanKiem.body()).isEqualTo("FORBIDDEN");
		assertThat(toHanoi.<String>read("$.errors[0].extensions.code")).as(toHanoi.body()).isEqualTo("FORBIDDEN");
		assertThat(alongside.<String>read("$.errors[0].extensions.code")).as(alongside.body()).isEqualTo("FORBIDDEN");
		GraphQlHttp.Response plan = this.api.query("query($id: ID!) { plan(id: $id) { version scope { id } } }",
				Map.of("id", planId), this.official);
		assertThat(plan.<Integer>read("$.data.plan.version")).as(plan.body()).isEqualTo(1);
		assertThat(plan.<List<String>>read("$.data.plan.scope[*].id")).containsExactly(baDinh);
		GraphQlHttp.Response byAdmin = this.api.query(rescope, Map.of("id", planId, "scope", List.of(hanoi)),
				this.admin);
		assertThat(byAdmin.<Integer>read("$.data.updatePlan.plan.version")).as(byAdmin.body()).isEqualTo(2);
	}

	@Test
	void everyStoredRevisionIsInTheAuditLogWithBeforeAndAfterAndThatIsThePlansHistory() {
		String baDinh = unitId("001", "DISTRICT", "2025-06-30");
		String historian = issuer.token((claims) -> claims.subject("canbo-lichsu")
			.claim("preferred_username", "canbo-lichsu")
			.claim("realm_access", Map.of("roles", List.of("official")))
			.claim("ydan_scope", List.of("001")));
		String planId = createPlan(historian, "Lịch sử phương án", baDinh, "2025-07-01", "[]");
		String rename = """
				mutation($id: ID!) { updatePlan(input: { planId: $id, expectedVersion: 1, title: "Lịch sử phương án (sửa)" }) {
				  plan { version } userErrors { code } } }""";

		GraphQlHttp.Response renamed = this.api.query(rename, Map.of("id", planId), historian);
		GraphQlHttp.Response stale = this.api.query(rename, Map.of("id", planId), historian);

		assertThat(renamed.<Integer>read("$.data.updatePlan.plan.version")).as(renamed.body()).isEqualTo(2);
		assertThat(stale.<String>read("$.data.updatePlan.userErrors[0].code")).isEqualTo("VERSION_CONFLICT");
		GraphQlHttp.Response history = this.api.query(
				"query($id: ID!) { plan(id: $id) { history { version actor change at } } }", Map.of("id", planId),
				historian);
		assertThat(history.<List<Integer>>read("$.data.plan.history[*].version")).as(history.body())
			.containsExactly(2, 1);
		assertThat(history.<List<String>>read("$.data.plan.history[*].change")).containsExactly("Sửa thông tin chung",
				"Tạo phương án");
		assertThat(history.<List<String>>read("$.data.plan.history[*].actor")).containsOnly("canbo-lichsu");
		assertThat(history.<List<String>>read("$.data.plan.history[*].at")).allMatch((at) -> at.endsWith("Z"));
		GraphQlHttp.Response entries = this.api.query("""
				{ auditEntries(filter: {actor: "canbo-lichsu", kind: "mutation:updatePlan"}, first: 2) { edges { node {
				  outcome codes unitIds summary before after } } } }""", this.admin);
		List<Map<String, Object>> updates = entries.read("$.data.auditEntries.edges[*].node");
		assertThat(updates).as(entries.body()).hasSize(2);
		assertThat(updates.get(0)).containsEntry("outcome", "USER_ERRORS").containsEntry("after", null);
		assertThat(updates.get(1)).containsEntry("outcome", "OK").containsEntry("unitIds", List.of(baDinh));
		assertThat((String) updates.get(1).get("summary")).contains("Sửa thông tin chung");
		assertThat((String) updates.get(1).get("before")).contains("\"title\": \"Lịch sử phương án\"",
				"\"revision\": 1");
		assertThat((String) updates.get(1).get("after")).contains("\"title\": \"Lịch sử phương án (sửa)\"",
				"\"revision\": 2");
	}

	private String createPlan(String token, String title, String scopeId, String date, String levels) {
		GraphQlHttp.Response response = this.api.query("""
				mutation($title: String!, $scope: ID!) { createPlan(input: { title: $title, scopeIds: [$scope],
				  effectiveDate: "%s", abolishedLevels: %s }) { plan { id } userErrors { code message } } }"""
			.formatted(date, levels), Map.of("title", title, "scope", scopeId), token);
		String id = response.read("$.data.createPlan.plan.id");
		assertThat(id).as(response.body()).isNotNull();
		return id;
	}

	private int saveUnit(String planId, int version, String code, String fullName) {
		GraphQlHttp.Response response = this.api.query("""
				mutation($id: ID!, $v: Int, $code: String, $name: String!) { saveProposedUnit(input: { planId: $id,
				  expectedVersion: $v, code: $code, name: $name, type: PHUONG, seat: "Trụ sở" }) {
				  plan { version } userErrors { code message } } }""",
				Map.of("id", planId, "v", version, "code", code, "name", fullName.replace("Phường ", "")), this.admin);
		Integer next = response.read("$.data.saveProposedUnit.plan.version");
		assertThat(next).as(response.body()).isNotNull();
		return next;
	}

	private int assign(String planId, int version, String key, String unitId, String kind) {
		GraphQlHttp.Response response = this.api
			.query("""
					mutation($id: ID!, $v: Int, $key: String!, $unit: ID!) { assignUnit(input: { planId: $id,
					  expectedVersion: $v, key: $key, unitId: $unit, kind: %s }) { plan { version } userErrors { code } } }"""
				.formatted(kind), Map.of("id", planId, "v", version, "key", key, "unit", unitId), this.admin);
		Integer next = response.read("$.data.assignUnit.plan.version");
		assertThat(next).as(response.body()).isNotNull();
		return next;
	}

	/**
	 * adoptPlan dated 16 June 2025, effective 1 July 2025 (confirmed as past), with an
	 * override reason when given.
	 */
	private GraphQlHttp.Response adopt(String planId, String number, @Nullable String reason, String token) {
		Map<String, Object> variables = new java.util.HashMap<>(Map.of("id", planId, "n", number));
		if (reason != null) {
			variables.put("r", reason);
		}
		return this.api.query("""
				mutation($id: ID!, $n: String!, $r: String) { adoptPlan(input: { planId: $id, number: $n,
				  date: "2025-06-16", overrideReason: $r, confirmPastEffectiveDate: true }) {
				  plan { status version legalBasis { number date }
				    adoptionOverride { reason number requestedBy confirmedBy confirmedAt } }
				  userErrors { code message } } }""", variables, token);
	}

	private void moveTo(String planId, int version, String status) {
		GraphQlHttp.Response response = this.api.query("""
				mutation($id: ID!, $v: Int) { changePlanStatus(planId: $id, expectedVersion: $v, status: %s) {
				  plan { status } userErrors { code message } } }""".formatted(status),
				Map.of("id", planId, "v", version), this.admin);
		assertThat(response.<String>read("$.data.changePlanStatus.plan.status")).as(response.body()).isEqualTo(status);
	}

	/** Applies and, while the job runs on, asks again (each call joins the job). */
	private GraphQlHttp.Response apply(String planId) {
		for (int attempt = 0;; attempt++) {
			GraphQlHttp.Response response = this.api.query(
					"""
							mutation($id: ID!) { applyPlan(planId: $id) { plan { status applyProgress { state done total message } }
							  userErrors { code message } } }""",
					Map.of("id", planId), this.admin);
			if (attempt == 30 || !"RUNNING".equals(response.read("$.data.applyPlan.plan.applyProgress.state"))) {
				return response;
			}
		}
	}

	private String unitId(String code, String level, String date) {
		GraphQlHttp.Response response = this.api
			.query("{ unitByCode(code: \"%s\", level: %s, asOf: \"%s\") { id } }".formatted(code, level, date), null);
		String id = response.read("$.data.unitByCode.id");
		assertThat(id).as(response.body()).isNotNull();
		return id;
	}

	private int count(String unitId, String level, String date) {
		GraphQlHttp.Response response = this.api.query("""
				query($id: ID!) { unit(id: $id, asOf: "%s") { childCounts { level count } } }""".formatted(date),
				Map.of("id", unitId), null);
		List<Integer> counts = response.read("$.data.unit.childCounts[?(@.level == '%s')].count".formatted(level));
		return counts.stream().mapToInt(Integer::intValue).sum();
	}

	private static String hanoiPlan() throws IOException {
		try (InputStream in = PlanIntegrationTest.class.getResourceAsStream("/hanoi-2025/plan_nq1656_mapping.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

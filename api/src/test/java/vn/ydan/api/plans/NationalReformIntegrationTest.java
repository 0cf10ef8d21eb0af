package vn.ydan.api.plans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlWsClient;
import vn.ydan.api.LocalIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2025 reform from its official tables, through the API as an official does it: the
 * national registry before 2025 (loaded at the first start), the province merger table
 * (Resolution 202/2025/QH15) and the four sample provincial tables, each a plan over its
 * old provinces with the district level abolished → published → adopted → applied. The
 * registry on 2025-07-01 is then compared with the official list of those provinces'
 * communes. Its own store: applying changes the registry other tests read (the sample
 * drafts of the first start are looked at first, before it does).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NationalReformIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	/** New province code → the table and the resolution of its communes. */
	private static final Map<String, String> RESOLUTIONS = new LinkedHashMap<>(Map.of("25", "1676/NQ-UBTVQH15", "79",
			"1685/NQ-UBTVQH15", "82", "1663/NQ-UBTVQH15", "91", "1654/NQ-UBTVQH15"));

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	/** Another administrator: the second person an adoption override needs. */
	private final String secondAdmin = issuer.tokenFor("quantri2", "Lê Thị Hà", "admin");

	@LocalServerPort
	private int port;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void ownStore(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		// Every apply answers at once: the job goes on without the request.
		properties.add("ydan.plans.apply-wait", () -> "0s");
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
	}

	@Test
	void fourProvincesMergeTheirCommunesAndTheRegistryMatchesTheOfficialList() throws IOException {
		List<Map<String, String>> official = csv("/vietnam-2025/communes_after_sample.csv");
		Map<String, List<String>> formedFrom = new HashMap<>();
		for (Map<String, String> row : csv("/demo/vietnam-2025/provinces_after.csv")) {
			formedFrom.put(row.get("code"), List.of(row.get("formed_from_old_province_codes").split(";")));
		}
		String trungSonBefore = unitId("08311", "COMMUNE", "2025-06-30");
		String phuThoBefore = unitId("25", "PROVINCE", "2025-06-30");

		Map<String, String> planIds = new LinkedHashMap<>();
		for (String code : RESOLUTIONS.keySet()) {
			List<String> scope = formedFrom.get(code)
				.stream()
				.map((old) -> unitId(old, "PROVINCE", "2025-06-30"))
				.toList();
			String planId = createPlan("Phương án sắp xếp đơn vị hành chính cấp xã, tỉnh mới mã " + code, scope);
			importPlan(planId, text("/demo/vietnam-2025/provinces_after.csv"));
			GraphQlHttp.Response imported = importPlan(planId, text("/demo/vietnam-2025/plan_" + code + ".csv"));
			assertThat(imported.<Integer>read("$.data.importPlan.plan.validation.errorCount")).as(imported.body())
				.isZero();
			planIds.put(code, planId);
		}

		GraphQlHttp.Response coverage = this.api.query("""
				{ reformCoverage(effectiveDate: "2025-07-01") { provinceCount uncoveredProvinceCount communeCount
				  communesInPlans newProvinceCount provinces { province { code } plans { id } communeCount
				  communesInPlans valid } } }""", this.admin);
		assertThat(coverage.<Integer>read("$.data.reformCoverage.provinceCount")).as(coverage.body()).isEqualTo(63);
		assertThat(coverage.<Integer>read("$.data.reformCoverage.communeCount")).isEqualTo(10_035);
		// Besides these four: the sample drafts of the first start and the national plan.
		assertThat(coverage.<Integer>read("$.data.reformCoverage.newProvinceCount")).isEqualTo(4 + 4 + 2);
		assertThat(
				coverage.<List<String>>read("$.data.reformCoverage.provinces[?(@.plans.length() == 0)].province.code"))
			.hasSize(coverage.<Integer>read("$.data.reformCoverage.uncoveredProvinceCount"))
			.doesNotContain("17", "25", "26", "74", "77", "79", "82", "87", "89", "91")
			.contains("02", "48");
		assertThat(coverage.<List<Boolean>>read("$.data.reformCoverage.provinces[?(@.province.code == '17')].valid"))
			.containsExactly(true);

		// The first apply is followed as a client would, over graphql-ws.
		String phuTho = planIds.get("25");
		try (GraphQlWsClient progress = GraphQlWsClient.subscribe("ws://127.0.0.1:" + this.port + "/graphql",
				"planApplyProgress", phuTho, this.admin)) {
			takeToEffect(phuTho, RESOLUTIONS.get("25"));
			GraphQlWsClient.Event done = progress.await(
					(event) -> "DONE"
						.equals(event.path("payload").path("data").path("planApplyProgress").path("state").asString()),
					java.time.Duration.ofSeconds(60));
			assertThat(done.json().path("payload").path("data").path("planApplyProgress").path("total").asInt())
				.isPositive();
			progress.awaitEvent("complete", java.time.Duration.ofSeconds(10));
		}
		for (Map.Entry<String, String> plan : planIds.entrySet()) {
			if (!plan.getKey().equals("25")) {
				takeToEffect(plan.getValue(), RESOLUTIONS.get(plan.getKey()));
			}
		}

		for (String code : RESOLUTIONS.keySet()) {
			GraphQlHttp.Response province = this.api.query("""
					query($code: String!) { unitByCode(code: $code, level: PROVINCE, asOf: "2025-07-01") {
					  id fullName districts: children(level: DISTRICT, first: 0) { totalCount } } }""",
					Map.of("code", code), null);
			String provinceId = province.read("$.data.unitByCode.id");
			assertThat(provinceId).as(province.body()).isNotNull();
			assertThat(province.<Integer>read("$.data.unitByCode.districts.totalCount")).isZero();
			Map<String, String> expected = new TreeMap<>();
			official.stream()
				.filter((row) -> row.get("province_code").equals(code))
				.forEach((row) -> expected.put(row.get("code"), row.get("full_name") + "|" + row.get("type")));
			assertThat(communesOf(provinceId, "2025-07-01")).as("communes of province " + code)
				.containsExactlyEntriesOf(expected);
			if (formedFrom.get(code).size() > 1) {
				assertThat(provinceId).as("a merged province is a new unit")
					.isNotEqualTo(unitId(code, "PROVINCE", "2025-06-30"));
			}
		}
		assertThat(this.api.query("{ units(level: PROVINCE, asOf: \"2025-07-01\", first: 0) { totalCount } }", null)
			.<Integer>read("$.data.units.totalCount"))
			.isEqualTo(63 - RESOLUTIONS.keySet().stream().mapToInt((code) -> formedFrom.get(code).size()).sum() + 4);
		assertThat(this.api.query("{ unitByCode(code: \"17\", level: PROVINCE, asOf: \"2025-07-01\") { id } }", null)
			.<Object>read("$.data.unitByCode")).isNull();

		GraphQlHttp.Response conDao = this.api.query("""
				{ unitByCode(code: "26732", level: COMMUNE, asOf: "2025-07-01") { fullName typeName parent { code }
				  predecessors { relation legalBasis unit { fullName level } } } }""", null);
		assertThat(conDao.<String>read("$.data.unitByCode.fullName")).as(conDao.body()).isEqualTo("Đặc khu Côn Đảo");
		assertThat(conDao.<String>read("$.data.unitByCode.parent.code")).isEqualTo("79");
		assertThat(conDao.<List<String>>read("$.data.unitByCode.predecessors[*].unit.fullName"))
			.containsExactly("Huyện Côn Đảo");
		assertThat(conDao.<String>read("$.data.unitByCode.predecessors[0].legalBasis"))
			.contains("1685/NQ-UBTVQH15 Điều 1 khoản 163");

		GraphQlHttp.Response trungSon = this.api.query("""
				query($id: ID!) { unit(id: $id, asOf: "2025-07-01") { code fullName parent { id }
				  history { validFrom validTo parent { code } } predecessors { detail legalBasis } } }""",
				Map.of("id", trungSonBefore), null);
		assertThat(trungSon.<String>read("$.data.unit.fullName")).as("an unchanged commune keeps its identity")
			.isEqualTo("Xã Trung Sơn");
		assertThat(trungSon.<List<String>>read("$.data.unit.history[*].validFrom")).as(trungSon.body())
			.containsExactly(null, "2025-07-01");
		assertThat(trungSon.<String>read("$.data.unit.history[0].parent.code")).isEqualTo("234");
		assertThat(trungSon.<String>read("$.data.unit.parent.id")).isNotEqualTo(phuThoBefore)
			.isEqualTo(unitId("25", "PROVINCE", "2025-07-01"));
		assertThat(trungSon.<List<String>>read("$.data.unit.predecessors[*].detail")).containsExactly("unchanged");
		assertThat(trungSon.<String>read("$.data.unit.predecessors[0].legalBasis")).contains("1676/NQ-UBTVQH15");
	}

	@Test
	@Order(0)
	void theFirstStartOffersTheFourSampleProvincesAsValidDrafts() {
		GraphQlHttp.Response drafts = this.api.query("""
				{ plans(status: DRAFT) { title proposedUnitCount validation { valid } } }""", this.admin);

		List<Map<String, Object>> samples = drafts.read("$.data.plans[?(@.title =~ /.*mẫu năm 2025.*/)]");
		assertThat(samples).as(drafts.body()).hasSize(4);
		assertThat(samples).extracting((plan) -> (Object) ((Map<?, ?>) plan.get("validation")).get("valid"))
			.containsOnly(true);
		assertThat(samples).extracting((plan) -> (Object) plan.get("proposedUnitCount"))
			.containsExactlyInAnyOrder(148 + 1, 168 + 1, 102 + 1, 102 + 1);
	}

	@Test
	@Order(1)
	void oneNationalPlanTakesTheTablesOneByOneEachReplacingOnlyItsOwnProvince() throws IOException {
		List<String> scope = List.of("82", "87", "89", "91")
			.stream()
			.map((code) -> unitId(code, "PROVINCE", "2025-06-30"))
			.toList();
		String planId = createPlan("Một phương án cho hai tỉnh mới", scope);

		importPlan(planId, text("/demo/vietnam-2025/plan_82.csv"));
		assertThat(ruleCounts(planId)).as("communes alone: the provinces are not merged yet")
			.containsEntry("PROVINCES_NOT_MERGED", 1);
		GraphQlHttp.Response half = importPlan(planId, text("/demo/vietnam-2025/provinces_after.csv"));
		assertThat(ruleCounts(planId)).containsEntry("PROVINCES_NOT_MERGED", 0);
		List<Map<String, String>> missing = half.read("$.data.importPlan.plan.validation.issues");
		assertThat(missing).as("An Giang's communes are not placed yet").isNotEmpty();
		assertThat(missing.get(0).get("rule")).isEqualTo("UNACCOUNTED");
		importPlan(planId, text("/demo/vietnam-2025/plan_91.csv"));
		GraphQlHttp.Response again = importPlan(planId, text("/demo/vietnam-2025/plan_82.csv"));

		assertThat(again.<Integer>read("$.data.importPlan.plan.validation.errorCount")).as(again.body()).isZero();
		GraphQlHttp.Response plan = this.api.query("""
				query($id: ID!) { plan(id: $id) { proposedUnitCount
				  provinces: proposedUnits { type parentKey } } }""", Map.of("id", planId), this.admin);
		assertThat(plan.<Integer>read("$.data.plan.proposedUnitCount")).isEqualTo(2 + 102 + 102);
		assertThat(plan.<List<String>>read("$.data.plan.provinces[?(@.type == 'TINH')].parentKey")).hasSize(2);
		assertThat(plan.<List<String>>read("$.data.plan.provinces[?(@.type != 'TINH')].parentKey")).containsOnly("82",
				"91");
	}

	@Test
	void anApplyInterruptedByAStopResumesWhenTheApiStartsAgain(@Autowired Plans plans,
			@Autowired InterruptedApplies interrupted) {
		GraphQlHttp.Response created = this.api.query("""
				mutation($scope: ID!) { createPlan(input: { title: "Bị ngắt khi áp dụng", scopeIds: [$scope],
				  effectiveDate: "2025-07-01" }) { plan { id } } }""",
				Map.of("scope", unitId("001", "DISTRICT", "2025-06-30")), this.admin);
		String planId = created.read("$.data.createPlan.plan.id");
		importPlan(planId, """
				new_code,new_name,new_type,old_code,detail
				90001,Phường Phúc Xá Mới,phường,00001,rename
				""");
		int version = version(planId);
		this.api.query("""
				mutation($id: ID!, $v: Int) { changePlanStatus(planId: $id, expectedVersion: $v, status: PUBLISHED) {
				  plan { version } } }""", Map.of("id", planId, "v", version), this.admin);
		adoptByOverride(planId, "1/NQ-THU");
		// As a stop leaves it: adopted, its apply RUNNING, nothing written yet.
		plans.saveApply(planId, new Plan.ApplyState("RUNNING", 0, 0, null, java.time.Instant.now()));

		interrupted.run(null);

		GraphQlHttp.Response plan = awaitApplied(planId);
		assertThat(plan.<String>read("$.data.plan.status")).as(plan.body()).isEqualTo("IN_EFFECT");
		GraphQlHttp.Response renamed = this.api.query("""
				{ unitByCode(code: "90001", level: COMMUNE, asOf: "2025-07-01") { id fullName } }""", null);
		assertThat(renamed.<String>read("$.data.unitByCode.fullName")).isEqualTo("Phường Phúc Xá Mới");
		assertThat(renamed.<String>read("$.data.unitByCode.id")).as("a renamed unit keeps its identity")
			.isEqualTo(unitId("00001", "COMMUNE", "2025-06-30"));
	}

	@Test
	void defectsOfTheOfficialTablesAreLineErrorsAndNothingIsStored() {
		String planId = createPlan("Đồng Tháp: tệp có lỗi",
				List.of(unitId("82", "PROVINCE", "2025-06-30"), unitId("87", "PROVINCE", "2025-06-30")));
		String header = "new_code,new_name,new_type,old_code,old_name,old_type,old_district_code,old_district_name,"
				+ "relation,detail,legal_basis,old_province_code\n";
		String csv = header + """
				28249,Phường Đạo Thạnh,phường,28249,Phường 5,phường,815,Thành phố Mỹ Tho,whole,whole,,82
				30604,Xã Vĩnh An,xã,30622,Xã Tân Phú,xã,892,Huyện Châu Thành,whole,whole,,87
				28261,Phường Mỹ Tho,phường,28261,Phường 1,phường,815,Thành phố Mỹ Tho,whole,whole,,82
				28261,Phường Mỹ Thọ,phường,28264,Phường 2,phường,815,Thành phố Mỹ Tho,whole,whole,,82
				28270,Phường Thới Sơn,phường,28282,Xã Đạo Thanh,xã,815,Thành phố Mỹ Tho,whole,whole,,82
				28270,Phường Thới Sơn,phường,28279,Phường Tân Long,phường,815,Thành phố Mỹ Tho,part,whole,,82
				28270,Phường Thới Sơn,phường,28252,Phường 4,phường,815,Thành phố Mỹ Tho,whole,whole,,82
				28271,Phường Khác,phường,28252,Phường 4,phường,815,Thành phố Mỹ Tho,,whole,,82
				28272,Phường Lạ,phường,28273,Phường 9,phường,815,Thành phố Mỹ Tho,whole,nửa,,82
				28273,Phường Mỹ Tho,phường,28276,Phường 10,phường,815,Thành phố Mỹ Tho,whole,whole,,82
				""";

		GraphQlHttp.Response response = this.api.query("""
				mutation($csv: String!, $id: ID!) { importPlan(input: { planId: $id, csv: $csv }) {
				  plan { id } errors { line column code message } userErrors { code } } }""",
				Map.of("csv", csv, "id", planId), this.admin);

		assertThat(response.<List<Integer>>read("$.data.importPlan.errors[*].line")).as(response.body())
			.containsExactly(3, 5, 6, 7, 9, 10, 11);
		assertThat(response.<List<String>>read("$.data.importPlan.errors[*].code")).containsExactly(
				"OLD_PROVINCE_MISMATCH", "NEW_UNIT_INCONSISTENT", "OLD_NAME_MISMATCH", "RELATION_MISMATCH",
				"OLD_UNIT_TWICE", "DETAIL_UNKNOWN", "NEW_UNIT_CODE_CONFLICT");
		assertThat(response.<String>read("$.data.importPlan.errors[0].message")).contains("Xã Tân Phú", "Tỉnh An Giang",
				"87");
		assertThat(response.<Object>read("$.data.importPlan.plan")).isNull();
		assertThat(version(planId)).isEqualTo(1);
	}

	@Test
	void namesApartOnlyByDiacriticsAreTwoUnitsWithAWarningNotADuplicate() {
		String planId = createPlan("Tân Thạnh và Tân Thành",
				List.of(unitId("82", "PROVINCE", "2025-06-30"), unitId("87", "PROVINCE", "2025-06-30")));
		// Saved by a spreadsheet: a byte order mark before the header.
		String csv = "\uFEFF" + """
				new_code,new_name,new_type,old_code,relation,detail
				90001,Xã Tân Thạnh,xã,28249,,whole
				90002,Xã Tân Thành,xã,28252,,whole
				""";

		importPlan(planId, csv);

		GraphQlHttp.Response response = this.api.query("""
				query($id: ID!) { plan(id: $id) { validation { rules { rule severity count } } } }""",
				Map.of("id", planId), this.admin);
		List<Map<String, Object>> rules = response.read("$.data.plan.validation.rules");
		assertThat(rules).as(response.body())
			.filteredOn((rule) -> List.of("NAME_DUPLICATE", "NAME_SIMILAR").contains(rule.get("rule")))
			.extracting((rule) -> rule.get("rule") + " " + rule.get("severity") + " " + rule.get("count"))
			.containsExactly("NAME_DUPLICATE ERROR 0", "NAME_SIMILAR WARNING 1");
	}

	/**
	 * Adopts a published plan as an act of 2025 recorded after the fact: its consultation
	 * was held outside the system, so by an override that two administrators make.
	 */
	private void adoptByOverride(String planId, String resolution) {
		for (String token : List.of(this.admin, this.secondAdmin)) {
			GraphQlHttp.Response response = this.api.query(
					"""
							mutation($id: ID!, $n: String!) { adoptPlan(input: { planId: $id, number: $n, date: "2025-06-16",
							  overrideReason: "Đã lấy ý kiến cử tri năm 2025, ngoài hệ thống", confirmPastEffectiveDate: true }) {
							  plan { status } userErrors { code message } } }""",
					Map.of("id", planId, "n", resolution), token);
			assertThat(response.<String>read("$.data.adoptPlan.plan.status")).as(response.body())
				.isEqualTo((token == this.admin) ? "PUBLISHED" : "ADOPTED");
		}
	}

	private void takeToEffect(String planId, String resolution) {
		int version = version(planId);
		GraphQlHttp.Response published = this.api.query("""
				mutation($id: ID!, $v: Int) { changePlanStatus(planId: $id, expectedVersion: $v, status: PUBLISHED) {
				  plan { version } userErrors { code message } } }""", Map.of("id", planId, "v", version), this.admin);
		assertThat(published.<Integer>read("$.data.changePlanStatus.plan.version")).as(published.body()).isNotNull();
		adoptByOverride(planId, resolution);
		GraphQlHttp.Response applied = this.api.query("""
				mutation($id: ID!) { applyPlan(planId: $id) { plan { status applyProgress { state message } }
				  userErrors { code message } } }""", Map.of("id", planId), this.admin);
		assertThat(applied.<String>read("$.data.applyPlan.plan.status")).as(applied.body()).isEqualTo("ADOPTED");
		assertThat(applied.<String>read("$.data.applyPlan.plan.applyProgress.state")).isEqualTo("RUNNING");
		GraphQlHttp.Response plan = awaitApplied(planId);
		assertThat(plan.<String>read("$.data.plan.status")).as(plan.body()).isEqualTo("IN_EFFECT");
		assertThat(plan.<String>read("$.data.plan.applyProgress.state")).isEqualTo("DONE");
	}

	private GraphQlHttp.Response awaitApplied(String planId) {
		long deadline = System.nanoTime() + 180_000_000_000L;
		GraphQlHttp.Response plan;
		do {
			sleep(200);
			plan = this.api.query("query($id: ID!) { plan(id: $id) { status applyProgress { state message } } }",
					Map.of("id", planId), this.admin);
		}
		while ("RUNNING".equals(plan.read("$.data.plan.applyProgress.state")) && System.nanoTime() < deadline);
		return plan;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, String> communesOf(String provinceId, String date) {
		Map<String, String> communes = new TreeMap<>();
		String after = null;
		do {
			Map<String, Object> variables = new HashMap<>();
			variables.put("id", provinceId);
			variables.put("after", after);
			GraphQlHttp.Response page = this.api
				.query("""
						query($id: ID!, $after: String) { unit(id: $id, asOf: "%s") { children(level: COMMUNE, first: 100,
						  after: $after) { edges { node { code fullName typeName } } pageInfo { hasNextPage endCursor } } } }"""
					.formatted(date), variables, null);
			List<Map<String, String>> nodes = page.read("$.data.unit.children.edges[*].node");
			assertThat(nodes).as(page.body()).isNotNull();
			nodes.forEach((node) -> communes.put(node.get("code"), node.get("fullName") + "|" + node.get("typeName")));
			after = Boolean.TRUE.equals(page.read("$.data.unit.children.pageInfo.hasNextPage"))
					? page.read("$.data.unit.children.pageInfo.endCursor") : null;
		}
		while (after != null);
		return communes;
	}

	private String createPlan(String title, List<String> scope) {
		GraphQlHttp.Response response = this.api
			.query("""
					mutation($title: String!, $scope: [ID!]!) { createPlan(input: { title: $title, scopeIds: $scope,
					  effectiveDate: "2025-07-01", abolishedLevels: [DISTRICT] }) { plan { id } userErrors { code message } } }""",
					Map.of("title", title, "scope", scope), this.admin);
		String id = response.read("$.data.createPlan.plan.id");
		assertThat(id).as(response.body()).isNotNull();
		return id;
	}

	private GraphQlHttp.Response importPlan(String planId, String csv) {
		GraphQlHttp.Response response = this.api.query("""
				mutation($csv: String!, $id: ID!) { importPlan(input: { planId: $id, csv: $csv }) {
				  errors { line column code message } userErrors { code message }
				  plan { version validation { errorCount issues(first: 50) { rule severity message } } } } }""",
				Map.of("csv", csv, "id", planId), this.admin);
		assertThat(response.<List<?>>read("$.data.importPlan.errors")).as(response.body()).isEmpty();
		assertThat(response.<List<?>>read("$.data.importPlan.userErrors")).as(response.body()).isEmpty();
		return response;
	}

	private Map<String, Integer> ruleCounts(String planId) {
		GraphQlHttp.Response response = this.api.query(
				"query($id: ID!) { plan(id: $id) { validation { rules { rule count } } } }", Map.of("id", planId),
				this.admin);
		Map<String, Integer> counts = new HashMap<>();
		List<Map<String, Object>> rules = response.read("$.data.plan.validation.rules");
		rules.forEach((rule) -> counts.put((String) rule.get("rule"), (Integer) rule.get("count")));
		return counts;
	}

	private int version(String planId) {
		return this.api.query("query($id: ID!) { plan(id: $id) { version } }", Map.of("id", planId), this.admin)
			.<Integer>read("$.data.plan.version");
	}

	private String unitId(String code, String level, String date) {
		GraphQlHttp.Response response = this.api.query("""
				query($code: String!) { unitByCode(code: $code, level: %s, asOf: "%s") { id } }""".formatted(level,
				date), Map.of("code", code), null);
		String id = response.read("$.data.unitByCode.id");
		assertThat(id).as(code + " " + response.body()).isNotNull();
		return id;
	}

	private static String text(String resource) throws IOException {
		try (InputStream in = NationalReformIntegrationTest.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static List<Map<String, String>> csv(String resource) throws IOException {
		List<String> lines = text(resource).lines().toList();
		String[] header = lines.get(0).split(",", -1);
		List<Map<String, String>> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.split(",", -1);
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < header.length; i++) {
				row.put(header[i], (i < fields.length) ? fields[i] : "");
			}
			rows.add(row);
		}
		return rows;
	}

}

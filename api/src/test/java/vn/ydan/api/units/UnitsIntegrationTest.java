package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;
import vn.ydan.api.MongoCommands;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public reads of the registry over HTTP, without a token, on the API as it starts
 * the first time (with the national registry before 2025 loaded).
 */
class UnitsIntegrationTest extends ApiIntegrationTest {

	private static final String PAGE_OF_COMMUNES = """
			{ units(level: COMMUNE, asOf: "2025-06-30", first: %d) {
			    totalCount
			    edges { node { code fullName parent { code fullName parent { code fullName } } } }
			} }""";

	@Autowired
	private RegistryReadModel registry;

	@Autowired
	private MongoCommands commands;

	@Autowired
	private RegistryResponseCache answers;

	@Test
	void firstStartAnswers63Provinces696DistrictsAnd10035CommunesAsOf20250630() {
		Response response = this.api.query("""
				{ p: units(level: PROVINCE, asOf: "2025-06-30") { totalCount }
				  d: units(level: DISTRICT, asOf: "2025-06-30") { totalCount }
				  c: units(level: COMMUNE, asOf: "2025-06-30") { totalCount }
				  x: units(type: XA, asOf: "2025-06-30") { totalCount } }""", null);

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<Integer>read("$.data.p.totalCount")).isEqualTo(63);
		assertThat(response.<Integer>read("$.data.d.totalCount")).isEqualTo(696);
		assertThat(response.<Integer>read("$.data.c.totalCount")).isEqualTo(10_035);
		assertThat(response.<Integer>read("$.data.x.totalCount")).isEqualTo(7_692);
	}

	@Test
	void unitByCodeWithItsParentsWithoutAToken() {
		Response response = this.api.query("""
				{ unitByCode(code: "00004", level: COMMUNE, asOf: "2025-06-30") {
				    id code name fullName level type typeName validFrom validTo asOf version
				    parent { code fullName } ancestors { code level } } }""", null);

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<String>read("$.data.unitByCode.fullName")).isEqualTo("Phường Trúc Bạch");
		assertThat(response.<String>read("$.data.unitByCode.type")).isEqualTo("PHUONG");
		assertThat(response.<String>read("$.data.unitByCode.typeName")).isEqualTo("phường");
		assertThat(response.<String>read("$.data.unitByCode.asOf")).isEqualTo("2025-06-30");
		assertThat(response.<Object>read("$.data.unitByCode.validFrom")).isNull();
		assertThat(response.<String>read("$.data.unitByCode.parent.fullName")).isEqualTo("Quận Ba Đình");
		assertThat(response.<List<String>>read("$.data.unitByCode.ancestors[*].code")).containsExactly("001", "01");
		assertThat(response.<String>read("$.data.unitByCode.id")).doesNotContain("00004");
	}

	@Test
	void aProvinceHasNoParentAndThatIsNotAnError() {
		Response response = this.api
			.query("""
					{ unitByCode(code: "01", level: PROVINCE, asOf: "2025-06-30") { fullName parent { code } ancestors { code } } }""",
					null);

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<String>read("$.data.unitByCode.fullName")).isEqualTo("Thành phố Hà Nội");
		assertThat(response.<Object>read("$.data.unitByCode.parent")).isNull();
		assertThat(response.<List<?>>read("$.data.unitByCode.ancestors")).isEmpty();
	}

	@Test
	void unitAndNodeByGlobalId() {
		String id = this.api.query("{ unitByCode(code: \"01\") { id } }", null).read("$.data.unitByCode.id");

		Response unit = this.api.query(
				"{ unit(id: \"" + id + "\") { fullName } node(id: \"" + id + "\") { id ... on Unit { code } } }", null);

		assertThat(unit.<String>read("$.data.unit.fullName")).as(unit.toString()).isEqualTo("Thành phố Hà Nội");
		assertThat(unit.<String>read("$.data.node.id")).isEqualTo(id);
		assertThat(unit.<String>read("$.data.node.code")).isEqualTo("01");
	}

	@Test
	void searchIgnoresDiacriticsAndCase() {
		assertThat(searchNames("hoan kiem")).containsExactly("Quận Hoàn Kiếm");
		assertThat(searchNames("HOÀN KIẾM")).containsExactly("Quận Hoàn Kiếm");
		assertThat(searchNames("dong da")).first().isEqualTo("Quận Đống Đa");
		assertThat(searchNames("quan dong da")).containsExactly("Quận Đống Đa");
		assertThat(searchNames("phuong phuc xa")).containsExactly("Phường Phúc Xá");
		assertThat(searchNames("oan kiem")).isEmpty();
	}

	@Test
	void searchCombinesWithLevelAndParent() {
		String hanoi = this.api.query("{ unitByCode(code: \"01\") { id } }", null).read("$.data.unitByCode.id");

		Response response = this.api.query("{ units(search: \"ba dinh\", level: DISTRICT, parentId: \"" + hanoi
				+ "\") { totalCount edges { node { fullName } } } }", null);

		assertThat(response.<List<String>>read("$.data.units.edges[*].node.fullName")).as(response.toString())
			.containsExactly("Quận Ba Đình");
	}

	@Test
	void pagesFollowEachOtherByCursor() {
		Response first = this.api.query(
				"{ units(level: PROVINCE, first: 40) { edges { node { code } } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
				null);
		String cursor = first.read("$.data.units.pageInfo.endCursor");
		Response second = this.api.query(
				"{ units(level: PROVINCE, first: 40, after: \"" + cursor
						+ "\") { totalCount edges { node { code } } pageInfo { hasNextPage hasPreviousPage } } }",
				null);

		assertThat(first.<Boolean>read("$.data.units.pageInfo.hasNextPage")).isTrue();
		assertThat(first.<Boolean>read("$.data.units.pageInfo.hasPreviousPage")).isFalse();
		assertThat(second.<List<String>>read("$.data.units.edges[*].node.code")).hasSize(23)
			.doesNotContainAnyElementsOf(first.read("$.data.units.edges[*].node.code"));
		assertThat(second.<Boolean>read("$.data.units.pageInfo.hasNextPage")).isFalse();
		assertThat(second.<Boolean>read("$.data.units.pageInfo.hasPreviousPage")).isTrue();
		assertThat(second.<Integer>read("$.data.units.totalCount")).isEqualTo(63);
	}

	@Test
	void moreThan100APageIsABadRequest() {
		Response response = this.api.query("{ units(first: 101) { totalCount } }", null);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void badCursorIsABadRequest() {
		Response response = this.api.query("{ units(after: \"not-a-cursor\") { totalCount } }", null);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void childrenAndCountsByTypeUnderAProvince() {
		Response response = this.api.query("""
				{ unitByCode(code: "01") {
				    children(first: 2) { totalCount edges { node { fullName } } }
				    communes: children(level: COMMUNE) { totalCount }
				    childCounts { level type typeName count } } }""", null);

		assertThat(response.<Integer>read("$.data.unitByCode.children.totalCount")).as(response.toString())
			.isEqualTo(30);
		assertThat(response.<List<String>>read("$.data.unitByCode.children.edges[*].node.fullName"))
			.containsExactly("Quận Ba Đình", "Quận Hoàn Kiếm");
		assertThat(response.<Integer>read("$.data.unitByCode.communes.totalCount")).isZero();
		List<Map<String, Object>> counts = response.read("$.data.unitByCode.childCounts");
		assertThat(counts).extracting((count) -> count.get("type") + "=" + count.get("count"))
			.containsExactly("QUAN=12", "HUYEN=17", "THI_XA=1", "PHUONG=160", "XA=345", "THI_TRAN=21");
		assertThat(counts.get(3)).containsEntry("typeName", "phường").containsEntry("level", "COMMUNE");
	}

	@Test
	void unitsOfTheNationalFileAreValidSinceBeforeTheRecords() {
		Response response = this.api.query("""
				{ units(level: PROVINCE, asOf: "1990-01-01") { totalCount }
				  unitByCode(code: "01", asOf: "1990-01-01") { fullName asOf history { validFrom validTo } } }""",
				null);

		// Units of the national file are valid since before the registry's records.
		assertThat(response.<Integer>read("$.data.units.totalCount")).as(response.toString()).isEqualTo(63);
		assertThat(response.<String>read("$.data.unitByCode.asOf")).isEqualTo("1990-01-01");
		assertThat(response.<List<Object>>read("$.data.unitByCode.history")).hasSize(1);
	}

	@Test
	void lineageShowsPredecessorsAndSuccessorsWithTheLegalBasis() {
		Snapshot snapshot = this.registry.current();
		AdministrativeUnit phucXa = snapshot.holding("00001", UnitLevel.COMMUNE, LocalDate.of(2025, 6, 30));
		AdministrativeUnit trucBach = snapshot.holding("00004", UnitLevel.COMMUNE, LocalDate.of(2025, 6, 30));
		// Written straight to the store, as the plan issue will: Phúc Xá went whole into
		// Trúc Bạch (a stand-in successor; the real one comes with the plans).
		this.registry.record(List.of(new Lineage("lineage-test-1", phucXa.id(), trucBach.id(), LineageRelation.WHOLE,
				"whole", LocalDate.of(2025, 7, 1), "Nghị quyết 1656/NQ-UBTVQH15, Điều 1, khoản 1")));

		Response response = this.api.query(
				"""
						{ from: unitByCode(code: "00001", asOf: "2025-06-30") {
						    successors { relation detail effectiveDate legalBasis unit { code asOf } } predecessors { relation } }
						  to: unitByCode(code: "00004", asOf: "2025-06-30") {
						    predecessors { relation effectiveDate unit { code fullName asOf } } } }""",
				null);

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<List<Object>>read("$.data.from.predecessors")).isEmpty();
		assertThat(response.<String>read("$.data.from.successors[0].relation")).isEqualTo("WHOLE");
		assertThat(response.<String>read("$.data.from.successors[0].detail")).isEqualTo("whole");
		assertThat(response.<String>read("$.data.from.successors[0].effectiveDate")).isEqualTo("2025-07-01");
		assertThat(response.<String>read("$.data.from.successors[0].legalBasis")).contains("1656/NQ-UBTVQH15");
		assertThat(response.<String>read("$.data.from.successors[0].unit.code")).isEqualTo("00004");
		assertThat(response.<String>read("$.data.from.successors[0].unit.asOf")).isEqualTo("2025-07-01");
		assertThat(response.<String>read("$.data.to.predecessors[0].unit.fullName")).isEqualTo("Phường Phúc Xá");
		assertThat(response.<String>read("$.data.to.predecessors[0].unit.asOf")).isEqualTo("2025-06-30");
	}

	@Test
	void aPageOf100CommunesWithDistrictAndProvinceCostsAConstantNumberOfStoreCommands() {
		Response[] responses = new Response[2];
		List<MongoCommands.Sent> ten = requestCommands(
				() -> responses[0] = this.api.query(PAGE_OF_COMMUNES.formatted(10), null));
		List<MongoCommands.Sent> hundred = requestCommands(
				() -> responses[1] = this.api.query(PAGE_OF_COMMUNES.formatted(100), null));

		assertThat(responses[1].<List<String>>read("$.data.units.edges[*].node.parent.parent.code"))
			.as(responses[1].toString())
			.hasSize(100);
		assertThat(responses[0].<List<String>>read("$.data.units.edges[*].node.code")).hasSize(10);
		// Reads come from the read model: no command at all, whatever the page size.
		assertThat(hundred).hasSameSizeAs(ten);
		assertThat(hundred).isEmpty();
	}

	@Test
	void aRepeatedAnonymousQueryIsAnsweredFromMemoryUntilTheRegistryChanges() {
		String query = "{ units(level: PROVINCE, first: 1) { edges { node { code successors { unit { code } } } } } }";
		Response first = this.api.query(query, null);
		long hits = this.answers.hits();

		Response again = this.api.query(query, null);
		assertThat(this.answers.hits()).isEqualTo(hits + 1);
		// The data only: extensions.cost differs (each answer is charged to the budget).
		assertThat(again.<Object>read("$.data")).isEqualTo(first.<Object>read("$.data"));

		Snapshot snapshot = this.registry.current();
		AdministrativeUnit hanoi = snapshot.holding("01", UnitLevel.PROVINCE, LocalDate.of(2025, 6, 30));
		AdministrativeUnit haGiang = snapshot.holding("02", UnitLevel.PROVINCE, LocalDate.of(2025, 6, 30));
		this.registry.record(List.of(new Lineage("lineage-test-2", hanoi.id(), haGiang.id(), LineageRelation.PART,
				"part_area_only", LocalDate.of(2099, 1, 1), null)));
		Response afterWrite = this.api.query(query, null);

		assertThat(this.answers.hits()).isEqualTo(hits + 1);
		assertThat(afterWrite.<List<String>>read("$.data.units.edges[0].node.successors[*].unit.code"))
			.as(afterWrite.toString())
			.containsExactly("02");
	}

	@Test
	void queriesWithATokenOrOtherRootFieldsAreNotAnsweredFromMemory() {
		String token = issuer.tokenFor("doitac", "Hoàng Văn Em", "partner");
		String registry = "{ units(level: DISTRICT, first: 1) { totalCount } }";
		String mixed = "{ units(level: DISTRICT, first: 1) { totalCount } me { username } }";
		this.api.query(registry, token);
		this.api.query(mixed, token);
		this.api.query(mixed, null);
		long hits = this.answers.hits();

		this.api.query(registry, token);
		this.api.query(mixed, token);
		Response anonymousMixed = this.api.query(mixed, null);

		assertThat(this.answers.hits()).isEqualTo(hits);
		assertThat(anonymousMixed.<String>read("$.errors[0].extensions.code")).isEqualTo("UNAUTHORIZED");
	}

	/**
	 * Commands sent while serving a request (the revision check runs on its own thread).
	 */
	private List<MongoCommands.Sent> requestCommands(Runnable request) {
		return this.commands.during(request).stream().filter((sent) -> !sent.byPoller()).toList();
	}

	private List<String> searchNames(String search) {
		Response response = this.api
			.query("{ units(search: \"" + search + "\", asOf: \"2025-06-30\") { edges { node { fullName } } } }", null);
		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		return response.read("$.data.units.edges[*].node.fullName");
	}

}

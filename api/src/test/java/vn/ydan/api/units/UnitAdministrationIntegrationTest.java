package vn.ydan.api.units;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlHttp.Response;
import vn.ydan.api.LocalIssuer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's mutations over HTTP with tokens: who may import and edit, the Vietnamese
 * {@code userErrors}, optimistic concurrency, and dates. Starts from an empty registry
 * and a small fixture (importing it before each test changes nothing after the first
 * time).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnitAdministrationIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROVINCES = """
			code,name,full_name,type
			01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương
			02,Hà Giang,Tỉnh Hà Giang,tỉnh
			""";

	private static final String DISTRICTS = """
			code,name,full_name,type,province_code
			001,Ba Đình,Quận Ba Đình,quận,01
			024,Hà Giang,Thành phố Hà Giang,thành phố thuộc tỉnh,02
			""";

	private static final String COMMUNES = """
			code,name,full_name,type,district_code,province_code
			00001,Phúc Xá,Phường Phúc Xá,phường,001,01
			00004,Trúc Bạch,Phường Trúc Bạch,phường,001,01
			00006,Vĩnh Phúc,Phường Vĩnh Phúc,phường,001,01
			00008,Cống Vị,Phường Cống Vị,phường,001,01
			00010,Liễu Giai,Phường Liễu Giai,phường,001,01
			00688,Quang Trung,Phường Quang Trung,phường,024,02
			""";

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	@LocalServerPort
	private int port;

	private GraphQlHttp api;

	/** Its own store: {@link ApiIntegrationTest}'s context holds the other one open. */
	@DynamicPropertySource
	static void emptyRegistry(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.enabled", () -> "false");
	}

	@BeforeEach
	void fixture() {
		this.api = new GraphQlHttp(this.port);
		importAsAdmin("PROVINCES", PROVINCES, null);
		importAsAdmin("DISTRICTS", DISTRICTS, null);
		importAsAdmin("COMMUNES", COMMUNES, null);
	}

	@Test
	void adminImportsAFileAndAgainChangesNothing() {
		Response again = importUnits("COMMUNES", COMMUNES, null, this.admin);

		assertThat(again.<Object>read("$.errors")).as(again.toString()).isNull();
		assertThat(again.<Integer>read("$.data.importUnits.created")).isZero();
		assertThat(again.<Integer>read("$.data.importUnits.updated")).isZero();
		assertThat(again.<Integer>read("$.data.importUnits.unchanged")).isEqualTo(6);
		assertThat(again.<Integer>read("$.data.importUnits.rows")).isEqualTo(6);
	}

	@Test
	void aBadFileComesBackWithRowErrorsAndNothingIsWritten() {
		Response response = importUnits("COMMUNES", """
				code,name,full_name,type,district_code,province_code
				00013,Ngọc Hà,Phường Ngọc Hà,phường,001,01
				00016,,Phường Không Tên,phường,001,01
				00019,Điện Biên,Phường Điện Biên,phường,999,01
				""", null, this.admin);

		assertThat(response.<List<Map<String, Object>>>read("$.data.importUnits.errors")).as(response.toString())
			.extracting((error) -> error.get("line") + " " + error.get("column") + " " + error.get("code"))
			.containsExactly("3 name NAME_EMPTY", "4 district_code PARENT_UNKNOWN");
		assertThat(response.<String>read("$.data.importUnits.errors[1].message"))
			.isEqualTo("Không tìm thấy đơn vị cấp huyện mã 999 (dòng 4)");
		assertThat(this.api.query("{ unitByCode(code: \"00013\") { id } }", null).<Object>read("$.data.unitByCode"))
			.isNull();
	}

	@Test
	void officialMayNotImport() {
		Response response = importUnits("PROVINCES", PROVINCES, null,
				issuer.tokenFor("canbo", "Trần Thị Bình", "official"));

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void anonymousMayNotImport() {
		Response response = importUnits("PROVINCES", PROVINCES, null, null);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("UNAUTHORIZED");
	}

	@Test
	void adminCorrectsAUnitAndItsVersionGoesUp() {
		Map<String, Object> before = unit("00006");

		Response response = update(before.get("id"), "areaKm2: 0.55, population: 15000, households: 4100", this.admin);

		assertThat(response.<List<Object>>read("$.data.updateUnit.userErrors")).as(response.toString()).isEmpty();
		assertThat(response.<Double>read("$.data.updateUnit.unit.areaKm2")).isEqualTo(0.55);
		assertThat(response.<Integer>read("$.data.updateUnit.unit.households")).isEqualTo(4100);
		assertThat(response.<Integer>read("$.data.updateUnit.unit.version"))
			.isEqualTo((Integer) before.get("version") + 1);
		// A later import without these columns keeps them.
		importAsAdmin("COMMUNES", COMMUNES, null);
		assertThat(unit("00006")).containsEntry("households", 4100);
	}

	@Test
	void officialWhoseScopeCoversTheUnitMayCorrectIt() {
		String official = officialWithScope(List.of("001"));

		Response response = update(unit("00008").get("id"),
				"name: \"Cống Vị\", fullName: \"Phường Cống Vị\", households: 5200", official);

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<Integer>read("$.data.updateUnit.unit.households")).isEqualTo(5200);
	}

	@Test
	void officialOutOfScopeIsForbidden() {
		String official = officialWithScope(List.of("02"));

		Response response = update(unit("00010").get("id"), "households: 1", official);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString()).isEqualTo("FORBIDDEN");
		assertThat(unit("00010").get("households")).isNull();
	}

	@Test
	void officialWithoutAScopeIsForbidden() {
		Response response = update(unit("00010").get("id"), "households: 1",
				issuer.tokenFor("canbo", "Trần Thị Bình", "official"));

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void partnerMayNotEditEvenWithAScopeClaim() {
		String partner = issuer.token((claims) -> claims.claim("preferred_username", "doitac")
			.claim("realm_access", Map.of("roles", List.of("partner")))
			.claim("ydan_scope", List.of("01")));

		Response response = update(unit("00010").get("id"), "households: 1", partner);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void emptyNameComesBackAsAUserErrorInVietnamese() {
		Response response = update(unit("00001").get("id"), "name: \"  \"", this.admin);

		assertThat(response.<Object>read("$.data.updateUnit.unit")).as(response.toString()).isNull();
		assertThat(response.<List<String>>read("$.data.updateUnit.userErrors[0].field")).containsExactly("input",
				"name");
		assertThat(response.<String>read("$.data.updateUnit.userErrors[0].message"))
			.isEqualTo("Tên không được để trống");
		assertThat(response.<String>read("$.data.updateUnit.userErrors[0].code")).isEqualTo("NAME_EMPTY");
	}

	@Test
	void aStaleExpectedVersionIsAConflictAndChangesNothing() {
		Map<String, Object> before = unit("00004");
		int version = (Integer) before.get("version");
		Response first = update(before.get("id"), "population: 8000, expectedVersion: " + version, this.admin);
		assertThat(first.<List<Object>>read("$.data.updateUnit.userErrors")).as(first.toString()).isEmpty();

		Response second = update(before.get("id"), "population: 9000, expectedVersion: " + version, this.admin);

		assertThat(second.<String>read("$.data.updateUnit.userErrors[0].code")).as(second.toString())
			.isEqualTo("VERSION_CONFLICT");
		assertThat(second.<String>read("$.data.updateUnit.userErrors[0].message"))
			.contains("phiên bản hiện tại: " + (version + 1));
		assertThat(unit("00004")).containsEntry("population", 8000);
	}

	@Test
	void officialAddsAResidentialGroupWithItsHouseholds() {
		String official = officialWithScope(List.of("00688"));
		Object commune = unit("00688").get("id");

		Response added = addGroup(commune, "code: \"05\", name: \"Tổ dân phố số 5\", type: TO_DAN_PHO, households: 120",
				official);
		Response again = addGroup(commune, "name: \"tổ dân phố SỐ 5\", type: TO_DAN_PHO, households: 3", official);
		Response children = this.api.query("{ unit(id: \"" + commune
				+ "\") { children(level: RESIDENTIAL_GROUP) { totalCount edges { node { fullName households typeName parent { code } } } } } }",
				null);

		assertThat(added.<Object>read("$.errors")).as(added.toString()).isNull();
		assertThat(added.<String>read("$.data.addResidentialGroup.unit.level")).isEqualTo("RESIDENTIAL_GROUP");
		assertThat(again.<String>read("$.data.addResidentialGroup.userErrors[0].code")).as(again.toString())
			.isEqualTo("NAME_TAKEN");
		assertThat(children.<List<String>>read("$.data.unit.children.edges[*].node.fullName")).as(children.toString())
			.containsExactly("Tổ dân phố số 5");
		assertThat(children.<List<Integer>>read("$.data.unit.children.edges[*].node.households")).containsExactly(120);
		assertThat(children.<List<String>>read("$.data.unit.children.edges[*].node.parent.code"))
			.containsExactly("00688");
	}

	@Test
	void aResidentialGroupNeedsAResidentialGroupType() {
		Response response = addGroup(unit("00688").get("id"), "name: \"Tổ 9\", type: XA, households: 10", this.admin);

		assertThat(response.<String>read("$.data.addResidentialGroup.userErrors[0].code")).as(response.toString())
			.isEqualTo("TYPE_WRONG_LEVEL");
	}

	@Test
	void officialOutOfScopeMayNotAddAGroup() {
		Response response = addGroup(unit("00688").get("id"), "name: \"Thôn Mới\", type: THON, households: 10",
				officialWithScope(List.of("01")));

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void asOfSelectsTheUnitHoldingACodeOnThatDate() {
		// 00006 ends on 2025-07-01 and a new unit takes its code, directly below the
		// province.
		importAsAdmin("COMMUNES", """
				code,name,full_name,type,district_code,province_code,valid_to
				00006,Vĩnh Phúc,Phường Vĩnh Phúc,phường,001,01,2025-07-01
				""", null);
		importAsAdmin("COMMUNES", """
				code,name,full_name,type,district_code,province_code
				00006,Ngọc Hà Mới,Phường Ngọc Hà Mới,phường,,01
				""", "2025-07-01");

		Response response = this.api.query("""
				{ before: unitByCode(code: "00006", asOf: "2025-06-30") { id fullName validTo parent { level } }
				  after: unitByCode(code: "00006", asOf: "2025-07-01") { id fullName validFrom parent { level } }
				  june: units(level: COMMUNE, parentId: "%s", asOf: "2025-06-30") { totalCount }
				  july: units(level: COMMUNE, asOf: "2025-07-01", search: "vinh phuc") { totalCount } }"""
			.formatted(unit("01").get("id")), null);

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<String>read("$.data.before.fullName")).isEqualTo("Phường Vĩnh Phúc");
		assertThat(response.<String>read("$.data.before.validTo")).isEqualTo("2025-07-01");
		assertThat(response.<String>read("$.data.before.parent.level")).isEqualTo("DISTRICT");
		assertThat(response.<String>read("$.data.after.fullName")).isEqualTo("Phường Ngọc Hà Mới");
		assertThat(response.<String>read("$.data.after.validFrom")).isEqualTo("2025-07-01");
		assertThat(response.<String>read("$.data.after.parent.level")).isEqualTo("PROVINCE");
		assertThat(response.<String>read("$.data.after.id")).isNotEqualTo(response.read("$.data.before.id"));
		assertThat(response.<Integer>read("$.data.june.totalCount")).isZero();
		assertThat(response.<Integer>read("$.data.july.totalCount")).isZero();
	}

	private Map<String, Object> unit(String code) {
		Response response = this.api.query(
				"{ unitByCode(code: \"" + code + "\") { id version fullName households population areaKm2 } }", null);
		Map<String, Object> unit = response.read("$.data.unitByCode");
		assertThat(unit).as(response.toString()).isNotNull();
		return unit;
	}

	private Response update(Object id, String fields, String token) {
		return this.api.query("mutation { updateUnit(input: { id: \"" + id + "\", " + fields
				+ " }) { unit { id version name households population areaKm2 } userErrors { field message code } } }",
				token);
	}

	private Response addGroup(Object communeId, String fields, String token) {
		return this.api.query("mutation { addResidentialGroup(input: { communeId: \"" + communeId + "\", " + fields
				+ " }) { unit { id level fullName households } userErrors { field message code } } }", token);
	}

	private String officialWithScope(List<String> scope) {
		return issuer.token((claims) -> claims.claim("preferred_username", "canbo")
			.claim("realm_access", Map.of("roles", List.of("official")))
			.claim("ydan_scope", scope));
	}

	private void importAsAdmin(String kind, String csv, String validFrom) {
		Response response = importUnits(kind, csv, validFrom, this.admin);
		assertThat(response.<List<Object>>read("$.data.importUnits.errors")).as(response.toString()).isEmpty();
	}

	private Response importUnits(String kind, String csv, String validFrom, String token) {
		String query = "mutation { importUnits(input: { kind: " + kind + ", csv: " + JSON.writeValueAsString(csv)
				+ ((validFrom != null) ? ", validFrom: \"" + validFrom + "\"" : "")
				+ " }) { created updated unchanged rows durationMs errors { line column message code } } }";
		return this.api.query(query, token);
	}

}

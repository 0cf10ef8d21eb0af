package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlHttp.Response;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.units.LineageRelation;
import vn.ydan.api.units.Restructuring;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.UnitType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residential groups and their community teams over HTTP: importing groups for one's own
 * communes, the teams' rules and flags, personal data kept from the public, the public
 * figures, and teams moving with their groups when a restructuring applies. Its own small
 * registry (two districts of Hà Nội, one commune of Hà Giang), no demo data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CommunityTeamsIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String UNITS = """
			code,name,full_name,type,district_code,district_name,district_full_name,district_type
			00001,Phúc Xá,Phường Phúc Xá,phường,001,Ba Đình,Quận Ba Đình,quận
			00004,Trúc Bạch,Phường Trúc Bạch,phường,001,Ba Đình,Quận Ba Đình,quận
			00037,Phúc Tân,Phường Phúc Tân,phường,002,Hoàn Kiếm,Quận Hoàn Kiếm,quận
			00040,Đồng Xuân,Phường Đồng Xuân,phường,002,Hoàn Kiếm,Quận Hoàn Kiếm,quận
			""";

	private static final String GROUPS = """
			commune_code,code,name,type,households
			00001,1,Tổ dân phố 1,tổ dân phố,120
			00001,2,Tổ dân phố 2,tổ dân phố,95
			00004,1,Tổ dân phố 1,tổ dân phố,80
			00037,1,Tổ dân phố 1,tổ dân phố,60
			""";

	private static final String TEAMS = """
			query($id: ID!) { unit(id: $id) { communityTeams { group { id name } flags
			  teams { id kind established belowMinimum version members { name role } } } } }
			""";

	private static final String DETAILS = """
			query($id: ID!) { unit(id: $id) { communityTeams { teams { decision { number signer } history { text } } } } }
			""";

	private static final String SAVE = """
			mutation($input: SaveCommunityTeamInput!) { saveCommunityTeam(input: $input) {
			  team { id version established members { id name } } userErrors { field code message } } }
			""";

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	/** Official of Quận Ba Đình (001). */
	private final String official = token("canbo", "official", "001");

	/** Clerk of Phường Phúc Xá (00001). */
	private final String clerk = token("thuky", "clerk", "00001");

	@LocalServerPort
	private int port;

	@Autowired
	private UnitRegistry registry;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void emptyRegistry(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.enabled", () -> "false");
	}

	@BeforeEach
	void fixture() {
		this.api = new GraphQlHttp(this.port);
		assertThat(query("mutation { importUnits(input: { kind: PROVINCES, csv: "
				+ JSON.writeValueAsString(
						"code,name,full_name,type\n01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương\n")
				+ " }) { errors { code } } }", Map.of(), this.admin)
			.<List<Object>>read("$.data.importUnits.errors")).isEmpty();
		assertThat(query("mutation { importUnits(input: { kind: HANOI_UNITS_BEFORE, csv: "
				+ JSON.writeValueAsString(UNITS) + " }) { errors { code } } }", Map.of(), this.admin)
			.<List<Object>>read("$.data.importUnits.errors")).isEmpty();
		Response groups = importGroups(GROUPS, this.admin);
		assertThat(groups.<List<Object>>read("$.data.importResidentialGroups.errors")).as(groups.toString()).isEmpty();
	}

	@Test
	void anOfficialImportsGroupsOfTheirCommunesAndAFileWithAnotherCommuneIsRefusedWhole() {
		Response refused = importGroups("""
				commune_code,code,name,type,households
				00004,7,Tổ dân phố 7,tổ dân phố,40
				00037,7,Tổ dân phố 7,tổ dân phố,40
				""", this.official);

		assertThat(refused.<List<Map<String, Object>>>read("$.data.importResidentialGroups.errors"))
			.as(refused.toString())
			.extracting((error) -> error.get("line") + " " + error.get("code"))
			.containsExactly("3 OUT_OF_SCOPE");
		assertThat(groupNames("00004")).doesNotContain("Tổ dân phố 7");

		Response accepted = importGroups("""
				commune_code,code,name,type,households
				00004,7,Tổ dân phố 7,tổ dân phố,40
				""", this.official);
		assertThat(accepted.<Integer>read("$.data.importResidentialGroups.created")).as(accepted.toString())
			.isEqualTo(1);
		assertThat(groupNames("00004")).contains("Tổ dân phố 7");
	}

	@Test
	void aGroupCodeTakenByAnotherGroupIsATypedRowError() {
		Response response = importGroups("""
				commune_code,code,name,type,households
				00001,5,Tổ dân phố 1,tổ dân phố,10
				""", this.clerk);

		assertThat(response.<List<Map<String, Object>>>read("$.data.importResidentialGroups.errors"))
			.as(response.toString())
			.extracting((error) -> error.get("line") + " " + error.get("code"))
			.containsExactly("2 NAME_TAKEN");
		Response code = importGroups("""
				commune_code,code,name,type,households
				00001,2,Tổ dân phố 9,tổ dân phố,10
				""", this.clerk);
		assertThat(code.<List<Map<String, Object>>>read("$.data.importResidentialGroups.errors")).as(code.toString())
			.extracting((error) -> error.get("column") + " " + error.get("code"))
			.containsExactly("code CODE_TAKEN");
	}

	@Test
	void aTeamBelowItsMinimumCannotBeMarkedEstablishedAndIsFlagged() {
		String group = groupId("00001", "1");

		Response refused = save(team(group, true, members("Nguyễn Văn An", "Trần Thị Bình")), this.clerk);
		assertThat(refused.<List<String>>read("$.data.saveCommunityTeam.userErrors[*].code")).as(refused.toString())
			.containsExactly("TEAM_BELOW_MINIMUM");

		Response draft = save(team(group, false, members("Nguyễn Văn An", "Trần Thị Bình")), this.clerk);
		assertThat(draft.<List<Object>>read("$.data.saveCommunityTeam.userErrors")).as(draft.toString()).isEmpty();
		Response teams = query(TEAMS, Map.of("id", communeId("00001")), this.clerk);
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].flags")).as(teams.toString())
			.containsExactly("NO_SECURITY_TEAM", "TEAM_BELOW_MINIMUM");
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[1].flags")).containsExactly("NO_SECURITY_TEAM");

		Map<String, Object> full = team(group, true, members("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"));
		full.put("id", draft.read("$.data.saveCommunityTeam.team.id"));
		full.put("expectedVersion", 1);
		Response established = save(full, this.clerk);
		assertThat(established.<List<Object>>read("$.data.saveCommunityTeam.userErrors")).as(established.toString())
			.isEmpty();
		assertThat(established.<Integer>read("$.data.saveCommunityTeam.team.version")).isEqualTo(2);
		Response after = query(TEAMS, Map.of("id", communeId("00001")), this.clerk);
		assertThat(after.<List<String>>read("$.data.unit.communityTeams[0].flags")).as(after.toString()).isEmpty();
		Response details = query(DETAILS, Map.of("id", communeId("00001")), this.clerk);
		assertThat(details.<String>read("$.data.unit.communityTeams[0].teams[0].decision.signer"))
			.as(details.toString())
			.isEqualTo("Phạm Văn Chủ Tịch");
	}

	@Test
	void aPersonInTwoTeamsOfTheSameKindIsRefused() {
		Response imported = importGroups("""
				commune_code,code,name,type,households
				00001,21,Tổ dân phố 21,tổ dân phố,30
				00001,22,Tổ dân phố 22,tổ dân phố,30
				""", this.admin);
		assertThat(imported.<List<Object>>read("$.data.importResidentialGroups.errors")).as(imported.toString())
			.isEmpty();
		Response first = save(team(groupId("00001", "21"), true, members("Đỗ Văn Hai", "Bùi Thị Ba", "Vũ Văn Bốn")),
				this.admin);
		assertThat(first.<List<Object>>read("$.data.saveCommunityTeam.userErrors")).as(first.toString()).isEmpty();

		Map<String, Object> second = team(groupId("00001", "22"), false, members("Đỗ Văn Hai", "Hồ Văn Năm"));
		second.put("kind", "SECURITY_AND_ORDER");
		Response refused = save(second, this.admin);
		assertThat(refused.<List<String>>read("$.data.saveCommunityTeam.userErrors[*].code")).as(refused.toString())
			.containsExactly("MEMBER_IN_TWO_TEAMS");

		second.put("kind", "SELF_MANAGEMENT");
		Response otherKind = save(second, this.admin);
		assertThat(otherKind.<List<Object>>read("$.data.saveCommunityTeam.userErrors")).as(otherKind.toString())
			.isEmpty();
		Response teamOfKindAgain = save(team(groupId("00001", "21"), false, members("Ngô Văn Sáu")), this.admin);
		assertThat(teamOfKindAgain.<List<String>>read("$.data.saveCommunityTeam.userErrors[*].code"))
			.containsExactly("TEAM_KIND_TAKEN");
	}

	@Test
	void membersArePersonalDataNeverPublicAndEveryReadIsAudited() {
		Map<String, Object> variables = Map.of("id", communeId("00004"));

		assertThat(query(TEAMS, variables, null).<String>read("$.errors[0].extensions.code")).isEqualTo("UNAUTHORIZED");
		String partner = issuer.token((claims) -> claims.claim("preferred_username", "service-account-p")
			.claim("azp", "ydan-demo-partner")
			.claim("realm_access", Map.of("roles", List.of("partner"))));
		assertThat(query(TEAMS, variables, partner).<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		assertThat(query(TEAMS, variables, this.clerk).<String>read("$.errors[0].extensions.code"))
			.isEqualTo("FORBIDDEN");
		Response save = save(team(groupId("00004", "1"), false, members("Ai Đó")), this.clerk);
		assertThat(save.<String>read("$.errors[0].extensions.code")).as(save.toString()).isEqualTo("FORBIDDEN");

		Response read = query(TEAMS, variables, this.official);
		assertThat(read.<Object>read("$.errors")).as(read.toString()).isNull();
		Response audit = query(
				"{ auditEntries(filter: { actor: \"canbo\", kind: \"read:communityTeams\" }, first: 5) { edges { node { summary } } } }",
				Map.of(), this.admin);
		assertThat(audit.<List<String>>read("$.data.auditEntries.edges[*].node.summary")).as(audit.toString())
			.contains("Xem tổ bảo vệ, tổ tự quản của Phường Trúc Bạch");
	}

	@Test
	void theFiguresArePublicCountsByLevel() {
		Response saved = save(team(groupId("00037", "1"), true, members("Mai Văn Một", "Mai Văn Hai", "Mai Văn Ba")),
				this.admin);
		assertThat(saved.<List<Object>>read("$.data.saveCommunityTeam.userErrors")).as(saved.toString()).isEmpty();

		String stats = """
				query($id: ID) { communityTeamStats(unitId: $id, asOf: "2025-06-30") { groups groupsWithTeam members
				  teamsBelowMinimum membersAtMinimum yearlyAllowancePerMember yearlyCost } }
				""";
		Response district = query(stats, Map.of("id", unitIdByCode("002", "2025-06-30")), null);
		assertThat(district.<Map<String, Object>>read("$.data.communityTeamStats")).as(district.toString())
			.containsEntry("groups", 1)
			.containsEntry("groupsWithTeam", 1)
			.containsEntry("members", 3)
			.containsEntry("membersAtMinimum", 3)
			.containsEntry("yearlyCost", 3 * 13_790_000.0);
		Response nation = query(stats, Map.of(), null);
		assertThat(nation.<Integer>read("$.data.communityTeamStats.membersAtMinimum"))
			.isEqualTo(3 * nation.<Integer>read("$.data.communityTeamStats.groups"));
		assertThat(nation.<Object>read("$.data.communityTeamStats.members")).isNotNull();
	}

	@Test
	void whenARestructuringAppliesGroupsMoveWithTheirTeamsAndTheHistoryShowsIt() {
		Response imported = importGroups("commune_code,code,name,type,households\n00040,1,Tổ dân phố 1,tổ dân phố,70\n",
				this.admin);
		assertThat(imported.<List<Object>>read("$.data.importResidentialGroups.errors")).as(imported.toString())
			.isEmpty();
		String group = groupId("00040", "1");
		Response saved = save(team(group, true, members("Lý Văn Tám", "Lý Văn Chín", "Lý Văn Mười")), this.admin);
		assertThat(saved.<List<Object>>read("$.data.saveCommunityTeam.userErrors")).as(saved.toString()).isEmpty();
		LocalDate day = LocalDate.of(2025, 7, 1);
		LocalDate before = day.minusDays(1);
		UnitRecord hanoi = this.registry.byCode("01", UnitLevel.PROVINCE, before);
		UnitRecord dongXuan = this.registry.byCode("00040", UnitLevel.COMMUNE, before);

		this.registry.restructure(
				new Restructuring("test-hoan-kiem", day,
						List.of(new Restructuring.NewUnit("HK", "90040", "Hoàn Kiếm", "Phường Hoàn Kiếm",
								UnitType.PHUONG, hanoi.id(), null, null, null, null, null)),
						List.of(dongXuan.id()), List.of(new Restructuring.GroupMove(this.registry.idOf(group), "HK")),
						List.of(new Restructuring.Link(dongXuan.id(), "HK", LineageRelation.WHOLE, null, "NQ thử"))),
				(done, total) -> {
				});

		String hoanKiem = unitIdByCode("90040", "2025-07-01");
		Response teams = query(TEAMS, Map.of("id", hoanKiem), this.admin);
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[*].teams[*].members[0].name"))
			.as(teams.toString())
			.containsExactly("Lý Văn Tám");
		Response details = query(DETAILS, Map.of("id", hoanKiem), this.admin);
		assertThat(details.<List<String>>read("$.data.unit.communityTeams[0].teams[0].history[*].text"))
			.containsExactly("Chuyển cùng Tổ dân phố 1 từ Phường Đồng Xuân sang Phường Hoàn Kiếm (NQ thử)");
		Response stats = query(
				"query($id: ID) { communityTeamStats(unitId: $id, asOf: \"2025-07-01\") { groups members } }",
				Map.of("id", hoanKiem), null);
		assertThat(stats.<Integer>read("$.data.communityTeamStats.members")).as(stats.toString()).isEqualTo(3);
	}

	private Response importGroups(String csv, String token) {
		return query("mutation($csv: String!) { importResidentialGroups(input: { csv: $csv }) "
				+ "{ created rows errors { line column code message } } }", Map.of("csv", csv), token);
	}

	private Response save(Map<String, Object> input, String token) {
		return query(SAVE, Map.of("input", input), token);
	}

	private static Map<String, Object> team(String groupId, boolean established, List<Map<String, Object>> members) {
		Map<String, Object> input = new java.util.LinkedHashMap<>();
		input.put("groupId", groupId);
		input.put("kind", "SECURITY_AND_ORDER");
		input.put("established", established);
		input.put("decision", Map.of("number", "12/QĐ-UBND", "date", "2024-08-01", "signer", "Phạm Văn Chủ Tịch"));
		input.put("members", members);
		return input;
	}

	private static List<Map<String, Object>> members(String... names) {
		List<Map<String, Object>> members = new java.util.ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			members.add(Map.of("name", names[i], "birthYear", 1970 + i, "role",
					(i == 0) ? "LEADER" : (i == 1) ? "DEPUTY" : "MEMBER"));
		}
		return members;
	}

	private List<String> groupNames(String communeCode) {
		UnitRecord commune = this.registry.byCode(communeCode, UnitLevel.COMMUNE, LocalDate.of(2025, 6, 30));
		return this.registry.children(commune.id(), LocalDate.of(2025, 6, 30)).stream().map(UnitRecord::name).toList();
	}

	private String groupId(String communeCode, String groupCode) {
		UnitRecord commune = this.registry.byCode(communeCode, UnitLevel.COMMUNE, LocalDate.of(2025, 6, 30));
		return this.registry.children(commune.id(), LocalDate.of(2025, 6, 30))
			.stream()
			.filter((group) -> groupCode.equals(group.code()))
			.findFirst()
			.orElseThrow()
			.globalId();
	}

	private String communeId(String code) {
		return unitIdByCode(code, "2025-06-30");
	}

	private String unitIdByCode(String code, String asOf) {
		return this.api.query("{ unitByCode(code: \"" + code + "\", asOf: \"" + asOf + "\") { id } }", null)
			.read("$.data.unitByCode.id");
	}

	private Response query(String document, Map<String, ?> variables, String token) {
		return this.api.query(document, variables, token);
	}

	private static String token(String username, String role, String scope) {
		return issuer.token((claims) -> claims.claim("preferred_username", username)
			.claim("realm_access", Map.of("roles", List.of(role)))
			.claim("ydan_scope", List.of(scope)));
	}

}

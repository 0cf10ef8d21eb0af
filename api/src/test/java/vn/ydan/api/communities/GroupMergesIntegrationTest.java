package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Merging and splitting residential groups over HTTP (decision 18): the registry records
 * it as history and lineage, the teams follow (members kept, a person once, one leader),
 * only officials of the commune may do it, and a request made again changes nothing. Its
 * own small registry (two districts of Hà Nội), no demo data; each test uses its own
 * groups.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GroupMergesIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String UNITS = """
			code,name,full_name,type,district_code,district_name,district_full_name,district_type
			00001,Phúc Xá,Phường Phúc Xá,phường,001,Ba Đình,Quận Ba Đình,quận
			00004,Trúc Bạch,Phường Trúc Bạch,phường,001,Ba Đình,Quận Ba Đình,quận
			00006,Vĩnh Phúc,Phường Vĩnh Phúc,phường,001,Ba Đình,Quận Ba Đình,quận
			00007,Cống Vị,Phường Cống Vị,phường,001,Ba Đình,Quận Ba Đình,quận
			00037,Phúc Tân,Phường Phúc Tân,phường,002,Hoàn Kiếm,Quận Hoàn Kiếm,quận
			00040,Đồng Xuân,Phường Đồng Xuân,phường,002,Hoàn Kiếm,Quận Hoàn Kiếm,quận
			""";

	private static final String GROUPS = """
			commune_code,code,name,type,households
			00001,1,Tổ dân phố 1,tổ dân phố,120
			00001,2,Tổ dân phố 2,tổ dân phố,95
			00004,1,Tổ dân phố 1,tổ dân phố,80
			00004,2,Tổ dân phố 2,tổ dân phố,70
			00004,3,Tổ dân phố 3,tổ dân phố,50
			00006,1,Tổ dân phố 1,tổ dân phố,40
			00006,2,Tổ dân phố 2,tổ dân phố,45
			00007,1,Tổ dân phố 1,tổ dân phố,30
			00007,3,Tổ dân phố 3,tổ dân phố,35
			00037,1,Tổ dân phố 1,tổ dân phố,60
			00040,1,Tổ dân phố 1,tổ dân phố,70
			""";

	private static final String MERGE = """
			mutation($input: MergeResidentialGroupsInput!) { mergeResidentialGroups(input: $input) {
			  groups { id code name history { validFrom validTo name } predecessors { unit { name } relation } }
			  userErrors { field code message } } }
			""";

	private static final String SPLIT = """
			mutation($input: SplitResidentialGroupInput!) { splitResidentialGroup(input: $input) {
			  groups { id code name } userErrors { field code message } } }
			""";

	private static final String TEAMS = """
			query($id: ID!, $asOf: Date) { unit(id: $id, asOf: $asOf) { communityTeams { group { id name code } flags
			  teams { id established memberCount members { name role } history { date text } } } } }
			""";

	private static final String SAVE = """
			mutation($input: SaveCommunityTeamInput!) { saveCommunityTeam(input: $input) {
			  team { id } userErrors { field code message } } }
			""";

	private static final String SAVE_MERGER = """
			mutation($input: SaveGroupMergerInput!) { saveGroupMerger(input: $input) {
			  plan { version groupMergers { key groups { id } survivor { id } name fullName type code } }
			  userErrors { field code message } } }
			""";

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	private final String secondAdmin = issuer.tokenFor("quantri2", "Lê Thị Hà", "admin");

	/** Official of Quận Ba Đình (001). */
	private final String official = token("canbo", "official", "001");

	/** Official of Hồ Chí Minh City (79). */
	private final String officialElsewhere = token("canbo79", "official", "79");

	/** Clerk of Phường Trúc Bạch (00004). */
	private final String clerk = token("thuky", "clerk", "00004");

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
		Response groups = query("mutation($csv: String!) { importResidentialGroups(input: { csv: $csv }) "
				+ "{ errors { line code message } } }", Map.of("csv", GROUPS), this.admin);
		assertThat(groups.<List<Object>>read("$.data.importResidentialGroups.errors")).as(groups.toString()).isEmpty();
	}

	@Test
	void mergingGroupsIntoTheSurvivorMergesTheirTeamsWithOneLeaderAndTheHistoryShowsIt() {
		String one = groupId("00001", "1");
		String two = groupId("00001", "2");
		assertThat(stats("00001", "2025-03-01")).containsEntry("groups", 2).containsEntry("members", 0);
		saveTeam(one, members("Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba"));
		saveTeam(two, members("Trần Thị Bốn", "Trần Thị Năm", "Trần Thị Sáu"));
		// The figures asked before are counted again after each change (teams, then
		// registry).
		assertThat(stats("00001", "2025-03-01")).containsEntry("groups", 2)
			.containsEntry("teams", 2)
			.containsEntry("members", 6);
		Map<String, Object> input = mergeInput(List.of(one, two), one, null, "2025-03-01");

		Response merged = query(MERGE, Map.of("input", input), this.official);

		assertThat(merged.<List<Object>>read("$.data.mergeResidentialGroups.userErrors")).as(merged.toString())
			.isEmpty();
		assertThat(merged.<String>read("$.data.mergeResidentialGroups.groups[0].id")).isEqualTo(one);
		assertThat(merged.<List<String>>read("$.data.mergeResidentialGroups.groups[0].predecessors[*].unit.name"))
			.containsExactly("Tổ dân phố 2");
		assertThat(groupNames("00001", "2025-03-01")).containsExactly("Tổ dân phố 1");
		assertThat(groupNames("00001", "2025-02-28")).containsExactlyInAnyOrder("Tổ dân phố 1", "Tổ dân phố 2");
		Response teams = query(TEAMS, Map.of("id", one, "asOf", "2025-03-01"), this.admin);
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[0].members[*].name"))
			.as(teams.toString())
			.containsExactly("Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba", "Trần Thị Bốn", "Trần Thị Năm", "Trần Thị Sáu");
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[0].members[*].role"))
			.containsExactly("LEADER", "DEPUTY", "MEMBER", "DEPUTY", "DEPUTY", "MEMBER");
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[0].history[*].text"))
			.containsExactly("Hợp nhất Tổ dân phố 1, Tổ dân phố 2 thành Tổ dân phố 1 (NQ 5/NQ-HĐND thử)");
		assertThat(stats("00001", "2025-03-01")).containsEntry("groups", 1)
			.containsEntry("teams", 1)
			.containsEntry("members", 6);

		Response again = query(MERGE, Map.of("input", input), this.official);

		assertThat(again.<List<Object>>read("$.data.mergeResidentialGroups.userErrors")).as(again.toString()).isEmpty();
		Response after = query(TEAMS, Map.of("id", one, "asOf", "2025-03-01"), this.admin);
		assertThat(after.<Object>read("$.data.unit.communityTeams[0].teams"))
			.isEqualTo(teams.<Object>read("$.data.unit.communityTeams[0].teams"));
	}

	@Test
	void afterACommuneMergerMovedTheirGroupsTheyMergeIntoANewGroupKeepingAPersonServingInBothOnce() {
		String phucTan = groupId("00037", "1");
		String dongXuan = groupId("00040", "1");
		saveTeam(phucTan, members("Đỗ Văn An", "Đỗ Văn Bình", "Đỗ Văn Chi"));
		// Another commune then: the same person may serve in its team.
		saveTeam(dongXuan, members("Đỗ Văn An", "Hồ Văn Dũng", "Hồ Văn Em"));
		LocalDate day = LocalDate.of(2025, 7, 1);
		UnitRecord hanoi = this.registry.byCode("01", UnitLevel.PROVINCE, day.minusDays(1));
		UnitRecord oldPhucTan = this.registry.byCode("00037", UnitLevel.COMMUNE, day.minusDays(1));
		UnitRecord oldDongXuan = this.registry.byCode("00040", UnitLevel.COMMUNE, day.minusDays(1));
		this.registry.restructure(
				new Restructuring("test-hoan-kiem-2", day,
						List.of(new Restructuring.NewUnit("HK", "90041", "Hoàn Kiếm Mới", "Phường Hoàn Kiếm Mới",
								UnitType.PHUONG, hanoi.id(), null, null, null, null, null)),
						List.of(oldPhucTan.id(), oldDongXuan.id()),
						List.of(new Restructuring.GroupMove(this.registry.idOf(phucTan), "HK"),
								new Restructuring.GroupMove(this.registry.idOf(dongXuan), "HK")),
						List.of(new Restructuring.Link(oldPhucTan.id(), "HK", LineageRelation.WHOLE, null, "NQ thử"),
								new Restructuring.Link(oldDongXuan.id(), "HK", LineageRelation.WHOLE, null, "NQ thử"))),
				(done, total) -> {
				});
		Map<String, Object> input = mergeInput(List.of(phucTan, dongXuan), null, "Tổ dân phố 9", "2026-01-01");
		input.put("code", "9");

		Response merged = query(MERGE, Map.of("input", input), this.admin);

		assertThat(merged.<List<Object>>read("$.data.mergeResidentialGroups.userErrors")).as(merged.toString())
			.isEmpty();
		String newGroup = merged.read("$.data.mergeResidentialGroups.groups[0].id");
		assertThat(newGroup).isNotIn(phucTan, dongXuan);
		assertThat(merged.<List<String>>read("$.data.mergeResidentialGroups.groups[0].predecessors[*].relation"))
			.containsExactly("WHOLE", "WHOLE");
		String hoanKiem = unitIdByCode("90041", "2026-01-01");
		Response teams = query(TEAMS, Map.of("id", hoanKiem, "asOf", "2026-01-01"), this.admin);
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[*].group.name")).as(teams.toString())
			.containsExactly("Tổ dân phố 9");
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[0].members[*].name"))
			.containsExactly("Đỗ Văn An", "Đỗ Văn Bình", "Đỗ Văn Chi", "Hồ Văn Dũng", "Hồ Văn Em");
		assertThat(teams.<List<Boolean>>read("$.data.unit.communityTeams[0].teams[*].established"))
			.containsExactly(true);
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[0].history[*].text")).hasSize(2)
			.last()
			.isEqualTo("Hợp nhất Tổ dân phố 1, Tổ dân phố 1 thành Tổ dân phố 9 (NQ 5/NQ-HĐND thử)");
	}

	@Test
	void splittingAGroupKeepsItsTeamsWithTheFirstPartAndTheNewPartIsFlagged() {
		String two = groupId("00004", "2");
		saveTeam(two, members("Vũ Văn Hai", "Vũ Văn Ba", "Vũ Văn Tư"));
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("groupId", two);
		input.put("effectiveDate", "2025-04-01");
		input.put("legalBasis", "QĐ 7/QĐ-UBND thử");
		input.put("parts", List.of(Map.of("code", "2", "name", "Tổ dân phố 2", "households", 40),
				Map.of("code", "4", "name", "Tổ dân phố 4", "households", 30)));

		Response split = query(SPLIT, Map.of("input", input), this.official);

		assertThat(split.<List<Object>>read("$.data.splitResidentialGroup.userErrors")).as(split.toString()).isEmpty();
		assertThat(split.<List<String>>read("$.data.splitResidentialGroup.groups[*].name"))
			.containsExactly("Tổ dân phố 2", "Tổ dân phố 4");
		assertThat(split.<String>read("$.data.splitResidentialGroup.groups[0].id")).isEqualTo(two);
		String four = split.read("$.data.splitResidentialGroup.groups[1].id");
		Response part = query("query($id: ID!) { unit(id: $id) { predecessors { unit { id } relation } } }",
				Map.of("id", four), null);
		assertThat(part.<List<String>>read("$.data.unit.predecessors[*].relation")).containsExactly("PART");
		assertThat(part.<List<String>>read("$.data.unit.predecessors[*].unit.id")).containsExactly(two);
		Response teams = query(TEAMS, Map.of("id", communeId("00004"), "asOf", "2025-04-01"), this.admin);
		assertThat(
				teams.<List<String>>read("$.data.unit.communityTeams[?(@.group.code == '2')].teams[0].members[0].name"))
			.as(teams.toString())
			.containsExactly("Vũ Văn Hai");
		assertThat(teams.<List<List<String>>>read("$.data.unit.communityTeams[?(@.group.code == '4')].flags"))
			.containsExactly(List.of("NO_SECURITY_TEAM"));
		assertThat(
				teams.<List<String>>read("$.data.unit.communityTeams[?(@.group.code == '2')].teams[0].history[*].text"))
			.containsExactly("Tách Tổ dân phố 2 thành Tổ dân phố 2, Tổ dân phố 4 (QĐ 7/QĐ-UBND thử)"
					+ ": các tổ ở lại với Tổ dân phố 2");
	}

	@Test
	void badRequestsAreTypedErrorsAndChangeNothing() {
		String one = groupId("00004", "1");
		String three = groupId("00004", "3");
		String phucXa = groupId("00001", "1");

		assertThat(errorCodes(
				query(MERGE, Map.of("input", mergeInput(List.of(one), null, "Tổ mới", "2025-05-01")), this.admin),
				"mergeResidentialGroups"))
			.containsExactly("TOO_FEW_GROUPS");
		assertThat(
				errorCodes(query(MERGE, Map.of("input", mergeInput(List.of(one, phucXa), null, "Tổ mới", "2025-05-01")),
						this.admin), "mergeResidentialGroups"))
			.containsExactly("GROUPS_OF_TWO_COMMUNES");
		assertThat(errorCodes(
				query(MERGE, Map.of("input", mergeInput(List.of(one, three), phucXa, null, "2025-05-01")), this.admin),
				"mergeResidentialGroups"))
			.containsExactly("SURVIVOR_NOT_MERGED");
		assertThat(errorCodes(query(MERGE,
				Map.of("input", mergeInput(List.of(one, three), null, "Tổ dân phố 2", "2025-05-01")), this.admin),
				"mergeResidentialGroups"))
			.containsExactly("NAME_TAKEN");
		Map<String, Object> noBasis = mergeInput(List.of(one, three), one, null, "2025-05-01");
		noBasis.put("legalBasis", " ");
		assertThat(errorCodes(query(MERGE, Map.of("input", noBasis), this.admin), "mergeResidentialGroups"))
			.containsExactly("LEGAL_BASIS_MISSING");
		Map<String, Object> split = new LinkedHashMap<>();
		split.put("groupId", three);
		split.put("effectiveDate", "2025-05-01");
		split.put("legalBasis", "QĐ thử");
		split.put("parts", List.of(Map.of("name", "Tổ dân phố 3")));
		assertThat(errorCodes(query(SPLIT, Map.of("input", split), this.admin), "splitResidentialGroup"))
			.containsExactly("TOO_FEW_PARTS");
		split.put("parts", List.of(Map.of("name", "Tổ dân phố 3"), Map.of("code", "1", "name", "Tổ dân phố 8")));
		assertThat(errorCodes(query(SPLIT, Map.of("input", split), this.admin), "splitResidentialGroup"))
			.containsExactly("CODE_TAKEN");
		assertThat(query(MERGE, Map.of("input", mergeInput(List.of(one, three), one, null, "2025-05-01")),
				this.officialElsewhere)
			.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		assertThat(query(MERGE, Map.of("input", mergeInput(List.of(one, three), one, null, "2025-05-01")), this.clerk)
			.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		assertThat(query(MERGE, Map.of("input", mergeInput(List.of(one, three), one, null, "2025-05-01")), null)
			.<String>read("$.errors[0].extensions.code")).isEqualTo("UNAUTHORIZED");

		assertThat(groupNames("00004", "2025-05-01")).contains("Tổ dân phố 1", "Tổ dân phố 3");
	}

	@Test
	void aPlanMergingTwoCommunesMergesOneGroupOfEachIntoOneWhoseTeamsBecomeOneAndApplyingAgainChangesNothing() {
		String vinhPhuc1 = groupId("00006", "1");
		String vinhPhuc2 = groupId("00006", "2");
		String congVi1 = groupId("00007", "1");
		saveTeam(vinhPhuc1, members("Đinh Văn An", "Đinh Văn Bình", "Đinh Văn Chi"));
		// Another commune then: the same person may serve in its team.
		saveTeam(congVi1, members("Đinh Văn An", "Mai Văn Dũng", "Mai Văn Em"));
		String planId = plan("Sáp nhập Vĩnh Phúc và Cống Vị", "2027-01-01");
		planEdit("saveProposedUnit", "saveProposedUnit(input: { planId: $id, code: \"90006\", name: \"Vĩnh Cống\", "
				+ "type: PHUONG, seat: \"Trụ sở\" })", Map.of("id", planId), this.admin);
		planEdit("assignUnit", "assignUnit(input: { planId: $id, key: \"90006\", unitId: \"" + communeId("00006")
				+ "\", kind: WHOLE })", Map.of("id", planId), this.admin);
		planEdit("assignUnit", "assignUnit(input: { planId: $id, key: \"90006\", unitId: \"" + communeId("00007")
				+ "\", kind: WHOLE })", Map.of("id", planId), this.admin);

		Response saved = query(SAVE_MERGER,
				Map.of("input", mergerInput(planId, List.of(vinhPhuc1, congVi1), vinhPhuc1, null, null)),
				this.official);

		assertThat(saved.<List<Object>>read("$.data.saveGroupMerger.userErrors")).as(saved.toString()).isEmpty();
		assertThat(saved.<List<String>>read("$.data.saveGroupMerger.plan.groupMergers[0].groups[*].id"))
			.containsExactly(vinhPhuc1, congVi1);
		assertThat(saved.<String>read("$.data.saveGroupMerger.plan.groupMergers[0].fullName"))
			.isEqualTo("Tổ dân phố 1");
		Response revisions = query("query($id: ID!) { plan(id: $id) { history { actor change } } }",
				Map.of("id", planId), this.admin);
		assertThat(revisions.<Map<String, Object>>read("$.data.plan.history[0]"))
			.isEqualTo(Map.of("actor", "canbo", "change", "Lưu hợp nhất tổ dân phố, thôn"));
		planEdit("changePlanStatus", "changePlanStatus(planId: $id, status: PUBLISHED)", Map.of("id", planId),
				this.admin);
		adopt(planId, this.admin);
		assertThat(adopt(planId, this.secondAdmin).<String>read("$.data.adoptPlan.plan.status")).isEqualTo("ADOPTED");

		assertThat(apply(planId).<String>read("$.data.applyPlan.plan.status")).isEqualTo("IN_EFFECT");

		LocalDate day = LocalDate.of(2027, 1, 1);
		String vinhCong = this.registry.byCode("90006", UnitLevel.COMMUNE, day).id();
		assertThat(this.registry.unit(this.registry.idOf(vinhPhuc1), day).parentId()).isEqualTo(vinhCong);
		assertThat(this.registry.unit(this.registry.idOf(vinhPhuc2), day).parentId()).isEqualTo(vinhCong);
		assertThat(this.registry.unit(this.registry.idOf(congVi1), day)).isNull();
		assertThat(this.registry.unit(this.registry.idOf(congVi1), day.minusDays(1))).isNotNull();
		assertThat(groupNames("90006", "2027-01-01")).containsExactlyInAnyOrder("Tổ dân phố 1", "Tổ dân phố 2",
				"Tổ dân phố 3");
		String unitQuery = "query($id: ID!) { unit(id: $id, asOf: \"2027-01-01\") { history { validFrom validTo } "
				+ "predecessors { unit { id } relation } } }";
		Response survivor = query(unitQuery, Map.of("id", vinhPhuc1), null);
		assertThat(survivor.<List<String>>read("$.data.unit.history[*].validFrom")).as(survivor.toString())
			.contains("2027-01-01");
		assertThat(survivor.<List<String>>read("$.data.unit.predecessors[*].unit.id")).containsExactly(congVi1);
		assertThat(survivor.<List<String>>read("$.data.unit.predecessors[*].relation")).containsExactly("WHOLE");
		Response teams = query(TEAMS, Map.of("id", vinhPhuc1, "asOf", "2027-01-01"), this.admin);
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[*].id")).as(teams.toString())
			.hasSize(1);
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[0].members[*].name"))
			.containsExactly("Đinh Văn An", "Đinh Văn Bình", "Đinh Văn Chi", "Mai Văn Dũng", "Mai Văn Em");
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[0].members[*].role"))
			.containsExactly("LEADER", "DEPUTY", "MEMBER", "DEPUTY", "MEMBER");
		assertThat(teams.<List<String>>read("$.data.unit.communityTeams[0].teams[0].history[*].text"))
			.containsExactly("Hợp nhất Tổ dân phố 1, Tổ dân phố 1 thành Tổ dân phố 1 (Nghị quyết 9/NQ-HĐND thử ngày "
					+ "2026-06-16)");
		Response mergedAway = query(TEAMS, Map.of("id", congVi1, "asOf", "2026-12-31"), this.admin);
		assertThat(mergedAway.<List<Object>>read("$.data.unit.communityTeams[0].teams")).as(mergedAway.toString())
			.isEmpty();
		Object versions = survivor.read("$.data.unit.history");
		String audited = "query($unit: ID!) { auditEntries(filter: { kind: \"job:mergeCommunityTeams\", unitId: $unit }) "
				+ "{ edges { node { summary } } } }";
		Response entries = query(audited, Map.of("unit", congVi1), this.admin);
		assertThat(entries.<List<String>>read("$.data.auditEntries.edges[*].node.summary")).as(entries.toString())
			.hasSize(2)
			.allMatch((summary) -> summary.startsWith("Hợp nhất Tổ dân phố 1, Tổ dân phố 1"));

		Response again = apply(planId);

		assertThat(again.<String>read("$.data.applyPlan.plan.applyProgress.message")).as(again.toString())
			.startsWith("0 đơn vị mới");
		assertThat(query(unitQuery, Map.of("id", vinhPhuc1), null).<Object>read("$.data.unit.history"))
			.isEqualTo(versions);
		assertThat(query(audited, Map.of("unit", congVi1), this.admin)
			.<List<String>>read("$.data.auditEntries.edges[*].node.summary")).hasSize(2);
		assertThat(query(TEAMS, Map.of("id", vinhPhuc1, "asOf", "2027-01-01"), this.admin)
			.<Object>read("$.data.unit.communityTeams[0].teams"))
			.isEqualTo(teams.<Object>read("$.data.unit.communityTeams[0].teams"));
	}

	@Test
	void aPlansGroupMergerIsRefusedOrFlaggedWhenItCannotMergeThoseGroupsAndOnlyForOfficialsOfTheirCommune() {
		String vinhPhuc2 = groupId("00006", "2");
		String congVi3 = groupId("00007", "3");
		String phucXa1 = groupId("00001", "1");
		String hoanKiem = groupId("00037", "1");
		String planId = plan("Hợp nhất tổ không hợp lệ", "2026-09-01");
		planEdit("saveProposedUnit", "saveProposedUnit(input: { planId: $id, code: \"90007\", name: \"Cống Phúc\", "
				+ "type: PHUONG, seat: \"Trụ sở\" })", Map.of("id", planId), this.admin);
		planEdit("assignUnit", "assignUnit(input: { planId: $id, key: \"90007\", unitId: \"" + communeId("00006")
				+ "\", kind: WHOLE })", Map.of("id", planId), this.admin);
		planEdit("assignUnit", "assignUnit(input: { planId: $id, key: \"90007\", unitId: \"" + communeId("00007")
				+ "\", kind: WHOLE })", Map.of("id", planId), this.admin);

		assertThat(mergerErrors(mergerInput(planId, List.of(vinhPhuc2), vinhPhuc2, null, null)))
			.containsExactly("TOO_FEW_GROUPS");
		assertThat(mergerErrors(mergerInput(planId, List.of(vinhPhuc2, congVi3), phucXa1, null, null)))
			.containsExactly("SURVIVOR_NOT_MERGED");
		assertThat(mergerErrors(mergerInput(planId, List.of(vinhPhuc2, congVi3), null, " ", "TO_DAN_PHO")))
			.containsExactly("NAME_EMPTY");
		assertThat(mergerErrors(mergerInput(planId, List.of(vinhPhuc2, congVi3), null, "Tổ mới", "PHUONG")))
			.containsExactly("TYPE_WRONG_LEVEL");
		assertThat(mergerErrors(mergerInput(planId, List.of(vinhPhuc2, communeId("00006")), vinhPhuc2, null, null)))
			.containsExactly("NOT_FOUND");
		assertThat(query(SAVE_MERGER,
				Map.of("input", mergerInput(planId, List.of(vinhPhuc2, hoanKiem), vinhPhuc2, null, null)),
				this.official)
			.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		assertThat(issueRules(planId)).noneMatch((rule) -> rule.startsWith("GROUP_MERGER"));

		// Into a name and a code another group of the new commune keeps.
		assertThat(mergerErrors(mergerInput(planId, List.of(vinhPhuc2, congVi3), vinhPhuc2, "Tổ dân phố 1", null)))
			.isEmpty();
		assertThat(issueRules(planId)).contains("GROUP_MERGER_NAME_TAKEN").doesNotContain("GROUP_MERGER_CODE_TAKEN");
		Map<String, Object> codeTaken = mergerInput(planId, List.of(vinhPhuc2, congVi3), vinhPhuc2, null, null);
		codeTaken.put("key", "merger-1");
		codeTaken.put("code", "1");
		assertThat(mergerErrors(codeTaken)).isEmpty();
		assertThat(issueRules(planId)).contains("GROUP_MERGER_CODE_TAKEN").doesNotContain("GROUP_MERGER_NAME_TAKEN");
		// A group already merged, and groups that do not end in one commune.
		assertThat(mergerErrors(mergerInput(planId, List.of(congVi3, phucXa1), congVi3, null, null)))
			.containsExactly("GROUP_MERGER_GROUP_TWICE");
		removeMerger(planId, "merger-1");
		assertThat(mergerErrors(mergerInput(planId, List.of(congVi3, phucXa1), congVi3, null, null))).isEmpty();
		assertThat(issueRules(planId)).contains("GROUP_MERGER_COMMUNES");
		removeMerger(planId, "merger-1");
		// A group that is not yet in force the day before an earlier effective date.
		Response imported = query(
				"mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv, "
						+ "validFrom: \"2026-06-01\" }) { created errors { message } } }",
				Map.of("csv", "commune_code,code,name,type,households\n00001,X9,Tổ dân phố X9,tổ dân phố,10\n"),
				this.admin);
		assertThat(imported.<Integer>read("$.data.importUnits.created")).as(imported.toString()).isEqualTo(1);
		String phucXaX9 = this.registry
			.children(this.registry.byCode("00001", UnitLevel.COMMUNE, LocalDate.of(2026, 7, 1)).id(),
					LocalDate.of(2026, 7, 1))
			.stream()
			.filter((group) -> "X9".equals(group.code()))
			.findFirst()
			.orElseThrow()
			.globalId();
		assertThat(mergerErrors(mergerInput(planId, List.of(phucXa1, phucXaX9), phucXa1, null, null))).isEmpty();
		assertThat(issueRules(planId)).noneMatch((rule) -> rule.startsWith("GROUP_MERGER"));
		Response earlier = query(
				"mutation($id: ID!) { updatePlan(input: { planId: $id, effectiveDate: \"2026-05-01\" })"
						+ " { plan { version } userErrors { code } } }",
				Map.of("id", planId), this.admin);
		assertThat(earlier.<List<Object>>read("$.data.updatePlan.userErrors")).as(earlier.toString()).isEmpty();
		assertThat(issueRules(planId)).contains("GROUP_MERGER_NOT_LIVE");
	}

	private List<String> mergerErrors(Map<String, Object> input) {
		Response saved = query(SAVE_MERGER, Map.of("input", input), this.official);
		assertThat(saved.<Object>read("$.errors")).as(saved.toString()).isNull();
		return saved.read("$.data.saveGroupMerger.userErrors[*].code");
	}

	private void removeMerger(String planId, String key) {
		Response removed = query(
				"mutation($id: ID!, $key: String!) { removeGroupMerger(planId: $id, key: $key) "
						+ "{ plan { groupMergers { key } } userErrors { code } } }",
				Map.of("id", planId, "key", key), this.official);
		assertThat(removed.<List<Object>>read("$.data.removeGroupMerger.userErrors")).as(removed.toString()).isEmpty();
	}

	private List<String> issueRules(String planId) {
		return query("query($id: ID!) { plan(id: $id) { validation { issues(first: 500) { rule } } } }",
				Map.of("id", planId), this.admin)
			.read("$.data.plan.validation.issues[*].rule");
	}

	private static Map<String, Object> mergerInput(String planId, List<String> groupIds, String survivorId, String name,
			String type) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("planId", planId);
		input.put("groupIds", groupIds);
		if (survivorId != null) {
			input.put("survivorId", survivorId);
		}
		if (name != null) {
			input.put("name", name);
		}
		if (type != null) {
			input.put("type", type);
		}
		return input;
	}

	/** A draft plan of Quận Ba Đình created by an admin. */
	private String plan(String title, String effectiveDate) {
		return planEdit("createPlan",
				"createPlan(input: { title: $title, scopeIds: [$scope], effectiveDate: \"" + effectiveDate + "\" })",
				Map.of("title", title, "scope", unitIdByCode("001", "2025-01-01")), this.admin);
	}

	/**
	 * Runs a plan mutation ({@code call}, its variables as {@code $id}, {@code $title},
	 * {@code $scope}) and returns the plan's id, after checking it has no user errors.
	 */
	private String planEdit(String field, String call, Map<String, ?> variables, String token) {
		StringBuilder declared = new StringBuilder();
		variables.keySet()
			.forEach((name) -> declared.append((declared.length() == 0) ? "(" : ", ")
				.append('$')
				.append(name)
				.append(name.equals("title") ? ": String!" : ": ID!"));
		Response response = query("mutation" + declared + ((declared.length() == 0) ? "" : ")") + " { " + call
				+ " { plan { id } userErrors { code message } } }", variables, token);
		assertThat(response.<List<Object>>read("$.data." + field + ".userErrors")).as(response.toString()).isEmpty();
		return response.read("$.data." + field + ".plan.id");
	}

	/**
	 * adoptPlan without consultation results: requested by one admin, confirmed by
	 * another.
	 */
	private Response adopt(String planId, String token) {
		Response response = query("mutation($id: ID!) { adoptPlan(input: { planId: $id, number: \"9/NQ-HĐND thử\", "
				+ "date: \"2026-06-16\", overrideReason: \"Thử\", confirmPastEffectiveDate: true }) "
				+ "{ plan { status } userErrors { code message } } }", Map.of("id", planId), token);
		assertThat(response.<List<Object>>read("$.data.adoptPlan.userErrors")).as(response.toString()).isEmpty();
		return response;
	}

	/** Applies and, while the job runs on, asks again (each call joins the job). */
	private Response apply(String planId) {
		for (int attempt = 0;; attempt++) {
			Response response = query(
					"mutation($id: ID!) { applyPlan(planId: $id) { plan { status "
							+ "applyProgress { state message } } userErrors { code message } } }",
					Map.of("id", planId), this.admin);
			if (attempt == 30 || !"RUNNING".equals(response.read("$.data.applyPlan.plan.applyProgress.state"))) {
				return response;
			}
		}
	}

	private Map<String, Object> stats(String communeCode, String asOf) {
		Response stats = query("query($id: ID, $asOf: Date) { communityTeamStats(unitId: $id, asOf: $asOf) "
				+ "{ groups teams members } }", Map.of("id", communeId(communeCode), "asOf", asOf), null);
		return stats.read("$.data.communityTeamStats");
	}

	private void saveTeam(String groupId, List<Map<String, Object>> members) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("groupId", groupId);
		input.put("kind", "SECURITY_AND_ORDER");
		input.put("established", true);
		input.put("decision", Map.of("number", "12/QĐ-UBND", "date", "2024-08-01", "signer", "Phạm Văn Chủ Tịch"));
		input.put("members", members);
		Response saved = query(SAVE, Map.of("input", input), this.admin);
		assertThat(saved.<List<Object>>read("$.data.saveCommunityTeam.userErrors")).as(saved.toString()).isEmpty();
	}

	private static Map<String, Object> mergeInput(List<String> groupIds, String survivorId, String name, String date) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("groupIds", groupIds);
		if (survivorId != null) {
			input.put("survivorId", survivorId);
		}
		if (name != null) {
			input.put("name", name);
		}
		input.put("effectiveDate", date);
		input.put("legalBasis", "NQ 5/NQ-HĐND thử");
		return input;
	}

	private static List<Map<String, Object>> members(String... names) {
		List<Map<String, Object>> members = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			members.add(Map.of("name", names[i], "birthYear", 1970 + i, "role",
					(i == 0) ? "LEADER" : (i == 1) ? "DEPUTY" : "MEMBER"));
		}
		return members;
	}

	private static List<String> errorCodes(Response response, String field) {
		return response.<List<String>>read("$.data." + field + ".userErrors[*].code");
	}

	private List<String> groupNames(String communeCode, String date) {
		UnitRecord commune = this.registry.byCode(communeCode, UnitLevel.COMMUNE, LocalDate.parse(date));
		return this.registry.children(commune.id(), LocalDate.parse(date)).stream().map(UnitRecord::name).toList();
	}

	private String groupId(String communeCode, String groupCode) {
		UnitRecord commune = this.registry.byCode(communeCode, UnitLevel.COMMUNE, LocalDate.of(2025, 1, 1));
		return this.registry.children(commune.id(), LocalDate.of(2025, 1, 1))
			.stream()
			.filter((group) -> groupCode.equals(group.code()))
			.findFirst()
			.orElseThrow()
			.globalId();
	}

	private String communeId(String code) {
		return unitIdByCode(code, "2025-01-01");
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

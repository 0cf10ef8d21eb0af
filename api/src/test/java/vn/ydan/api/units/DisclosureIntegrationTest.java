package vn.ydan.api.units;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * The public operations for residents and for systems that migrate records, anonymous, on
 * the demo registry after a small restructuring of Quận Ba Đình on 2025-07-01 (Trúc Bạch
 * and Quán Thánh whole, and Cống Vị's first residential group into a new Phường Ba Đình;
 * Cống Vị's second group and Ngọc Hà into a new Phường Ngọc Hà). Its own store, since the
 * restructuring changes the registry other tests read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DisclosureIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final LocalDate DAY = LocalDate.of(2025, 7, 1);

	private static final String BASIS = "Nghị quyết 1656/NQ-UBTVQH15, Điều 1, khoản 1";

	private static final String CONVERT = """
			query($text: String!, $asOf: Date) { convertAddress(text: $text, asOf: $asOf) {
			  status reason message asOf
			  candidates { matchedName formerName approximate old { code fullName parent { fullName } }
			    current { relation detail share effectiveDate legalBasis unit { code fullName }
			      residentialGroups { name } } } } }""";

	@LocalServerPort
	private int port;

	@Autowired
	private UnitRegistry registry;

	@Autowired
	private RegistryChanges changes;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void ownStore(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
	}

	@BeforeEach
	void restructured() {
		this.api = new GraphQlHttp(this.port);
		synchronized (DisclosureIntegrationTest.class) {
			if (this.registry.byCode("00004", UnitLevel.COMMUNE, DAY).name().equals("Ba Đình")) {
				return;
			}
			LocalDate before = DAY.minusDays(1);
			String hanoi = this.registry.byCode("01", UnitLevel.PROVINCE, before).id();
			String trucBach = id("00004");
			String quanThanh = id("00013");
			String congVi = id("00007");
			String ngocHa = id("00016");
			// Cống Vị's residential groups (the demo consultation's are off in tests).
			this.registry.importResidentialGroups("""
					commune_code,code,name,type,households
					00007,1,Tổ dân phố số 1,tổ dân phố,10
					00007,2,Tổ dân phố số 2,tổ dân phố,30
					""");
			List<UnitRecord> groups = this.registry.children(congVi, before);
			assertThat(groups).hasSize(2);
			this.registry.restructure(new Restructuring("disclosure-test", DAY,
					List.of(newWard("ba-dinh", "00004", "Ba Đình", hanoi),
							newWard("ngoc-ha", "00016", "Ngọc Hà", hanoi)),
					List.of(trucBach, quanThanh, congVi, ngocHa),
					List.of(new Restructuring.GroupMove(groups.get(0).id(), "ba-dinh"),
							new Restructuring.GroupMove(groups.get(1).id(), "ngoc-ha")),
					List.of(link(trucBach, "ba-dinh", LineageRelation.WHOLE, "whole"),
							link(quanThanh, "ba-dinh", LineageRelation.WHOLE, "whole"),
							link(congVi, "ba-dinh", LineageRelation.PART, "part_area_pop"),
							link(congVi, "ngoc-ha", LineageRelation.REMAINDER, "remainder"),
							link(ngocHa, "ngoc-ha", LineageRelation.WHOLE, "whole"))),
					(done, total) -> {
					});
		}
	}

	@Test
	void anOldAddressWithAbbreviationsFindsTheNewWardAndTheClause() {
		GraphQlHttp.Response response = convert("P. Trúc Bạch, Q. Ba Đình, HN", "2025-07-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("FOUND");
		assertThat(response.<String>read("$.data.convertAddress.reason")).isNull();
		assertThat(response.<String>read("$.data.convertAddress.candidates[0].old.fullName"))
			.isEqualTo("Phường Trúc Bạch");
		assertThat(response.<String>read("$.data.convertAddress.candidates[0].old.parent.fullName"))
			.isEqualTo("Quận Ba Đình");
		assertThat(response.<Boolean>read("$.data.convertAddress.candidates[0].formerName")).isTrue();
		assertThat(response.<String>read("$.data.convertAddress.candidates[0].current[0].unit.fullName"))
			.isEqualTo("Phường Ba Đình");
		assertThat(response.<String>read("$.data.convertAddress.candidates[0].current[0].relation")).isEqualTo("WHOLE");
		assertThat(response.<String>read("$.data.convertAddress.candidates[0].current[0].legalBasis")).isEqualTo(BASIS);
		assertThat(response.<String>read("$.data.convertAddress.candidates[0].current[0].effectiveDate"))
			.isEqualTo("2025-07-01");
	}

	@Test
	void fullWordsWithoutDiacriticsAndACityShorthandReadTheSame() {
		assertThat(this.<String>first(convert("phuong truc bach, quan ba dinh, thanh pho ha noi", "2025-07-01"),
				"candidates[0].current[0].unit.fullName"))
			.isEqualTo("Phường Ba Đình");
		GraphQlHttp.Response saigon = convert("P.Bến Nghé, Q.1, TP.HCM", "2025-07-01");
		assertThat(saigon.<String>read("$.data.convertAddress.status")).as(saigon.body()).isEqualTo("FOUND");
		assertThat(saigon.<String>read("$.data.convertAddress.candidates[0].old.fullName"))
			.isEqualTo("Phường Bến Nghé");
		// Not restructured: still itself, whole, under no act.
		assertThat(saigon.<Boolean>read("$.data.convertAddress.candidates[0].formerName")).isFalse();
		assertThat(saigon.<String>read("$.data.convertAddress.candidates[0].current[0].unit.fullName"))
			.isEqualTo("Phường Bến Nghé");
		assertThat(saigon.<String>read("$.data.convertAddress.candidates[0].current[0].effectiveDate")).isNull();
	}

	@Test
	void aFormerNameAloneFindsTheUnitThatHasItsPlaceNow() {
		GraphQlHttp.Response response = convert("Trúc Bạch", "2025-07-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("FOUND");
		assertThat(response.<Boolean>read("$.data.convertAddress.candidates[0].formerName")).isTrue();
		assertThat(response.<String>read("$.data.convertAddress.candidates[0].current[0].unit.fullName"))
			.isEqualTo("Phường Ba Đình");
	}

	@Test
	void theSameAddressTheDayBeforeIsTheOldWardItself() {
		GraphQlHttp.Response response = convert("P. Trúc Bạch, Q. Ba Đình, HN", "2025-06-30");

		assertThat(response.<Boolean>read("$.data.convertAddress.candidates[0].formerName")).isFalse();
		assertThat(response.<String>read("$.data.convertAddress.candidates[0].current[0].unit.fullName"))
			.isEqualTo("Phường Trúc Bạch");
	}

	@Test
	void aSplitWardAnswersEachNewWardWithItsResidentialGroupsAndShare() {
		GraphQlHttp.Response response = convert("Phường Cống Vị, Quận Ba Đình, Hà Nội", "2025-07-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("FOUND");
		assertThat(response.<List<String>>read("$.data.convertAddress.candidates[0].current[*].unit.fullName"))
			.containsExactly("Phường Ba Đình", "Phường Ngọc Hà");
		assertThat(response.<List<String>>read("$.data.convertAddress.candidates[0].current[*].relation"))
			.containsExactly("PART", "REMAINDER");
		assertThat(
				response.<List<String>>read("$.data.convertAddress.candidates[0].current[0].residentialGroups[*].name"))
			.hasSize(1);
		assertThat(
				response.<List<String>>read("$.data.convertAddress.candidates[0].current[1].residentialGroups[*].name"))
			.hasSize(1);
		assertThat(response.<List<Double>>read("$.data.convertAddress.candidates[0].current[*].share"))
			.containsExactly(0.25, 0.75);
	}

	@Test
	void aTypoAnswersTheNearestNamesAsCandidates() {
		GraphQlHttp.Response response = convert("P. Truc Bac, Q. Ba Dinh, Ha Noi", "2025-07-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("AMBIGUOUS");
		assertThat(response.<String>read("$.data.convertAddress.reason")).isEqualTo("APPROXIMATE");
		assertThat(response.<List<String>>read("$.data.convertAddress.candidates[*].matchedName"))
			.containsExactly("Phường Trúc Bạch");
		assertThat(response.<Boolean>read("$.data.convertAddress.candidates[0].approximate")).isTrue();
	}

	@Test
	void lookAlikeCyrillicLettersAreReadAsLatinAndOtherScriptsAreRefused() {
		// "Рhường" with a Cyrillic Р, as pasted from a badly encoded file.
		assertThat(this.<String>first(convert("\u0420hường Trúc Bạch, Quận Ba Đình", "2025-07-01"), "status"))
			.isEqualTo("FOUND");
		GraphQlHttp.Response mixed = convert("P. Trúc Bạch, 巴亭郡", "2025-07-01");
		assertThat(mixed.<String>read("$.data.convertAddress.status")).as(mixed.body()).isEqualTo("UNKNOWN");
		assertThat(mixed.<String>read("$.data.convertAddress.reason")).isEqualTo("MIXED_SCRIPT");
		assertThat(mixed.<List<?>>read("$.data.convertAddress.candidates")).isEmpty();
	}

	@Test
	void onlyADistrictIsAmbiguousWithTheDistrictAsCandidate() {
		GraphQlHttp.Response response = convert("Q. Ba Đình, HN", "2025-07-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("AMBIGUOUS");
		assertThat(response.<String>read("$.data.convertAddress.reason")).isEqualTo("COMMUNE_MISSING");
		assertThat(response.<List<String>>read("$.data.convertAddress.candidates[*].matchedName"))
			.containsExactly("Quận Ba Đình");
	}

	@Test
	void aWardOfAnotherDistrictIsUnknownAndTheMessageSaysWhereItIs() {
		GraphQlHttp.Response response = convert("P. Trúc Bạch, Q. Hoàn Kiếm, HN", "2025-07-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("UNKNOWN");
		assertThat(response.<String>read("$.data.convertAddress.reason")).isEqualTo("NOT_IN_DISTRICT");
		assertThat(response.<String>read("$.data.convertAddress.message")).contains("Quận Ba Đình");
		assertThat(response.<List<?>>read("$.data.convertAddress.candidates")).isEmpty();
	}

	@Test
	void aWardThatNeverExistedIsUnknown() {
		GraphQlHttp.Response response = convert("P. Xyzqwv, Q. Ba Đình, Hà Nội", "2025-07-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("UNKNOWN");
		assertThat(response.<String>read("$.data.convertAddress.reason")).isEqualTo("UNKNOWN_NAME");
		assertThat(response.<String>read("$.data.convertAddress.message")).contains("Quận Ba Đình");
	}

	@Test
	void aDateBeforeTheRegistrysRecordsIsUnknown() {
		GraphQlHttp.Response response = convert("P. Trúc Bạch, Q. Ba Đình, HN", "1990-01-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("UNKNOWN");
		assertThat(response.<String>read("$.data.convertAddress.reason")).isEqualTo("BEFORE_RECORDS");
	}

	@Test
	void emptyAndOverlongTextAreAnswersNotErrors() {
		GraphQlHttp.Response empty = convert("   ", null);
		assertThat(empty.<List<?>>read("$.errors")).isNull();
		assertThat(empty.<String>read("$.data.convertAddress.reason")).isEqualTo("EMPTY_INPUT");
		assertThat(this.<String>first(convert("P. Trúc Bạch ".repeat(40), null), "reason")).isEqualTo("INPUT_TOO_LONG");
		assertThat(this.<String>first(convert("asdfghjkl", null), "reason")).isEqualTo("UNKNOWN_NAME");
	}

	@Test
	void aNameManyCommunesShareIsAmbiguousUntilTheProvinceIsGiven() {
		GraphQlHttp.Response response = convert("X. Tân Thạnh", "2025-07-01");

		assertThat(response.<String>read("$.data.convertAddress.status")).as(response.body()).isEqualTo("AMBIGUOUS");
		assertThat(response.<String>read("$.data.convertAddress.reason")).isEqualTo("SEVERAL_UNITS");
		assertThat(response.<List<?>>read("$.data.convertAddress.candidates").size()).isGreaterThan(1);
	}

	@Test
	void oldCodesConvertInBulkWithRelationShareAndUnknownCodes() {
		GraphQlHttp.Response response = this.api.query("""
				query($codes: [String!]!) { unitsAsOf(codes: $codes, from: "2025-06-30", to: "2025-07-01") {
				  code reason old { fullName } successors { relation share legalBasis unit { code fullName } } } }""",
				Map.of("codes", List.of("00004", "00007", "00001", "99999")), null);

		assertThat(response.<List<String>>read("$.data.unitsAsOf[*].code")).as(response.body())
			.containsExactly("00004", "00007", "00001", "99999");
		assertThat(response.<String>read("$.data.unitsAsOf[0].old.fullName")).isEqualTo("Phường Trúc Bạch");
		assertThat(response.<String>read("$.data.unitsAsOf[0].successors[0].unit.fullName"))
			.isEqualTo("Phường Ba Đình");
		assertThat(response.<Double>read("$.data.unitsAsOf[0].successors[0].share")).isEqualTo(1.0);
		assertThat(response.<List<String>>read("$.data.unitsAsOf[1].successors[*].unit.fullName"))
			.containsExactly("Phường Ba Đình", "Phường Ngọc Hà");
		assertThat(response.<String>read("$.data.unitsAsOf[2].successors[0].unit.fullName"))
			.isEqualTo("Phường Phúc Xá");
		assertThat(response.<String>read("$.data.unitsAsOf[3].reason")).isEqualTo("UNKNOWN_CODE");
		assertThat(response.<List<?>>read("$.data.unitsAsOf[3].successors")).isEmpty();
	}

	@Test
	void moreCodesThanOneCallTakesIsATypedError() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 1_001; i++) {
			codes.add(String.format("%05d", i));
		}
		GraphQlHttp.Response response = this.api.query(
				"query($codes: [String!]!) { unitsAsOf(codes: $codes, from: \"2025-06-30\", to: \"2025-07-01\") { code } }",
				Map.of("codes", codes), null);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.body())
			.isEqualTo("TOO_MANY_ITEMS");
		assertThat(response.<Integer>read("$.errors[0].extensions.limit")).isEqualTo(1_000);
		assertThat(response.<Integer>read("$.errors[0].extensions.actual")).isEqualTo(1_001);
	}

	@Test
	void theOldToNewTableOfAProvinceDownloadsAsCsv() {
		GraphQlHttp.Response response = this.api
			.get("/exports/registry/provinces/01/old-to-new.csv?from=2025-06-30&to=2025-07-01", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).startsWith("\uFEFFMã tỉnh cũ,Tỉnh cũ,Mã huyện cũ");
		assertThat(response.body()).contains(
				"01,Thành phố Hà Nội,001,Quận Ba Đình,00004,Phường Trúc Bạch,00004,Phường Ba Đình,01,Thành phố Hà Nội,whole,whole,100.00,2025-07-01,\""
						+ BASIS + "\"");
		assertThat(response.body()).contains("00007,Phường Cống Vị,00016,Phường Ngọc Hà");
		assertThat(this.api.get("/exports/registry/provinces/99/old-to-new.csv", null).status()).isEqualTo(404);
		assertThat(this.api.get("/exports/registry/provinces/01/old-to-new.csv?from=yesterday", null).status())
			.isEqualTo(400);
	}

	@Test
	void theChangeFeedListsTheAppliedPlanOnceAndPushesTheNextChangeLive() {
		GraphQlHttp.Response feed = this.api.query("""
				{ registryChanges(first: 100) { edges { cursor node { kind planId effectiveDate legalBasis at } }
				  pageInfo { endCursor hasNextPage } } }""", null);
		List<String> plans = feed.read("$.data.registryChanges.edges[?(@.node.kind == 'PLAN_APPLIED')].node.planId");
		assertThat(plans).as(feed.body()).containsOnlyOnce("disclosure-test");
		String end = feed.read("$.data.registryChanges.pageInfo.endCursor");

		String pushed = null;
		try (GraphQlWsClient live = GraphQlWsClient.subscribe("ws://127.0.0.1:" + this.port + "/graphql",
				"registryChanged", "-", null)) {
			live.awaitEvent("connected", Duration.ofSeconds(30));
			// The server has the subscription some time after "connected": publish until
			// one arrives (a change published before is only in the feed).
			for (int attempt = 0; attempt < 30 && pushed == null; attempt++) {
				this.changes.resultsPublished("live-" + attempt, "disclosure-test", "Đợt " + attempt);
				try {
					pushed = live.await((json) -> "next".equals(json.path("event").asString()), Duration.ofSeconds(1))
						.json()
						.at("/payload/data/registryChanged/consultationId")
						.asString();
				}
				catch (AssertionError notYet) {
					// not subscribed yet
				}
			}
			assertThat(pushed).startsWith("live-");
		}
		GraphQlHttp.Response next = this.api.query("""
				query($after: String) { registryChanges(after: $after) { edges { node { kind consultationId } } } }""",
				Map.of("after", end), null);
		assertThat(next.<List<String>>read("$.data.registryChanges.edges[*].node.kind")).as(next.body())
			.containsOnly("RESULTS_PUBLISHED");
		assertThat(next.<List<String>>read("$.data.registryChanges.edges[*].node.consultationId")).contains(pushed);
		// Recorded once per consultation.
		this.changes.resultsPublished(pushed, "disclosure-test", "Again");
		GraphQlHttp.Response again = this.api
			.query("""
					query($after: String) { registryChanges(after: $after, first: 100) { edges { node { consultationId } } } }""",
					Map.of("after", end), null);
		assertThat(again.<List<String>>read("$.data.registryChanges.edges[*].node.consultationId"))
			.containsOnlyOnce(pushed);
	}

	private GraphQlHttp.Response convert(String text, String asOf) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("text", text);
		variables.put("asOf", asOf);
		return this.api.query(CONVERT, variables, null);
	}

	private <T> T first(GraphQlHttp.Response response, String path) {
		return response.read("$.data.convertAddress." + path);
	}

	private String id(String code) {
		return this.registry.byCode(code, UnitLevel.COMMUNE, DAY.minusDays(1)).id();
	}

	private static Restructuring.NewUnit newWard(String key, String code, String name, String parentId) {
		return new Restructuring.NewUnit(key, code, name, "Phường " + name, UnitType.PHUONG, parentId, null, null, null,
				null, null);
	}

	private static Restructuring.Link link(String from, String to, LineageRelation relation, String detail) {
		return new Restructuring.Link(from, to, relation, detail, BASIS);
	}

}

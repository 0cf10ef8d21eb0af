package vn.ydan.e2e;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The public pages without signing in, on a desktop screen and on a 390-pixel phone: a
 * resident finds today's commune from an old address, reads the published plan and its
 * tables, and every public page passes axe-core with no serious or critical violation and
 * has a meaningful title.
 */
class PublicDisclosureEndToEndTest extends ConsoleBrowserTest {

	private static final String OLD_ADDRESS = "P. Trúc Bạch, Q. Ba Đình, HN";

	@Test
	void aResidentFindsTheCommuneOfAnOldAddressWithTheKeyboardOnADesktop() {
		lookUp();
	}

	@Test
	void aResidentFindsTheCommuneOfAnOldAddressOnA390PixelPhone() {
		page.setViewportSize(390, 844);
		lookUp();
		assertFitsTheScreen();
	}

	@Test
	void thePublicPagesPassAxeOnADesktopAndOnAPhone() throws IOException, InterruptedException {
		for (int width : new int[] { 1280, 390 }) {
			page.setViewportSize(width, (width == 390) ? 844 : 900);
			for (String path : publicPages()) {
				page.navigate(system.consoleUrl + path);
				assertThat(page.locator("#public-main h1")).isVisible();
				if (path.equals("tra-cuu-dia-chi")) {
					search();
				}
				org.assertj.core.api.Assertions.assertThat(page.title())
					.as("title of " + path)
					.contains("Ý Dân — Công khai")
					.doesNotStartWith(" —");
				org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page))
					.as("axe-core on " + path + " at " + width + " px")
					.isEmpty();
				if (width == 390) {
					assertFitsTheScreen();
				}
			}
		}
		// The check can fail: an image without a text alternative is a critical
		// violation.
		page.evaluate("() => document.querySelector('#public-main').append(document.createElement('img'))");
		org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page))
			.anyMatch((line) -> line.contains("image-alt"));
	}

	@Test
	void anAnonymousVisitorReadsAPublishedPlansOldToNewTableByDistrict() throws IOException, InterruptedException {
		page.navigate(system.consoleUrl + "cong-khai");
		Locator plan = page.locator("#public-plans a").filter(new Locator.FilterOptions().setHasText("Hà Nội")).first();
		assertThat(plan).isVisible();
		plan.click();

		assertThat(page).hasURL(Pattern.compile(".*/cong-khai/phuong-an/.+"));
		assertThat(page.locator("#public-plan-facts")).containsText("Ngày hiệu lực: 01/07/2025");
		Locator baDinh = page.locator("table caption").filter(new Locator.FilterOptions().setHasText("Quận Ba Đình"));
		assertThat(baDinh).isVisible();
		Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText("Phường Trúc Bạch")).first();
		assertThat(row).containsText("Phường Ba Đình");
		assertThat(row).containsText("Toàn bộ");
		// Nothing signed in, nothing personal: no sign-out, no user name.
		assertThat(page.locator("#sign-out")).hasCount(0);
	}

	@Test
	void anAnonymousVisitorReadsAPublishedResultOnAPhoneWithItsFiles() throws Exception {
		page.setViewportSize(390, 844);
		readPublishedResult();
		assertFitsTheScreen();
	}

	@Test
	void anAnonymousVisitorReadsAPublishedResultOnADesktop() throws Exception {
		readPublishedResult();
	}

	private void readPublishedResult() throws Exception {
		String consultation = publishedConsultation();
		page.navigate(system.consoleUrl + "cong-khai");
		Locator row = page.locator("#public-consultations tr")
			.filter(new Locator.FilterOptions().setHasText(RESULTS_TITLE));
		row.locator("a").filter(new Locator.FilterOptions().setHasText("Xem kết quả")).click();

		assertThat(page).hasURL(Pattern.compile(".*/cong-khai/ket-qua/" + consultation));
		assertThat(page.locator("#public-results-summary")).containsText("2 đơn vị cấp xã: 1 đạt, 1 không đạt");
		Locator phucTan = page.locator("#public-results-communes tr")
			.filter(new Locator.FilterOptions().setHasText("Phường Phúc Tân"));
		assertThat(phucTan).containsText("Đạt");
		assertThat(phucTan).containsText("100,0 %");
		assertThat(page.locator("#public-results-communes tr")
			.filter(new Locator.FilterOptions().setHasText("Phường Đồng Xuân"))).containsText("Không đạt");
		assertThat(page.locator("#public-results-csv")).hasAttribute("href",
				Pattern.compile(".*/exports/consultations/" + consultation + "/results\\.csv"));
		org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page)).as("axe-core on the results").isEmpty();
	}

	private static final String RESULTS_TITLE = "Lấy ý kiến Phúc Tân, Đồng Xuân (e2e công khai)";

	/**
	 * A consultation of two wards of Quận Hoàn Kiếm on a plan of its own, its results
	 * published through the api: Phúc Tân's two households agree, Đồng Xuân's one does
	 * not.
	 */
	private static synchronized String publishedConsultation() throws Exception {
		if (published == null) {
			published = publish();
		}
		return published;
	}

	/** Made once per run: both widths read the same published result. */
	private static String published;

	private static String publish() throws Exception {
		SignedInGraphQl api = new SignedInGraphQl(system.apiUrl);
		String admin = SignedInGraphQl.token("quantri");
		String official = SignedInGraphQl.token("canbo");
		String hoanKiem = unitId(api, "002", "DISTRICT");
		String planId = JsonPath.read(api.call(admin, """
				mutation($scope: ID!) { createPlan(input: { title: "Nhập Phúc Tân và Đồng Xuân (e2e công khai)",
				  scopeIds: [$scope], effectiveDate: "2025-07-01" }) { plan { id } } }""", Map.of("scope", hoanKiem)),
				"$.data.createPlan.plan.id");
		api.call(admin, """
				mutation($id: ID!) { saveProposedUnit(input: { planId: $id, code: "90017", name: "Hoàn Kiếm Mới",
				  type: PHUONG }) { plan { id } } }""", Map.of("id", planId));
		for (String code : List.of("00037", "00040")) {
			api.call(admin, """
					mutation($id: ID!, $unit: ID!) { assignUnit(input: { planId: $id, key: "90017", unitId: $unit,
					  kind: WHOLE }) { plan { id } } }""", Map.of("id", planId, "unit", unitId(api, code, "COMMUNE")));
		}
		api.call(admin, "mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } } }",
				Map.of("id", planId));
		api.call(admin,
				"mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created } }",
				Map.of("csv", "commune_code,code,name,type,households\n00037,CK,Tổ dân phố CK,tổ dân phố,2\n"
						+ "00040,CK,Tổ dân phố CK,tổ dân phố,1\n"));
		api.call(admin, "mutation($csv: String!) { importHouseholds(input: { csv: $csv }) { households } }",
				Map.of("csv", "commune_code,group_code,group_name,household_id\n00037,CK,,CK-1\n00037,CK,,CK-2\n"
						+ "00040,CK,,CK-3\n"));
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
		String id = JsonPath.read(api.call(admin,
				"""
						mutation($plan: ID!, $opens: String!, $closes: String!) { createConsultation(input: { planId: $plan,
						  title: "%s", opensAt: $opens, closesAt: $closes }) { consultation { id } } }"""
					.formatted(RESULTS_TITLE),
				Map.of("plan", planId, "opens", now.minusHours(1).toString(), "closes", now.plusHours(2).toString())),
				"$.data.createConsultation.consultation.id");
		api.call(admin, "mutation($id: ID!) { openConsultation(id: $id) { consultation { status } } }",
				Map.of("id", id));
		for (String code : List.of("00037", "00040")) {
			String groups = api.call(admin, """
					query($id: ID!, $unit: ID!) { consultation(id: $id) { electorateGroups(unitId: $unit) {
					  group { id } households } } }""", Map.of("id", id, "unit", unitId(api, code, "COMMUNE")));
			List<String> ids = JsonPath.read(groups, "$.data.consultation.electorateGroups[*].group.id");
			List<Integer> sizes = JsonPath.read(groups, "$.data.consultation.electorateGroups[*].households");
			for (int i = 0; i < ids.size(); i++) {
				int n = sizes.get(i);
				boolean agree = code.equals("00037");
				Map<String, Object> counts = Map.of("issued", n, "returned", n, "valid", n, "invalid", 0, "agree",
						agree ? n : 0, "disagree", agree ? 0 : n);
				for (String token : List.of(admin, official)) {
					api.call(token, """
							mutation($id: ID!, $group: ID!, $counts: PaperCountsInput!) { enterTally(input: {
							  consultationId: $id, groupId: $group, counts: $counts }) { tally { state } } }""",
							Map.of("id", id, "group", ids.get(i), "counts", counts));
				}
			}
		}
		api.call(admin,
				"mutation($id: ID!) { closeConsultation(id: $id, reason: \"Kiểm thử\") { consultation { status } } }",
				Map.of("id", id));
		for (String unit : List.of(unitId(api, "00037", "COMMUNE"), unitId(api, "00040", "COMMUNE"), hoanKiem,
				unitId(api, "01", "PROVINCE"))) {
			api.call(admin, """
					mutation($id: ID!, $unit: ID!) { certifyResults(consultationId: $id, unitId: $unit) {
					  consultation { status } } }""", Map.of("id", id, "unit", unit));
		}
		String published = api.call(admin,
				"mutation($id: ID!) { publishResults(consultationId: $id) { consultation { status } userErrors { message } } }",
				Map.of("id", id));
		org.assertj.core.api.Assertions
			.assertThat(JsonPath.<String>read(published, "$.data.publishResults.consultation.status"))
			.as(published)
			.isEqualTo("PUBLISHED");
		return id;
	}

	private static String unitId(SignedInGraphQl api, String code, String level) throws Exception {
		return JsonPath.read(api.call(null,
				"query($code: String!) { unitByCode(code: $code, level: %s, asOf: \"2025-06-30\") { id } }"
					.formatted(level),
				Map.of("code", code)), "$.data.unitByCode.id");
	}

	private void lookUp() {
		page.navigate(system.consoleUrl + "tra-cuu-dia-chi");
		assertThat(page).hasTitle(Pattern.compile("Địa chỉ của tôi bây giờ là gì\\? — Ý Dân — Công khai"));
		search();
		assertThat(page.locator("#address-status")).containsText("Đã tìm thấy");
		Locator candidate = page.locator("#address-candidate-0");
		assertThat(candidate.locator("caption")).containsText("Phường Trúc Bạch");
		// Before the Hanoi plan is applied (another test may apply it), the ward itself;
		// after, Phường Ba Đình with the resolution's clause.
		assertThat(candidate.locator("tbody tr").first())
			.containsText(Pattern.compile("Phường Trúc Bạch|Phường Ba Đình"));
	}

	/** Types the old address and presses Enter, with the keyboard only. */
	private void search() {
		Locator address = page.locator("#address-text input");
		address.focus();
		page.keyboard().type(OLD_ADDRESS);
		page.keyboard().press("Enter");
		assertThat(page.locator("#address-status")).isVisible();
	}

	private void assertFitsTheScreen() {
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
			.as("horizontal overflow at 390 px (tables scroll inside their own region)")
			.isLessThanOrEqualTo(0);
	}

	private List<String> publicPages() throws IOException, InterruptedException {
		PublicGraphQl api = new PublicGraphQl(system.apiUrl);
		List<String> plans = api.query("{ plans { id title } }").read("$.data.plans[*].id");
		String unit = api.query("{ unitByCode(code: \"00004\", level: COMMUNE, asOf: \"2025-06-30\") { id } }")
			.read("$.data.unitByCode.id");
		List<String> consultations = api.query("{ consultations { id status } }")
			.read("$.data.consultations[?(@.status == 'PUBLISHED')].id");
		String results = consultations.isEmpty() ? "cong-khai/ket-qua/khong-co"
				: "cong-khai/ket-qua/" + consultations.get(0);
		return List.of("cong-khai", "cong-khai/phuong-an/" + plans.get(plans.size() - 1), "cong-khai/don-vi/" + unit,
				results, "tra-cuu-dia-chi");
	}

}

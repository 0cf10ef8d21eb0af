package vn.ydan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;

/**
 * Restructuring plans in Chromium. The admin takes the real Hanoi plan (Resolution
 * 1656/NQ-UBTVQH15) from its CSV table to applied (adopted by an override two people
 * make), and the public api then answers as the resolution says. An official drafts a
 * small plan by hand and watches the validation follow each edit.
 * <p>
 * The api keeps one store for the whole test run: the Hanoi plan is the only test that
 * applies anything, and the registry before 1 July 2025 (what the other tests read) does
 * not change by it.
 */
class PlansEndToEndTest extends ConsoleBrowserTest {

	private static final String HANOI_TITLE = "Phương án sắp xếp đơn vị hành chính cấp xã của thành phố Hà Nội";

	@Test
	void adminTakesTheHanoiPlanFromCsvToAppliedAndTheRegistryAnswersAsTheResolutionSays() throws Exception {
		page.navigate(system.consoleUrl + "plans");
		signIn("quantri");
		assertThat(page.locator("#plans-new")).isVisible();

		newPlan(HANOI_TITLE, "ha noi", "Thành phố Hà Nội (01)", true);
		assertThat(page.locator("#plan-status")).hasText("Dự thảo");
		assertThat(page.locator("#plan-meta")).containsText("Kết thúc cấp huyện");

		page.locator("#plan-tab-import").click();
		page.locator("#plan-import-upload input[type=file]").setInputFiles(csv());
		assertThat(page.locator("#plan-import-summary")).containsText("795 dòng: 126 đơn vị mới, 795 liên kết");
		// Warnings (e.g. figures the file does not give) do not block; errors would.
		assertThat(page.locator("#plan-validation-summary")).containsText("Hợp lệ: 0 lỗi,");
		assertThat(page.locator("#plan-unassigned-count")).hasText("Chưa sắp xếp: 0 đơn vị");

		page.locator("#plan-tab-diff").click();
		assertThat(page.locator("#plan-diff-summary")).containsText("Sau: 126 đơn vị thuộc 1 đơn vị cấp trên");
		assertThat(page.locator("#plan-diff-summary")).containsText("526 đơn vị cũ được sắp xếp");

		step("#plan-publish", "Đã công bố");
		// The act of 2025 recorded after the fact: its consultation was held outside the
		// system, so the plan is adopted by an override, which canbo (Hà Nội) confirms.
		adoptByOverride("1656/NQ-UBTVQH15", "16/06/2025", "Đã lấy ý kiến cử tri năm 2025, ngoài hệ thống", "canbo");
		assertThat(page.locator("#plan-meta")).containsText("1656/NQ-UBTVQH15 ngày 16/06/2025");

		page.locator("#plan-apply").click();
		Locator confirm = page.locator("vaadin-confirm-dialog vaadin-button[slot='confirm-button']");
		assertThat(confirm).isVisible();
		confirm.click();

		// The bar shows while the api writes; on this machine that can be a second or
		// two.
		assertThat(page.locator("#plan-apply-summary")).containsText("Đã áp dụng: 126 đơn vị mới",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
		assertThat(page.locator("#plan-status")).hasText("Có hiệu lực");
		assertThat(page.locator("#plan-apply")).hasCount(0);

		String hanoi = graphQl("{ unitByCode(code: \"01\", level: PROVINCE, asOf: \"2025-06-30\") { id } }")
			.read("$.data.unitByCode.id");
		PublicGraphQl.Answer after = graphQl("""
				query($id: ID!) { unit(id: $id, asOf: "2025-07-01") {
				  children(level: COMMUNE, first: 0) { totalCount }
				  phuong: children(type: PHUONG, first: 0) { totalCount }
				  xa: children(type: XA, first: 0) { totalCount }
				  childCounts { level count } } }""", Map.of("id", hanoi));
		org.assertj.core.api.Assertions.assertThat(after.<Integer>read("$.data.unit.children.totalCount"))
			.isEqualTo(126);
		org.assertj.core.api.Assertions.assertThat(after.<Integer>read("$.data.unit.phuong.totalCount")).isEqualTo(51);
		org.assertj.core.api.Assertions.assertThat(after.<Integer>read("$.data.unit.xa.totalCount")).isEqualTo(75);
		org.assertj.core.api.Assertions
			.assertThat(after.<List<Object>>read("$.data.unit.childCounts[?(@.level == 'DISTRICT')]"))
			.isEmpty();
		PublicGraphQl.Answer hongHa = graphQl(
				"""
						{ unitByCode(code: "00097", level: COMMUNE, asOf: "2025-07-01") { fullName predecessors { unit { code } } } }""");
		org.assertj.core.api.Assertions.assertThat(hongHa.<String>read("$.data.unitByCode.fullName"))
			.isEqualTo("Phường Hồng Hà");
		org.assertj.core.api.Assertions.assertThat(hongHa.<List<Object>>read("$.data.unitByCode.predecessors"))
			.hasSize(12);
		org.assertj.core.api.Assertions
			.assertThat(graphQl("{ unitByCode(code: \"00004\", level: COMMUNE, asOf: \"2025-06-30\") { fullName } }")
				.<String>read("$.data.unitByCode.fullName"))
			.isEqualTo("Phường Trúc Bạch");
		org.assertj.core.api.Assertions
			.assertThat(graphQl("{ unitByCode(code: \"00004\", level: COMMUNE, asOf: \"2025-07-01\") { fullName } }")
				.<String>read("$.data.unitByCode.fullName"))
			.isEqualTo("Phường Ba Đình");
	}

	@Test
	void officialDraftsASmallPlanAndTheValidationFollowsEachEdit() {
		page.navigate(system.consoleUrl + "plans");
		signIn("canbo");

		newPlan("Thử sắp xếp phường Ba Đình", "ba dinh", "Quận Ba Đình (001)", false);
		assertThat(page.locator("#plan-status")).hasText("Dự thảo");

		page.locator("#plan-unit-add").click();
		page.locator("#plan-unit-name input").fill("Ba Đình");
		page.locator("#plan-unit-seat input").fill("Số 2 Đội Cấn");
		page.locator("#plan-unit-save").click();
		assertThat(page.locator("#plan-components-title")).hasText("Hình thành từ: Phường Ba Đình");
		assertThat(page.locator("#plan-version")).hasText("Phiên bản 2");
		assertThat(page.locator("#plan-validation-summary")).containsText("Chưa hợp lệ");
		int before = unassigned();
		org.assertj.core.api.Assertions.assertThat(before).isGreaterThan(1);

		page.locator("#plan-component-add").click();
		Locator pick = page.locator("#plan-assign-unassigned input");
		pick.fill("Trúc Bạch");
		page.locator("vaadin-combo-box-item")
			.filter(new Locator.FilterOptions().setHasText("00004 · Phường Trúc Bạch"))
			.first()
			.click();
		long start = System.nanoTime();
		page.locator("#plan-assign-save").click();

		assertThat(page.locator("#plan-unassigned-count")).hasText("Chưa sắp xếp: " + (before - 1) + " đơn vị");
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("Console: assign → validation shown in the browser in " + millis + " ms");
		assertThat(page.locator("#plan-version")).hasText("Phiên bản 3");
		assertThat(page.locator("#plan-components vaadin-grid-cell-content")
			.filter(new Locator.FilterOptions().setHasText("00004 · Phường Trúc Bạch"))
			.first()).isVisible();
		page.locator("#plan-tab-validation").click();
		assertThat(page.locator("#plan-issues")).isVisible();
	}

	private void newPlan(String title, String search, String scopeLabel, boolean abolishDistricts) {
		page.locator("#plans-new").click();
		page.locator("#plan-new-title input").fill(title);
		date("#plan-new-effective-date", "01/07/2025");
		page.locator("#plan-new-scope input").fill(search);
		// The scope is a multi-select (a plan may cover several provinces): one pick
		// here.
		Locator item = page.locator("vaadin-multi-select-combo-box-item")
			.filter(new Locator.FilterOptions().setHasText(scopeLabel));
		item.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
		item.first().click();
		// Closes the list of the scope.
		page.locator("#plan-new-title input").click();
		if (abolishDistricts) {
			page.locator("#plan-new-abolish-districts input").check();
		}
		page.locator("#plan-new-save").click();
		assertThat(page).hasURL(Pattern.compile(".*/plans/[^/?]+$"));
		assertThat(page.locator("#plan-title")).hasText(title);
	}

	private void date(String picker, String text) {
		Locator input = page.locator(picker + " input");
		input.fill(text);
		input.press("Enter");
	}

	private void step(String button, String status) {
		page.locator(button).click();
		assertThat(page.locator("#plan-status")).hasText(status);
	}

	private int unassigned() {
		String text = page.locator("#plan-unassigned-count").innerText();
		return Integer.parseInt(text.replaceAll("\\D", ""));
	}

	private static Path csv() throws URISyntaxException {
		return Path.of(PlansEndToEndTest.class.getResource("/hanoi-2025/plan_nq1656_mapping.csv").toURI());
	}

	private PublicGraphQl.Answer graphQl(String query) throws IOException, InterruptedException {
		return graphQl(query, Map.of());
	}

	/** The public api, anonymous, as a third-party app reads it. */
	private PublicGraphQl.Answer graphQl(String query, Map<String, Object> variables)
			throws IOException, InterruptedException {
		return new PublicGraphQl(system.apiUrl).query(query, variables);
	}

}

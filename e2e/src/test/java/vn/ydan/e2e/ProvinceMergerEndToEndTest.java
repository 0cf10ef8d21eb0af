package vn.ydan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;

/**
 * The 2025 reform from its official tables, in Chromium: the admin drafts one plan over
 * two old provinces (Tiền Giang 82 and Đồng Tháp 87) with the district level abolished,
 * imports the province merger table (Resolution 202/2025/QH15) and the commune table of
 * the new Đồng Tháp (Resolution 1663/NQ-UBTVQH15), sees the new province with its 102
 * communes, has it adopted by an override two people make and applied, and the public api
 * then answers as the resolutions say: from 1 July 2025 code 82 is Tỉnh Đồng Tháp, with
 * 102 communes and no districts.
 * <p>
 * The api keeps one store for the whole test run: this test applies Đồng Tháp's plan (as
 * {@link PlansEndToEndTest} applies Hà Nội's); no other test reads provinces 82 or 87,
 * and the registry before 1 July 2025 does not change by it.
 */
class ProvinceMergerEndToEndTest extends ConsoleBrowserTest {

	private static final String TITLE = "Phương án sắp xếp đơn vị hành chính cấp tỉnh, cấp xã của tỉnh Đồng Tháp (e2e)";

	@Test
	void adminMergesTienGiangAndDongThapFromTheOfficialTablesAndTheRegistryAnswersAsTheResolutionsSay()
			throws Exception {
		page.navigate(system.consoleUrl + "plans");
		signIn("quantri");
		assertThat(page.locator("#plans-new")).isVisible();

		page.locator("#plans-new").click();
		page.locator("#plan-new-title input").fill(TITLE);
		date("#plan-new-effective-date", "01/07/2025");
		pickScope("tien giang", "Tỉnh Tiền Giang (82)");
		pickScope("dong thap", "Tỉnh Đồng Tháp (87)");
		// Closes the list of the scope.
		page.locator("#plan-new-title input").click();
		page.locator("#plan-new-abolish-districts input").check();
		page.locator("#plan-new-save").click();
		assertThat(page).hasURL(Pattern.compile(".*/plans/[^/?]+$"));
		assertThat(page.locator("#plan-title")).hasText(TITLE);
		assertThat(page.locator("#plan-status")).hasText("Dự thảo");
		assertThat(page.locator("#plan-meta")).containsText("Phạm vi: Tỉnh Tiền Giang, Tỉnh Đồng Tháp");
		assertThat(page.locator("#plan-meta")).containsText("Kết thúc cấp huyện");

		page.locator("#plan-tab-import").click();
		upload("provinces_after.csv");
		assertThat(page.locator("#plan-import-summary")).containsText("1 đơn vị mới, 2 liên kết");
		upload("plan_82.csv");
		assertThat(page.locator("#plan-import-summary")).containsText("308 dòng: 102 đơn vị mới, 308 liên kết");
		assertThat(page.locator("#plan-validation-summary")).containsText("Hợp lệ: 0 lỗi,");
		assertThat(page.locator("#plan-unassigned-count")).hasText("Chưa sắp xếp: 0 đơn vị");

		page.locator("#plan-tab-units").click();
		assertThat(page.locator("#plan-units-summary"))
			.hasText("103 đơn vị mới: 1 cấp tỉnh, 102 cấp xã · Tỉnh Đồng Tháp: 102 đơn vị trực thuộc");
		// The new province comes first, formed from the two old ones.
		page.locator("#plan-units vaadin-grid-cell-content")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^Tỉnh Đồng Tháp$")))
			.first()
			.click();
		assertThat(page.locator("#plan-components-title")).hasText("Hình thành từ: Tỉnh Đồng Tháp");
		assertThat(page.locator("#plan-components")).containsText("Tỉnh Tiền Giang");

		page.locator("#plan-tab-diff").click();
		assertThat(page.locator("#plan-diff-after-provinces")).containsText("Tỉnh Đồng Tháp (mới): 102 đơn vị");
		assertThat(page.locator("#plan-diff-before-provinces")).containsText("Tỉnh Tiền Giang: ");
		assertThat(page.locator("#plan-diff-before-provinces")).containsText("Tỉnh Đồng Tháp: ");

		step("#plan-publish", "Đã công bố");
		// Recorded after the fact, by an override: no official of the realm covers Tiền
		// Giang and Đồng Tháp, so a second administrator confirms.
		adoptByOverride("1663/NQ-UBTVQH15", "16/06/2025", "Đã lấy ý kiến cử tri năm 2025, ngoài hệ thống", null);
		assertThat(page.locator("#plan-meta")).containsText("1663/NQ-UBTVQH15 ngày 16/06/2025");

		page.locator("#plan-apply").click();
		Locator confirm = page.locator("vaadin-confirm-dialog vaadin-button[slot='confirm-button']");
		assertThat(confirm).isVisible();
		confirm.click();
		// The api answers within seconds, done or still running; the page follows it.
		assertThat(page.locator("#plan-apply-summary")).containsText("Đã áp dụng",
				new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));
		assertThat(page.locator("#plan-status")).hasText("Có hiệu lực");
		assertThat(page.locator("#plan-apply")).hasCount(0);

		PublicGraphQl api = new PublicGraphQl(system.apiUrl);
		PublicGraphQl.Answer after = api.query("""
				{ unitByCode(code: "82", level: PROVINCE, asOf: "2025-07-01") { fullName
				  communes: children(level: COMMUNE, first: 0) { totalCount }
				  districts: children(level: DISTRICT, first: 0) { totalCount } } }""");
		org.assertj.core.api.Assertions.assertThat(after.<String>read("$.data.unitByCode.fullName"))
			.as(after.body())
			.isEqualTo("Tỉnh Đồng Tháp");
		org.assertj.core.api.Assertions.assertThat(after.<Integer>read("$.data.unitByCode.communes.totalCount"))
			.isEqualTo(102);
		org.assertj.core.api.Assertions.assertThat(after.<Integer>read("$.data.unitByCode.districts.totalCount"))
			.isZero();
		org.assertj.core.api.Assertions
			.assertThat(api.query("{ unitByCode(code: \"87\", level: PROVINCE, asOf: \"2025-07-01\") { id } }")
				.<Object>read("$.data.unitByCode"))
			.as("the old Đồng Tháp ends")
			.isNull();
		org.assertj.core.api.Assertions
			.assertThat(api.query("{ unitByCode(code: \"82\", level: PROVINCE, asOf: \"2025-06-30\") { fullName } }")
				.<String>read("$.data.unitByCode.fullName"))
			.as("the registry before the reform stays")
			.isEqualTo("Tỉnh Tiền Giang");
	}

	/** Adds a unit to the new plan's scope (a multi-select: each pick adds one). */
	private void pickScope(String search, String label) {
		page.locator("#plan-new-scope input").fill(search);
		Locator item = page.locator("vaadin-multi-select-combo-box-item")
			.filter(new Locator.FilterOptions().setHasText(label));
		item.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
		item.first().click();
		assertThat(page.locator("#plan-new-scope")).containsText(label.replaceFirst(" \\(\\d+\\)$", ""));
	}

	private void upload(String file) throws URISyntaxException {
		page.locator("#plan-import-upload input[type=file]").setInputFiles(table(file));
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

	private static Path table(String file) throws URISyntaxException {
		return Path.of(ProvinceMergerEndToEndTest.class.getResource("/vietnam-2025/" + file).toURI());
	}

}

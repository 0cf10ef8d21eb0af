package vn.ydan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * An official finds her way through the national registry the api loads on its first
 * start: the tree as it stood on 30 June 2025, a province opened to its districts, a
 * search without diacritics, a unit's page.
 */
class UnitsEndToEndTest extends ConsoleBrowserTest {

	/**
	 * The last day of the registry before the 2025 reform, which is what the demo data
	 * holds: the test does not depend on whether those units are still in force today.
	 */
	private static final String AS_OF = "2025-06-30";

	@Test
	void officialExpandsHaNoiInTheTreeFindsHoanKiemWithoutDiacriticsAndOpensItsPage() {
		page.navigate(system.consoleUrl + "units?asOf=" + AS_OF);
		signIn("canbo");

		assertThat(page.locator("#nav-units")).containsText("Đơn vị hành chính");
		assertThat(page.locator("#units-as-of input")).hasValue("30/06/2025");
		Locator haNoi = treeRow("Thành phố Hà Nội");
		assertThat(haNoi).isVisible();

		// A click on the name expands the row (the link to the unit is in another
		// column).
		haNoi.click();
		assertThat(treeRow("Quận Ba Đình")).isVisible();

		page.locator("#units-search input").fill("hoan kiem");
		Locator results = page.locator("#units-search-results");
		assertThat(results).isVisible();
		Locator hoanKiem = results.locator("vaadin-grid-cell-content")
			.filter(new Locator.FilterOptions().setHasText("Quận Hoàn Kiếm — Thành phố Hà Nội").setVisible(true))
			.first();
		assertThat(hoanKiem).isVisible();

		hoanKiem.click();

		assertThat(page).hasURL(Pattern.compile(".*/units/[^/?]+\\?asOf=" + AS_OF));
		assertThat(page.locator("#unit-full-name")).hasText("Quận Hoàn Kiếm");
		assertThat(page.locator("#unit-code")).hasText("002");
		assertThat(page.locator("#unit-parent")).hasText("Thành phố Hà Nội");
		assertThat(page.locator("#unit-parents")).containsText("Thành phố Hà Nội");
	}

	/**
	 * A row of the tree by the unit's full name. The grid renders only the rows in view,
	 * so it is scrolled down until the row shows (the api's order decides where it is).
	 */
	private Locator treeRow(String fullName) {
		Locator tree = page.locator("#units-tree");
		assertThat(tree.locator("vaadin-grid-tree-toggle").first()).isVisible();
		Locator row = tree.locator("vaadin-grid-tree-toggle")
			.filter(new Locator.FilterOptions().setHasText(exactly(fullName)).setVisible(true));
		for (int index = 0; row.count() == 0 && index < 800; index += 15) {
			tree.evaluate("(grid, index) => grid.scrollToIndex(index)", index);
			page.waitForTimeout(150);
		}
		return row.first();
	}

	/**
	 * The whole text and nothing more ("Quận Ba Đình", not "Phường Quận Ba Đình …"). Not
	 * with Pattern.quote: its \Q…\E does not survive the trip to the browser's RegExp.
	 */
	private static Pattern exactly(String text) {
		return Pattern.compile("^\\s*" + text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "\\s*$");
	}

}

package vn.ydan.e2e;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

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

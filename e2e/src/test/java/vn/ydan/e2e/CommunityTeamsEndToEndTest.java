package vn.ydan.e2e;

import java.io.IOException;
import java.util.Map;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An official forms the security and order team of a residential group of Phường Trúc
 * Bạch (a synthetic group of the demo consultation): three members, the chairman's
 * decision, established; the group's flag goes, and the commune's figure counts three
 * members.
 */
class CommunityTeamsEndToEndTest extends ConsoleBrowserTest {

	@Test
	void officialFormsASecurityTeamOfThreeAndTheFlagGoes() throws IOException, InterruptedException {
		String trucBach = new PublicGraphQl(system.apiUrl)
			.query("query($c: String!) { unitByCode(code: $c, asOf: \"2025-06-30\") { id } }", Map.of("c", "00004"))
			.read("$.data.unitByCode.id");
		page.navigate(system.consoleUrl + "communities/" + trucBach);
		signIn("canbo");

		// The demo consultation stores its groups in the background after the first
		// start.
		Locator team = page.locator("#communities-team-1-security_and_order");
		for (int attempt = 0; attempt < 30 && team.count() == 0; attempt++) {
			page.waitForTimeout(2000);
			page.reload();
		}
		assertThat(page.locator("#communities-title")).containsText("Phường Trúc Bạch");
		assertThat(page.locator("#communities-flags-1")).containsText("Chưa có tổ bảo vệ an ninh, trật tự");

		team.click();
		page.locator("#team-decision-number input").fill("15/QĐ-UBND");
		page.locator("#team-decision-signer input").fill("Phạm Văn Chủ Tịch");
		page.locator("#team-decision-date input").fill("02/09/2024");
		page.locator("#team-decision-date input").press("Enter");
		page.locator("#team-member-name-1 input").fill("Nguyễn Văn Một");
		page.locator("#team-member-year-1 input").fill("1970");
		page.locator("#team-member-add").click();
		page.locator("#team-member-name-2 input").fill("Trần Thị Hai");
		page.locator("#team-member-year-2 input").fill("1975");
		page.locator("#team-member-add").click();
		page.locator("#team-member-name-3 input").fill("Lê Văn Ba");
		page.locator("#team-member-year-3 input").fill("1980");
		page.locator("#team-established").click();
		page.locator("#team-save").click();

		assertThat(page.locator("#team-dialog")).isHidden();
		assertThat(team).hasText("Đã thành lập · 3 người");
		assertThat(page.locator("#communities-flags-1")).not().containsText("Chưa có tổ bảo vệ");
		assertThat(page.locator("#communities-stats")).containsText("3 thành viên");
	}

}

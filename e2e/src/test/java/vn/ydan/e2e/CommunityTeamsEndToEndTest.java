package vn.ydan.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An official imports a residential group into Phường Ngọc Thụy from the commune's
 * community page, then forms its security and order team: three members, the chairman's
 * decision, established; the group's flag goes, and the commune's figure counts three
 * members.
 */
class CommunityTeamsEndToEndTest extends ConsoleBrowserTest {

	@Test
	void officialFormsASecurityTeamOfThreeAndTheFlagGoes() throws IOException, InterruptedException {
		String ngocThuy = new PublicGraphQl(system.apiUrl)
			.query("query($c: String!) { unitByCode(code: $c, asOf: \"2025-06-30\") { id } }", Map.of("c", "00118"))
			.read("$.data.unitByCode.id");
		page.navigate(system.consoleUrl + "communities/" + ngocThuy);
		signIn("canbo");
		assertThat(page.locator("#communities-title")).containsText("Phường Ngọc Thụy");

		// The group first, through the page's import (all or nothing).
		page.locator("#communities-upload input[type=file]")
			.setInputFiles(new FilePayload("to-dan-pho.csv", "text/csv",
					"commune_code,code,name,type,households\n00118,E1,Tổ dân phố E1,tổ dân phố,90\n"
						.getBytes(StandardCharsets.UTF_8)));
		assertThat(page.locator("#communities-import-result")).containsText("Đã nhập: 1 mới");
		Locator team = page.locator("#communities-team-E1-security_and_order");
		assertThat(page.locator("#communities-flags-E1")).containsText("Chưa có tổ bảo vệ an ninh, trật tự");

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
		assertThat(page.locator("#communities-flags-E1")).not().containsText("Chưa có tổ bảo vệ");
		assertThat(page.locator("#communities-stats")).containsText("3 thành viên");
	}

}

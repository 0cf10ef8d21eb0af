package vn.ydan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A person opening the console in Chromium: redirected to Keycloak, signed in, shown data
 * that the console fetched from the api with their token.
 */
class ConsoleSignInEndToEndTest extends ConsoleBrowserTest {

	@Test
	void officialIsSentToKeycloakAndLandsOnHomeWithHerDataFromTheApi() {
		page.navigate(system.consoleUrl);
		page.waitForURL(
				(url) -> url.startsWith(RunningSystem.KEYCLOAK_URL + "/realms/ydan/protocol/openid-connect/auth?"));
		org.assertj.core.api.Assertions.assertThat(page.url())
			.contains("code_challenge=", "code_challenge_method=S256");

		signIn("canbo");

		page.waitForURL((url) -> url.startsWith(system.consoleUrl));
		assertThat(page.locator("#me-display-name")).containsText("Trần Thị Bình");
		assertThat(page.locator("#me-roles")).containsText("Cán bộ");
	}

	@ParameterizedTest(name = "{0} signs in and sees {1}")
	@CsvSource({ "quantri, Nguyễn Văn An", "canbo, Trần Thị Bình", "thuky, Lê Văn Cường", "cudan, Phạm Thị Dung",
			"doitac, Hoàng Văn Em" })
	void everyDemoUserCanSignInAndSeesTheirOwnName(String username, String displayName) {
		page.navigate(system.consoleUrl);
		signIn(username);
		assertThat(page.locator("#me-display-name")).containsText(displayName);
	}

	@Test
	void signingOutEndsTheKeycloakSessionSoTheNextVisitAsksForTheLoginAgain() {
		page.navigate(system.consoleUrl);
		signIn("canbo");
		assertThat(page.locator("#me-display-name")).isVisible();

		page.locator("#sign-out").click();
		assertThat(page.locator("#username")).isVisible();

		page.navigate(system.consoleUrl);
		page.waitForURL((url) -> url.startsWith(RunningSystem.KEYCLOAK_URL + "/realms/ydan/"));
		assertThat(page.locator("#username")).isVisible();
	}

}

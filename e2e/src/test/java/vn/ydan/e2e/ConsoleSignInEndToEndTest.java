package vn.ydan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A person opening the console in Chromium: redirected to Keycloak, signed in, shown data
 * that the console fetched from the api with their token.
 */
class ConsoleSignInEndToEndTest {

	private static final String PASSWORD = "ydan-dev-2025";

	private static RunningSystem system;

	private static Browser browser;

	private BrowserContext context;

	private Page page;

	@BeforeAll
	static void startSystem() {
		// A Vaadin page after a sign-in round trip can take more than the default 5 s on
		// a busy 2-core machine.
		PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
		system = RunningSystem.get();
		browser = new Browser();
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@BeforeEach
	void openFreshBrowserContext() {
		context = browser.chromium
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("vi-VN"));
		context.setDefaultTimeout(30_000);
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		context.close();
	}

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

	private void signIn(String username) {
		Locator user = page.locator("#username");
		assertThat(user).isVisible();
		user.fill(username);
		page.locator("#password").fill(PASSWORD);
		page.locator("#kc-login").click();
	}

}

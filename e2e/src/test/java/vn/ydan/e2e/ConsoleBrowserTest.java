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

/**
 * What every browser test of the console shares: the running system, Chromium, a fresh
 * browser context (no cookies) per test, and signing in on Keycloak's form.
 */
abstract class ConsoleBrowserTest {

	static final String PASSWORD = "ydan-dev-2025";

	static RunningSystem system;

	private static Browser browser;

	private BrowserContext context;

	Page page;

	@BeforeAll
	static void startSystemAndBrowser() {
		system = RunningSystem.get();
		browser = new Browser();
		// A Vaadin page after a sign-in round trip, or the first pages of the national
		// registry, can take more than the default 5 s on a busy 2-core machine.
		PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
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

	/** Fills Keycloak's sign-in form, which the console has redirected to. */
	void signIn(String username) {
		Locator user = page.locator("#username");
		assertThat(user).isVisible();
		user.fill(username);
		page.locator("#password").fill(PASSWORD);
		page.locator("#kc-login").click();
	}

}

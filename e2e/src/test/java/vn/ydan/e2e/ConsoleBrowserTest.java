package vn.ydan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
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

	/**
	 * Adopts the plan on this page as it is done without published consultation results:
	 * the signed-in official asks with a reason, then {@code second} (another person, in
	 * their own browser) confirms the same act; this page then shows the plan adopted. A
	 * {@code second} of null is a new administrator, made for the purpose through the api
	 * with a temporary password changed at the first sign-in (the realm's officials cover
	 * only Hà Nội).
	 */
	void adoptByOverride(String number, String date, String reason, @org.jspecify.annotations.Nullable String second)
			throws IOException, InterruptedException {
		page.locator("#plan-adopt").click();
		page.locator("#plan-adopt-number input").fill(number);
		pickDate("#plan-adopt-date", date);
		page.locator("#plan-adopt-reason textarea").fill(reason);
		page.locator("#plan-adopt-past input").check();
		page.locator("#plan-adopt-save").click();
		assertThat(page.locator("#plan-override")).containsText("Chờ xác nhận");
		assertThat(page.locator("#plan-status")).hasText("Đã công bố");

		String username = (second != null) ? second : newAdministrator();
		BrowserContext other = browser.chromium
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("vi-VN"));
		try {
			Page confirming = other.newPage();
			confirming.navigate(page.url());
			confirming.locator("#username").fill(username);
			confirming.locator("#password").fill((second != null) ? PASSWORD : TEMPORARY_PASSWORD);
			confirming.locator("#kc-login").click();
			if (second == null) {
				confirming.locator("#password-new").fill(PASSWORD);
				confirming.locator("#password-confirm").fill(PASSWORD);
				confirming.locator("#kc-passwd-update-form [type=submit]").first().click();
			}
			assertThat(confirming.locator("#plan-adopt")).hasText("Xác nhận thông qua");
			confirming.locator("#plan-adopt").click();
			assertThat(confirming.locator("#plan-adopt-number input")).hasValue(number);
			confirming.locator("#plan-adopt-past input").check();
			confirming.locator("#plan-adopt-save").click();
			assertThat(confirming.locator("#plan-status")).hasText("Đã thông qua");
		}
		finally {
			other.close();
		}
		page.reload();
		assertThat(page.locator("#plan-status")).hasText("Đã thông qua");
		assertThat(page.locator("#plan-override")).containsText("xác nhận");
	}

	/** Types a day into a Vaadin date picker (dd/MM/yyyy in Vietnamese). */
	void pickDate(String picker, String text) {
		Locator input = page.locator(picker + " input");
		input.fill(text);
		input.press("Enter");
	}

	private static final String TEMPORARY_PASSWORD = "tam-thoi-2025";

	/** A new administrator (unique name) with a temporary password, made by quantri. */
	private static String newAdministrator() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String form = "grant_type=password&client_id=ydan-test&username=quantri&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
		HttpResponse<String> token = http.send(HttpRequest
			.newBuilder(URI.create(RunningSystem.KEYCLOAK_URL + "/realms/ydan/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		org.assertj.core.api.Assertions.assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		String username = "e2e-xacnhan-" + UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"query":"mutation($u: String!, $p: String!, $e: String!) { createUser(input: { username: $u,
				  firstName: \\"Xác nhận\\", lastName: \\"Cán bộ\\", email: $e,
				  temporaryPassword: $p, roles: [ADMIN] }) { user { id } userErrors { code message } } }",
				 "variables":{"u":"%s","p":"%s","e":"%s@ydan.example"}}"""
			.formatted(username, TEMPORARY_PASSWORD, username)
			.replace("\n", " ");
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(system.apiUrl))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + JsonPath.read(token.body(), "$.access_token"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
		org.assertj.core.api.Assertions.assertThat(JsonPath.<Object>read(created.body(), "$.data.createUser.user.id"))
			.as(created.body())
			.isNotNull();
		return username;
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

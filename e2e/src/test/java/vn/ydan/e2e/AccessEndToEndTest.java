package vn.ydan.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin assigns the clerk {@code thuky} to Xã Lũng Cú (Hà Giang) from the console;
 * the clerk's next token then acts there and is refused in Xã Má Lé. The admin registers
 * a partner app; its secret, shown once, gets a client-credentials token that reads the
 * api.
 */
class AccessEndToEndTest extends ConsoleBrowserTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void adminAssignsAClerkToACommuneAndTheClerkActsThereOnly() {
		page.navigate(system.consoleUrl + "access/users");
		signIn("quantri");

		page.locator("#access-users-search input").fill("thuky");
		page.locator("#access-users-search input").press("Enter");
		// The list is loaded again for the search: wait for it, or the click lands on a
		// row of the old list.
		assertThat(page.locator("#access-users-count")).hasText("1 người dùng");
		Locator row = page.locator("#access-users-grid vaadin-grid-cell-content")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*thuky\\s*$")).setVisible(true))
			.first();
		assertThat(row).isVisible();
		row.click();
		try {
			assertThat(page.locator("#access-user-details")).isVisible();
		}
		catch (AssertionError ex) {
			page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
				.setPath(java.nio.file.Path.of("target/e2e-logs/access-users.png")));
			throw ex;
		}

		// Start from an empty scope: another test of the run may have given thuky one
		// (a ward of Hanoi, which the Hanoi plan test then ends).
		Locator removes = page.locator("[id^='access-scope-remove-']");
		for (int i = 0; i < 20 && removes.count() > 0; i++) {
			int before = removes.count();
			removes.first().click();
			assertThat(removes).hasCount(before - 1);
		}
		page.locator("#access-scope-search input").fill("lung cu");
		page.locator("#access-scope-search-button").click();
		page.locator("#access-scope-add-00715").click();
		assertThat(page.locator("#access-user-scope")).containsText("Xã Lũng Cú");
		page.locator("#access-user-save").click();
		assertThat(page.locator("#access-user-message")).containsText("Đã lưu");
		assertThat(page.locator("#access-user-permissions")).containsText("Xã Lũng Cú");

		String clerk = token(Map.of("grant_type", "password", "client_id", "ydan-test", "username", "thuky", "password",
				PASSWORD, "scope", "openid"));
		// Communes of Hà Giang: the Hanoi plan, applied by another test of the same run,
		// ends Hanoi's communes as of today.
		String lungCu = unitId("00715");
		String maLe = unitId("00718");

		String inScope = addGroup(clerk, lungCu);
		assertThat(inScope).doesNotContain("\"errors\"").contains("\"userErrors\":[]");
		String outOfScope = addGroup(clerk, maLe);
		assertThat(outOfScope).contains("\"code\":\"FORBIDDEN\"");
	}

	@Test
	void adminRegistersAPartnerAppWhoseSecretReadsTheApi() {
		page.navigate(system.consoleUrl + "access/partner-apps");
		signIn("quantri");

		String name = "Ứng dụng thử " + UUID.randomUUID().toString().substring(0, 6);
		page.locator("#partner-app-name input").fill(name);
		page.locator("#partner-app-register").click();
		assertThat(page.locator("#partner-secret-warning")).containsText("chỉ hiện một lần");
		String clientId = page.locator("#partner-secret-client-id input").inputValue();
		String secret = page.locator("#partner-secret input").inputValue();
		assertThat(clientId).startsWith("partner-ung-dung-thu-");
		assertThat(secret).isNotBlank();
		page.locator("#partner-secret-close").click();
		assertThat(page.locator("#partner-apps-grid")).containsText(clientId);

		String partner = token(
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
		String me = graphQl("{ me { roles clientId } }", partner);
		assertThat(me).contains("\"roles\":[\"partner\"]").contains("\"clientId\":\"" + clientId + "\"");
		String units = graphQl("{ units(level: PROVINCE, first: 1) { totalCount } }", partner);
		assertThat(units).doesNotContain("\"errors\"").contains("totalCount");
	}

	private String unitId(String code) {
		String answer = graphQl("{ unitByCode(code: \"" + code + "\", level: COMMUNE) { id } }", null);
		Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(answer);
		assertThat(id.find()).as(answer).isTrue();
		return id.group(1);
	}

	private String addGroup(String token, String communeId) {
		return graphQl("mutation { addResidentialGroup(input: { communeId: \"" + communeId + "\", name: \"Tổ thử "
				+ UUID.randomUUID().toString().substring(0, 6)
				+ "\", type: TO_DAN_PHO, households: 5 }) { unit { id } userErrors { code } } }", token);
	}

	private String graphQl(String query, String token) {
		String body = "{\"query\":" + quote(query) + "}";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.apiUrl))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build()).body();
	}

	private static String token(Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(RunningSystem.KEYCLOAK_URL + "/realms/ydan/protocol/openid-connect/token"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}

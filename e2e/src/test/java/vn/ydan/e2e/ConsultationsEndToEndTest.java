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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A consultation end to end through the api and the console: set up over HTTP as an
 * administrator (a small published plan for Phúc Xá and Trúc Bạch, one residential group
 * each, their households, the consultation opened now); then in Chromium a first clerk
 * enters Phúc Xá's tally, a second person verifies it, the official watches Trúc Bạch's
 * figures arrive by themselves (server push), closes, certifies commune → district →
 * province and publishes; an anonymous GraphQL query then shows the result.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationsEndToEndTest extends ConsoleBrowserTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Live figures must show within 2 s (the target); the poll is 1 s, push immediate.
	 */
	private static final double LIVE_TIMEOUT_MS = 3_000;

	private static String consultationId;

	private static String trucBachGroup;

	/** Residential groups of Phúc Xá and Trúc Bạch (the demo data has some too). */
	private static int phucXaGroups;

	private static int trucBachGroups;

	private static final String GROUP = "Tổ dân phố E2E";

	@BeforeAll
	static void consultationOpenNow() throws Exception {
		String admin = token("quantri");
		String baDinh = unitId("001", "DISTRICT");
		String planId = call(admin,
				"""
						mutation($scope: ID!) { createPlan(input: { title: "Nhập Phúc Xá và Trúc Bạch (e2e)", scopeIds: [$scope],
						  effectiveDate: "2025-07-01" }) { plan { id } userErrors { message } } }""",
				Map.of("scope", baDinh))
			.read("$.data.createPlan.plan.id");
		call(admin, """
				mutation($id: ID!) { saveProposedUnit(input: { planId: $id, code: "90001", name: "Ba Đình Mới",
				  type: PHUONG, alternativeNames: ["Ba Đình", "Hồng Hà"] }) { plan { id } } }""", Map.of("id", planId));
		for (String code : List.of("00001", "00004")) {
			call(admin, """
					mutation($id: ID!, $unit: ID!) { assignUnit(input: { planId: $id, key: "90001", unitId: $unit,
					  kind: WHOLE }) { plan { id } } }""", Map.of("id", planId, "unit", unitId(code, "COMMUNE")));
		}
		Json published = call(admin,
				"mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } userErrors { message } } }",
				Map.of("id", planId));
		org.assertj.core.api.Assertions.assertThat(published.<String>read("$.data.changePlanStatus.plan.status"))
			.as(published.body())
			.isEqualTo("PUBLISHED");
		call(admin, """
				mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created } }""",
				Map.of("csv", """
						commune_code,code,name,type,households
						00001,E2E,Tổ dân phố E2E,tổ dân phố,3
						00004,E2E,Tổ dân phố E2E,tổ dân phố,2
						"""));
		Json households = call(admin, """
				mutation($csv: String!) { importHouseholds(input: { csv: $csv }) { households errors { message } } }""",
				Map.of("csv", "commune_code,group_code,group_name,household_id\n00001,E2E,,E2E-1\n00001,E2E,,E2E-2\n"
						+ "00001,E2E,,E2E-3\n00004,E2E,,E2E-4\n00004,E2E,,E2E-5\n"));
		org.assertj.core.api.Assertions.assertThat(households.<Integer>read("$.data.importHouseholds.households"))
			.as(households.body())
			.isEqualTo(5);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
		consultationId = call(admin, """
				mutation($plan: ID!, $opens: String!, $closes: String!) { createConsultation(input: { planId: $plan,
				  title: "Lấy ý kiến cử tri Phúc Xá, Trúc Bạch (e2e)", opensAt: $opens, closesAt: $closes }) {
				  consultation { id } userErrors { message } } }""",
				Map.of("plan", planId, "opens", now.minusHours(1).toString(), "closes", now.plusHours(2).toString()))
			.read("$.data.createConsultation.consultation.id");
		Json opened = call(admin,
				"mutation($id: ID!) { openConsultation(id: $id) { consultation { status } userErrors { message } } }",
				Map.of("id", consultationId));
		org.assertj.core.api.Assertions.assertThat(opened.<String>read("$.data.openConsultation.consultation.status"))
			.as(opened.body())
			.isEqualTo("OPEN");
		// The demo data's groups of the two communes report through the api: Phúc Xá's
		// households all agree, Trúc Bạch's all disagree.
		phucXaGroups = reportOtherGroups(admin, "00001", true);
		trucBachGroups = reportOtherGroups(admin, "00004", false);
	}

	/**
	 * Tallies of every group but ours whose households are in the register, entered
	 * twice; the number of such groups.
	 */
	private static int reportOtherGroups(String admin, String commune, boolean agree) throws Exception {
		String second = token("canbo");
		Json groups = call(admin, """
				query($id: ID!, $unit: ID!) { consultation(id: $id) { electorateGroups(unitId: $unit) {
				  group { id name } households } } }""",
				Map.of("id", consultationId, "unit", unitId(commune, "COMMUNE")));
		List<String> ids = groups.read("$.data.consultation.electorateGroups[*].group.id");
		List<String> names = groups.read("$.data.consultation.electorateGroups[*].group.name");
		List<Integer> sizes = groups.read("$.data.consultation.electorateGroups[*].households");
		for (int i = 0; i < ids.size(); i++) {
			if (names.get(i).equals(GROUP)) {
				if (commune.equals("00004")) {
					trucBachGroup = ids.get(i);
				}
				continue;
			}
			int n = sizes.get(i);
			Map<String, Object> counts = Map.of("issued", n, "returned", n, "valid", n, "invalid", 0, "agree",
					agree ? n : 0, "disagree", agree ? 0 : n);
			tally(admin, ids.get(i), counts);
			tally(second, ids.get(i), counts);
		}
		return ids.size();
	}

	@Test
	@Order(1)
	void aClerkEntersPhucXasTallyWithItsZeros() {
		page.navigate(system.consoleUrl + "consultations/" + consultationId + "/tallies");
		signIn("quantri");

		assertThat(page.locator("#tallies-progress"))
			.hasText((phucXaGroups - 1) + "/" + phucXaGroups + " tổ đã báo cáo · 1 tổ chưa xong");
		groupRow(GROUP).click();
		enter(3, 3, 3, 0, 3, 0);
		// The names asked: the proposed one, then its two alternatives.
		page.locator("#tally-name-0 input").fill("2");
		page.locator("#tally-name-1 input").fill("1");
		page.locator("#tally-name-2 input").fill("0");
		page.locator("#tally-name-2 input").press("Tab");
		page.locator("#tally-submit").click();

		assertThat(page.locator("#tally-result")).hasText("Đã ghi. Chờ người thứ hai nhập để đối chiếu.");
		assertThat(page.locator("#tally-state")).hasText("Chờ nhập lần hai");
	}

	@Test
	@Order(2)
	void aSecondPersonVerifiesIt() {
		page.navigate(system.consoleUrl + "consultations/" + consultationId + "/tallies");
		signIn("canbo");

		groupRow(GROUP).click();
		enter(3, 3, 3, 0, 3, 0);
		// The names asked: the proposed one, then its two alternatives.
		page.locator("#tally-name-0 input").fill("2");
		page.locator("#tally-name-1 input").fill("1");
		page.locator("#tally-name-2 input").fill("0");
		page.locator("#tally-name-2 input").press("Tab");
		page.locator("#tally-submit").click();

		assertThat(page.locator("#tally-result")).hasText("Đã ghi: số liệu đã được xác minh.");
		assertThat(page.locator("#tallies-progress"))
			.hasText(phucXaGroups + "/" + phucXaGroups + " tổ đã báo cáo · 0 tổ chưa xong");
	}

	/**
	 * Issue 15: a live results page left running on the server after its tab closed kept
	 * the console's heap growing until it ran out. Twenty visits (open, figures shown,
	 * tab closed) must leave the heap after a full GC where it was.
	 */
	@Test
	@Order(3)
	void openingAndClosingTheResultsPageTwentyTimesLeavesTheConsolesHeapFlat() {
		page.navigate(system.consoleUrl + "consultations/" + consultationId);
		signIn("canbo");
		assertThat(page.locator("#consultation-live")).containsText("Cập nhật trực tiếp");
		// Warm-up: classes loaded, caches filled.
		for (int i = 0; i < 3; i++) {
			visitResultsAndCloseTheTab();
		}
		long before = system.consoleHeapAfterGc();
		for (int i = 0; i < 20; i++) {
			visitResultsAndCloseTheTab();
		}
		long after = system.consoleHeapAfterGc();

		// For bench/consultations-console.
		System.out.printf("ydan-e2e console-heap-after-gc-mb before=%.1f after-20=%.1f%n", before / 1048576.0,
				after / 1048576.0);
		org.assertj.core.api.Assertions.assertThat(after - before)
			.as("growth of the console's heap after GC over 20 visits (before %d, after %d)", before, after)
			.isLessThan(4L * 1024 * 1024);
	}

	/** A tab on the results page, closed as a user closes it, with its figures live. */
	private void visitResultsAndCloseTheTab() {
		com.microsoft.playwright.Page tab = page.context().newPage();
		tab.navigate(system.consoleUrl + "consultations/" + consultationId);
		assertThat(tab.locator("#consultation-live")).containsText("Cập nhật trực tiếp");
		tab.close(new com.microsoft.playwright.Page.CloseOptions().setRunBeforeUnload(true));
	}

	/**
	 * Tally entry on a phone (390 × 844): the header fits with its sign-out whole, the
	 * home page leads to the tally entry in one click, and the form says how many of the
	 * group's households answered online.
	 */
	@Test
	@Order(4)
	void onAPhoneTheTallyEntryIsOneClickFromTheHomePage() {
		page.setViewportSize(390, 844);
		page.navigate(system.consoleUrl);
		signIn("canbo");

		Locator signOut = page.locator("#sign-out");
		assertThat(signOut).isVisible();
		com.microsoft.playwright.options.BoundingBox box = signOut.boundingBox();
		org.assertj.core.api.Assertions.assertThat(box.x + box.width)
			.as("sign-out's right edge")
			.isLessThanOrEqualTo(390);
		page.locator("#home-consultation-tallies-" + consultationId).click();
		page.waitForURL("**/tallies");
		assertThat(page.locator("#tallies-groups")).isVisible();
		groupRow(GROUP).click();

		assertThat(page.locator("#tally-online")).containsText("hộ của tổ đã trả lời trực tuyến");
		assertThat(page.locator("#tally-issued")).isVisible();
	}

	@Test
	@Order(5)
	void theOfficialSeesNewFiguresArriveThenCertifiesLevelByLevelAndPublishes() throws Exception {
		// For bench/consultations-console: the browser's long tasks (> 50 ms) while the
		// page is open and its figures refresh.
		page.addInitScript("""
				window.__longTasks = [];
				new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration)))
				  .observe({ type: 'longtask', buffered: true });""");
		page.navigate(system.consoleUrl + "consultations/" + consultationId);
		signIn("canbo");
		assertThat(page.locator("#consultation-status")).hasText("Đang lấy ý kiến");
		Locator trucBach = page.locator("#groups-00004");
		assertThat(trucBach).hasText((trucBachGroups - 1) + "/" + trucBachGroups);

		// Trúc Bạch's tally comes in through the api while the page is open: nobody
		// touches the page, the figures arrive by themselves.
		Map<String, Object> counts = Map.of("issued", 2, "returned", 2, "valid", 2, "invalid", 0, "agree", 0,
				"disagree", 2);
		tally(token("quantri"), trucBachGroup, counts);
		tally(token("canbo"), trucBachGroup, counts);
		long verifiedAt = System.nanoTime();
		assertThat(trucBach).hasText(trucBachGroups + "/" + trucBachGroups,
				new LocatorAssertions.HasTextOptions().setTimeout(LIVE_TIMEOUT_MS));
		// For bench/consultations-console: how long the page took to show the new
		// figures.
		System.out.printf("ydan-e2e live-refresh-ms=%d%n", (System.nanoTime() - verifiedAt) / 1_000_000);
		assertThat(page.locator("#consultation-live")).containsText("lần cuối lúc");
		Object longTasks = page.evaluate("() => JSON.stringify(window.__longTasks)");
		System.out.printf("ydan-e2e results-page-long-tasks-ms=%s%n", longTasks);

		page.locator("#consultation-close").click();
		// Before its closing time: the reason is asked in the dialog (and audited).
		page.locator("#consultation-close-reason textarea").fill("Đủ số liệu của các tổ (kiểm thử đầu cuối)");
		confirm();
		assertThat(page.locator("#consultation-status")).hasText("Đã kết thúc");
		certify("00001");
		certify("00004");
		certify("001");
		page.locator("#certify-01").click();
		confirm();
		assertThat(page.locator("#consultation-status")).hasText("Đã xác nhận kết quả");
		page.locator("#consultation-publish").click();
		confirm();
		assertThat(page.locator("#consultation-status")).hasText("Đã công bố");
		assertThat(page.locator("#outcome-00001")).hasText("Đạt");
		assertThat(page.locator("#outcome-00004")).hasText("Không đạt");
	}

	@Test
	@Order(6)
	void anAnonymousQueryShowsThePublishedResult() throws Exception {
		Json results = call(null,
				"""
						query($id: ID!) { consultation(id: $id) { status results { published
						  communes { unit { code } households tookPart agree outcome certified } total { passed failed } } } }""",
				Map.of("id", consultationId));

		org.assertj.core.api.Assertions.assertThat(results.<String>read("$.data.consultation.status"))
			.as(results.body())
			.isEqualTo("PUBLISHED");
		org.assertj.core.api.Assertions.assertThat(results.<Boolean>read("$.data.consultation.results.published"))
			.isTrue();
		org.assertj.core.api.Assertions
			.assertThat(results
				.<List<String>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].outcome"))
			.containsExactly("PASS");
		org.assertj.core.api.Assertions
			.assertThat(results
				.<List<Integer>>read("$.data.consultation.results.communes[?(@.unit.code == '00001')].agree"))
			.containsExactly(3);
		org.assertj.core.api.Assertions
			.assertThat(results
				.<List<String>>read("$.data.consultation.results.communes[?(@.unit.code == '00004')].outcome"))
			.containsExactly("FAIL");
		org.assertj.core.api.Assertions.assertThat(results.<Integer>read("$.data.consultation.results.total.passed"))
			.isEqualTo(1);
	}

	/** Confirms the step the page asked about. */
	private void confirm() {
		Locator confirm = page.locator("vaadin-confirm-dialog vaadin-button[slot='confirm-button']");
		assertThat(confirm).isVisible();
		confirm.click();
		assertThat(confirm).not().isVisible();
	}

	private void enter(int issued, int returned, int valid, int invalid, int agree, int disagree) {
		int[] values = { issued, returned, valid, invalid, agree, disagree };
		String[] fields = { "issued", "returned", "valid", "invalid", "agree", "disagree" };
		for (int i = 0; i < fields.length; i++) {
			Locator input = page.locator("#tally-" + fields[i] + " input");
			input.fill(String.valueOf(values[i]));
			input.press("Tab");
		}
	}

	private Locator groupRow(String name) {
		Locator cell = page.locator("#tallies-groups vaadin-grid-cell-content")
			.filter(new Locator.FilterOptions().setHasText(name).setVisible(true))
			.first();
		assertThat(cell).isVisible();
		return cell;
	}

	private static void tally(String token, String group, Map<String, Object> counts) throws Exception {
		Json entered = call(token, """
				mutation($id: ID!, $group: ID!, $counts: PaperCountsInput!) { enterTally(input: { consultationId: $id,
				  groupId: $group, counts: $counts }) { tally { state } userErrors { code message } } }""",
				Map.of("id", consultationId, "group", group, "counts", counts));
		org.assertj.core.api.Assertions.assertThat(entered.<Object>read("$.data.enterTally.tally"))
			.as(entered.body())
			.isNotNull();
	}

	private static String unitId(String code, String level) throws Exception {
		return call(null, "{ unitByCode(code: \"%s\", level: %s, asOf: \"2025-06-30\") { id } }".formatted(code, level),
				Map.of())
			.read("$.data.unitByCode.id");
	}

	/**
	 * A user's access token from the test Keycloak (password grant, test-only client).
	 */
	private static String token(String username) throws IOException, InterruptedException {
		String form = "grant_type=password&client_id=ydan-test&username=" + username + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(RunningSystem.KEYCLOAK_URL + "/realms/ydan/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.access_token");
	}

	private static Json call(String token, String query, Map<String, Object> variables)
			throws IOException, InterruptedException {
		String body = json(Map.of("query", query, "variables", variables));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.apiUrl))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new Json(response.body());
	}

	private static String json(Object value) {
		return switch (value) {
			case Map<?, ?> map -> {
				StringBuilder out = new StringBuilder("{");
				map.forEach((key, item) -> out.append(out.length() > 1 ? "," : "")
					.append(json(key.toString()))
					.append(':')
					.append(json(item)));
				yield out.append('}').toString();
			}
			case List<?> list ->
				"[" + String.join(",", list.stream().map(ConsultationsEndToEndTest::json).toList()) + "]";
			case Number number -> number.toString();
			case Boolean bool -> bool.toString();
			default -> {
				StringBuilder out = new StringBuilder("\"");
				for (char c : value.toString().toCharArray()) {
					switch (c) {
						case '"' -> out.append("\\\"");
						case '\\' -> out.append("\\\\");
						case '\n' -> out.append("\\n");
						case '\r' -> out.append("\\r");
						case '\t' -> out.append("\\t");
						default -> out.append(c);
					}
				}
				yield out.append('"').toString();
			}
		};
	}

	private record Json(String body) {

		<T> T read(String path) {
			return JsonPath.read(this.body, path);
		}

	}

	/**
	 * Clicks a certify button until the unit shows as certified. Closing changes every
	 * outcome, and the live refresh redraws the results a moment later: a click that
	 * lands on a button being replaced is lost (the browser sends nothing), so it is
	 * clicked again. Each certification is confirmed in the dialog the button opens.
	 */
	private void certify(String code) {
		Locator certified = page.locator("#certified-" + code);
		Locator confirm = page.locator("vaadin-confirm-dialog vaadin-button[slot='confirm-button']");
		for (int attempt = 1; attempt <= 5 && certified.count() == 0; attempt++) {
			page.locator("#certify-" + code).click();
			try {
				confirm.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
				confirm.click();
				certified.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
			}
			catch (com.microsoft.playwright.TimeoutError ex) {
				assertThat(page.locator("#consultation-message")).hasText("");
			}
		}
		assertThat(certified).isVisible();
	}

}

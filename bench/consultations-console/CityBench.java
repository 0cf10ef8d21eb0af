import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Officials on the live results page of the demo's 526-commune consultation, in headless
 * Chromium (one context per official), for some minutes, with tabs opened and closed beside
 * them; tallies verified through the api at intervals, timed until every open page shows
 * them; a clerk on a phone-size screen going from his home page to a group's tally form.
 * Run by measure.sh, which starts the api and the console and watches the console's memory.
 *
 * java -cp <e2e test classpath> CityBench.java consoleUrl apiUrl keycloakUrl officials minutes
 */
public class CityBench {

	static final String PASSWORD = "ydan-dev-2025";

	static final HttpClient http = HttpClient.newHttpClient();

	static String consoleUrl;

	static String apiUrl;

	static String keycloakUrl;

	public static void main(String[] args) throws Exception {
		consoleUrl = args[0];
		apiUrl = args[1];
		keycloakUrl = args[2];
		int officials = Integer.parseInt(args[3]);
		double minutes = Double.parseDouble(args[4]);
		String admin = token("quantri");
		String consultation = JsonPath.read(call(admin,
				"{ consultations { id title status } }", Map.of()),
				"$.data.consultations[?(@.title =~ /.*mô phỏng.*/)].id").toString().replaceAll("[\\[\\]\"]", "");
		System.out.println("bench: consultation=" + consultation);

		try (Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
			Browser chromium = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(java.nio.file.Path.of("/usr/bin/chromium"))
					.setHeadless(true)
					.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
							"--disable-background-networking", "--disable-component-update", "--disable-sync",
							"--disable-renderer-backgrounding", "--disable-background-timer-throttling",
							"--disable-backgrounding-occluded-windows")));
			AtomicInteger errors = new AtomicInteger();
			List<Page> pages = new ArrayList<>();
			List<BrowserContext> contexts = new ArrayList<>();
			for (int i = 0; i < officials; i++) {
				BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
				contexts.add(context);
				Page page = context.newPage();
				watchErrors(page, errors);
				long start = System.nanoTime();
				try {
					page.navigate(consoleUrl + "consultations/" + consultation);
					signIn(page, (i % 2 == 0) ? "canbo" : "quantri");
					assertThat(page.locator("#consultation-live")).containsText("Cập nhật trực tiếp",
							new LocatorAssertions.ContainsTextOptions().setTimeout(240_000));
				}
				catch (RuntimeException | AssertionError ex) {
					System.out.println("bench: official " + i + " page not ready in 240 s (left out): "
							+ ex.getMessage().lines().findFirst().orElse(""));
					continue;
				}
				System.out.printf(Locale.ROOT, "bench: official %d page ready in %d ms%n", i,
						(System.nanoTime() - start) / 1_000_000);
				pages.add(page);
			}
			// The charts as an official sees them (README), after a few pushes.
			if (args.length > 5) {
				Thread.sleep(8000);
				try {
					pages.get(0).locator("#consultation-chart-turnout").screenshot(new Locator.ScreenshotOptions()
						.setTimeout(120_000).setPath(java.nio.file.Path.of(args[5], "chart-over-time.png")));
					pages.get(0).locator("#consultation-chart-agree").screenshot(new Locator.ScreenshotOptions()
						.setTimeout(120_000).setPath(java.nio.file.Path.of(args[5], "chart-by-district.png")));
				}
				catch (RuntimeException ex) {
					System.out.println("bench: no screenshot: " + ex.getMessage().lines().findFirst().orElse(""));
				}
			}
			// Long tasks from now on: the steady state of pages left open.
			for (Page page : pages) {
				page.evaluate("() => { window.__longTasks = []; window.__since = performance.now(); }");
			}
			// Where the first page's main thread goes, 20 s of the steady state (-Dprofile=true).
			if (Boolean.getBoolean("profile") && !pages.isEmpty()) {
				profile(pages.get(0), 20_000);
			}
			long end = System.nanoTime() + (long) (minutes * 60e9);
			Random random = new Random(15);
			List<Long> latencies = new ArrayList<>();
			int missed = 0;
			int tabs = 0;
			int tabFailures = 0;
			List<Long> tabOpen = new ArrayList<>();
			int round = 0;
			while (System.nanoTime() < end) {
				round++;
				// A tab opened and closed (as a user closes it: unload beacon).
				for (int t = 0; t < 2; t++) {
					BrowserContext context = contexts.get(random.nextInt(contexts.size()));
					Page tab = context.newPage();
					watchErrors(tab, errors);
					long opened = System.nanoTime();
					try {
						tab.navigate(consoleUrl + "consultations/" + consultation);
						assertThat(tab.locator("#consultation-live")).containsText("Cập nhật trực tiếp",
								new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
						tabOpen.add((System.nanoTime() - opened) / 1_000_000);
					}
					catch (RuntimeException | AssertionError ex) {
						tabFailures++;
						System.out.println("bench: tab failed: " + ex.getMessage().lines().findFirst().orElse("")
								+ " at " + tab.url() + ": "
								+ tab.locator("body").innerText().replace('\n', ' ').substring(0,
										Math.min(200, tab.locator("body").innerText().length())));
						if (args.length > 5) {
							try {
								tab.screenshot(new Page.ScreenshotOptions()
									.setPath(java.nio.file.Path.of(args[5], "tab-failed-" + tabFailures + ".png")));
							}
							catch (RuntimeException busy) {
								// A saturated browser times out on the screenshot too: the run goes on.
								System.out.println("bench: no screenshot of the failed tab");
							}
						}
					}
					tab.close(new Page.CloseOptions().setRunBeforeUnload(true));
					tabs++;
				}
				// A tally verified through the api: how long until every open page shows it.
				// Tokens live 5 minutes: a fresh one for each round.
				// Only communes in sight on every open page can be timed: the grid renders
				// the rows in sight, the others are not in the document.
				java.util.Set<String> inSight = null;
				for (Page page : pages) {
					@SuppressWarnings("unchecked")
					List<String> codes = (List<String>) page.evaluate(
							"() => [...document.querySelectorAll('[id^=\"groups-\"]')].map((e) => e.id.substring(7))");
					if (inSight == null) {
						inSight = new java.util.LinkedHashSet<>(codes);
					}
					else {
						inSight.retainAll(codes);
					}
				}
				Probe probe;
				try {
					probe = probe(token("quantri"), consultation, (inSight != null) ? inSight : java.util.Set.of());
				}
				catch (RuntimeException ex) {
					System.out.println("bench: probe failed: " + ex.getMessage().lines().findFirst().orElse(""));
					probe = null;
				}
				if (probe != null) {
					for (Page page : pages) {
						page.evaluate("""
								(id) => {
								  window.__before = document.getElementById(id)?.textContent;
								  window.__seenAt = 0;
								  clearInterval(window.__watch);
								  window.__watch = setInterval(() => {
								    const now = document.getElementById(id)?.textContent;
								    if (now !== undefined && now !== window.__before && !window.__seenAt) {
								      window.__seenAt = Date.now();
								    }
								  }, 20);
								}""", "groups-" + probe.code);
					}
					tally(token("quantri"), consultation, probe.group);
					tally(token("canbo"), consultation, probe.group);
					long verified = System.currentTimeMillis();
					Thread.sleep(6000);
					for (Page page : pages) {
						long seen = ((Number) page.evaluate("() => window.__seenAt")).longValue();
						if (seen == 0) {
							missed++;
							System.out.println("bench: not shown on a page: before/now " + page.evaluate(
									"(id) => [window.__before, document.getElementById(id)?.textContent, document.getElementById('consultation-live')?.textContent]",
									"groups-" + probe.code));
						}
						else {
							latencies.add(seen - verified);
						}
					}
					System.out.printf(Locale.ROOT, "bench: round %d tally of %s shown after %s ms%n", round,
							probe.code, latencies.subList(Math.max(0, latencies.size() - pages.size()),
									latencies.size()));
				}
				Thread.sleep(15_000);
			}
			double longShare = 0;
			for (Page page : pages) {
				double share = ((Number) page.evaluate(
						"() => window.__longTasks.reduce((a, b) => a + b, 0) / (performance.now() - window.__since)"))
					.doubleValue();
				longShare = Math.max(longShare, share);
			}
			List<Long> sorted = latencies.stream().sorted().toList();
			System.out.printf(Locale.ROOT,
					"bench: officials=%d minutes=%.1f tabs-opened-closed=%d (failed %d, open median %d ms) tallies-shown=%d missed=%d"
							+ " median=%d ms p90=%d ms max=%d ms long-task-share-max=%.1f %% page-errors=%d%n",
					officials, minutes, tabs, tabFailures, pct(tabOpen.stream().sorted().toList(), 0.5), sorted.size(), missed, pct(sorted, 0.5), pct(sorted, 0.9),
					sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1), longShare * 100, errors.get());
			for (BrowserContext context : contexts) {
				context.close();
			}

			// A clerk on a phone: home page → the consultation's tallies → a group's form.
			int clerks = Integer.parseInt(System.getProperty("clerks", "3"));
			for (int i = 0; i < clerks; i++) {
				BrowserContext phone = chromium.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
				Page page = phone.newPage();
				watchErrors(page, errors);
				page.navigate(consoleUrl);
				signIn(page, "canbo");
				Locator link = page.locator("#home-consultation-tallies-" + consultation);
				assertThat(link).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
				long start = System.nanoTime();
				link.click();
				// A group's row, not the column's header ("Tổ dân phố, thôn", also a cell).
				Locator row = page.locator("#tallies-groups vaadin-grid-cell-content")
					.filter(new Locator.FilterOptions()
						.setHasText(java.util.regex.Pattern.compile("^(Tổ dân phố|Thôn) \\S"))
						.setVisible(true))
					.first();
				assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
				row.click();
				assertThat(page.locator("#tally-issued"))
					.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
				System.out.printf(Locale.ROOT, "bench: clerk home → tally form %d ms%n",
						(System.nanoTime() - start) / 1_000_000);
				phone.close();
			}
			System.out.println("bench: page-errors-total=" + errors.get());
			chromium.close();
		}
	}

	record Probe(String code, String group) {
	}

	/**
	 * A group without a verified tally in one of the first communes of the list (those in
	 * sight on every page), or none.
	 */
	static Probe probe(String token, String consultation, java.util.Set<String> inSight) throws Exception {
		String results = call(token,
				"query($id: ID!) { consultation(id: $id) { results { communes { unit { id code } groups groupsReported } } } }",
				Map.of("id", consultation));
		List<Map<String, Object>> communes = JsonPath.read(results, "$.data.consultation.results.communes");
		for (Map<String, Object> commune : communes) {
			if (((Number) commune.get("groupsReported")).intValue() >= ((Number) commune.get("groups")).intValue()) {
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> unit = (Map<String, Object>) commune.get("unit");
			if (!inSight.contains((String) unit.get("code"))) {
				continue;
			}
			String groups = call(token, """
					query($id: ID!, $unit: ID!) { consultation(id: $id) { electorateGroups(unitId: $unit) { group { id } }
					  tallies(unitId: $unit) { group { id } state } } }""",
					Map.of("id", consultation, "unit", unit.get("id")));
			List<String> all = JsonPath.read(groups, "$.data.consultation.electorateGroups[*].group.id");
			List<String> tallied = JsonPath.read(groups, "$.data.consultation.tallies[*].group.id");
			for (String group : all) {
				if (!tallied.contains(group)) {
					return new Probe((String) unit.get("code"), group);
				}
			}
		}
		System.out.println("bench: no untallied group in the communes in sight on every page: " + inSight);
		return null;
	}

	/**
	 * A CPU profile of a page (Chromium's sampling profiler over CDP): self time by
	 * function and by script, the top 15 of each.
	 */
	static void profile(Page page, long millis) throws Exception {
		com.microsoft.playwright.CDPSession cdp = page.context().newCDPSession(page);
		cdp.send("Profiler.enable");
		com.google.gson.JsonObject interval = new com.google.gson.JsonObject();
		interval.addProperty("interval", 1000);
		cdp.send("Profiler.setSamplingInterval", interval);
		cdp.send("Performance.enable");
		Map<String, Double> before = metrics(cdp);
		cdp.send("Profiler.start");
		Thread.sleep(millis);
		Map<String, Double> after = metrics(cdp);
		for (String metric : List.of("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "Nodes",
				"LayoutCount", "RecalcStyleCount", "JSHeapUsedSize")) {
			System.out.printf(Locale.ROOT, "bench: metric %s %.3f (%+.3f)%n", metric, after.getOrDefault(metric, 0.0),
					after.getOrDefault(metric, 0.0) - before.getOrDefault(metric, 0.0));
		}
		com.google.gson.JsonObject profile = cdp.send("Profiler.stop").getAsJsonObject("profile");
		Map<Integer, String> nameOf = new java.util.HashMap<>();
		Map<Integer, String> scriptOf = new java.util.HashMap<>();
		for (var node : profile.getAsJsonArray("nodes")) {
			var frame = node.getAsJsonObject().getAsJsonObject("callFrame");
			String url = frame.get("url").getAsString();
			String script = url.isEmpty() ? "(native)" : url.substring(url.lastIndexOf('/') + 1);
			int id = node.getAsJsonObject().get("id").getAsInt();
			nameOf.put(id, frame.get("functionName").getAsString() + " " + script + ":" + frame.get("lineNumber").getAsInt());
			scriptOf.put(id, script);
		}
		var samples = profile.getAsJsonArray("samples");
		var deltas = profile.getAsJsonArray("timeDeltas");
		Map<String, Long> byName = new java.util.HashMap<>();
		Map<String, Long> byScript = new java.util.HashMap<>();
		long total = 0;
		for (int i = 0; i < samples.size(); i++) {
			long delta = (i + 1 < deltas.size()) ? deltas.get(i + 1).getAsLong() : 0;
			int node = samples.get(i).getAsInt();
			byName.merge(nameOf.get(node), delta, Long::sum);
			byScript.merge(scriptOf.get(node), delta, Long::sum);
			total += delta;
		}
		final long all = Math.max(1, total);
		System.out.printf(Locale.ROOT, "bench: profile of page 0, %d ms sampled%n", total / 1000);
		byScript.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
			.forEach((e) -> System.out.printf(Locale.ROOT, "bench: profile script %5.1f %% %s%n", e.getValue() * 100.0 / all, e.getKey()));
		byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
			.forEach((e) -> System.out.printf(Locale.ROOT, "bench: profile fn %5.1f %% %s%n", e.getValue() * 100.0 / all, e.getKey()));
		cdp.send("Profiler.disable");
		cdp.detach();
	}

	static Map<String, Double> metrics(com.microsoft.playwright.CDPSession cdp) {
		Map<String, Double> values = new java.util.HashMap<>();
		for (var metric : cdp.send("Performance.getMetrics").getAsJsonArray("metrics")) {
			values.put(metric.getAsJsonObject().get("name").getAsString(),
					metric.getAsJsonObject().get("value").getAsDouble());
		}
		return values;
	}

	static void tally(String token, String consultation, String group) throws Exception {
		String answer = call(token, """
				mutation($id: ID!, $group: ID!) { enterTally(input: { consultationId: $id, groupId: $group,
				  counts: { issued: 2, returned: 2, valid: 2, invalid: 0, agree: 2, disagree: 0 } }) {
				  tally { state } userErrors { code message } } }""", Map.of("id", consultation, "group", group));
		if (!answer.contains("\"tally\":{")) {
			System.out.println("bench: tally refused: " + answer);
		}
	}

	static void watchErrors(Page page, AtomicInteger errors) {
		page.onPageError((error) -> {
			errors.incrementAndGet();
			System.out.println("bench: page error " + error);
		});
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				errors.incrementAndGet();
				System.out.println("bench: console error " + message.text());
			}
		});
		page.addInitScript("""
				window.__longTasks = [];
				window.__since = performance.now();
				new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration)))
				  .observe({ type: 'longtask', buffered: true });""");
	}

	static void signIn(Page page, String username) {
		Locator user = page.locator("#username");
		assertThat(user).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
		user.fill(username);
		page.locator("#password").fill(PASSWORD);
		page.locator("#kc-login").click();
	}

	static long pct(List<Long> sorted, double p) {
		return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
	}

	static String token(String username) throws Exception {
		String form = "grant_type=password&client_id=ydan-test&username=" + username + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(keycloakUrl + "/realms/ydan/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return JsonPath.read(http.send(request, HttpResponse.BodyHandlers.ofString()).body(), "$.access_token");
	}

	static String call(String token, String query, Map<String, Object> variables) throws Exception {
		StringBuilder vars = new StringBuilder("{");
		variables.forEach((name, value) -> vars.append(vars.length() > 1 ? "," : "")
			.append('"')
			.append(name)
			.append("\":\"")
			.append(value)
			.append('"'));
		vars.append('}');
		String body = "{\"query\":" + quote(query) + ",\"variables\":" + vars + "}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(60))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The api answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}

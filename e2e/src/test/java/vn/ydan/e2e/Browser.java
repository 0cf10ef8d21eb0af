package vn.ydan.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright; the machines have no network to fetch
 * Playwright's own browsers.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("YDAN_CHROMIUM", "/usr/bin/chromium"));

	private final Playwright playwright;

	final com.microsoft.playwright.Browser chromium;

	Browser() {
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.chromium = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@Override
	public void close() {
		chromium.close();
		playwright.close();
	}

}

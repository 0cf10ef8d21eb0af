package vn.ydan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Page;

/**
 * axe-core (the npm package, pinned by the committed
 * {@code src/test/node/package-lock.json} and installed there by {@code npm ci} on first
 * use) run in the page: the accessibility rules of WCAG 2.1 A and AA, and axe's best
 * practices.
 */
final class Axe {

	private static final Path FOLDER = Path.of("src/test/node");

	private static String script;

	private Axe() {
	}

	/**
	 * The serious and critical violations on the page as it is now, one line each (rule,
	 * help, the elements); empty when there are none.
	 */
	static List<String> seriousViolations(Page page) {
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
				async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
				  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
				  .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
				    nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(' ') }))""");
		List<String> lines = new ArrayList<>();
		for (Map<String, Object> violation : violations) {
			lines.add(violation.get("impact") + " " + violation.get("id") + ": " + violation.get("help") + " — "
					+ violation.get("nodes"));
		}
		return lines;
	}

	private static synchronized String script() {
		if (script == null) {
			Path file = FOLDER.resolve("node_modules/axe-core/axe.min.js");
			try {
				if (!Files.exists(file)) {
					install();
				}
				script = Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return script;
	}

	private static void install() throws IOException {
		Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
			.directory(FOLDER.toFile())
			.redirectErrorStream(true)
			.start();
		try {
			String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!npm.waitFor(600, TimeUnit.SECONDS) || npm.exitValue() != 0) {
				throw new IllegalStateException(
						"npm ci in " + FOLDER + " failed (Node.js and npm are needed):\n" + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

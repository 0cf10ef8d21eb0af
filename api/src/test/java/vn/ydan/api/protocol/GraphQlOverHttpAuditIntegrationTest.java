package vn.ydan.api.protocol;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ydan.api.ApiIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API conforms to the GraphQL over HTTP specification as the npm package
 * {@code graphql-http} audits it ({@code serverAudits}, run by
 * {@code src/test/node/audit-server.mjs}): no MUST audit fails. Recommendations it does
 * not follow (GET requests, which it refuses on purpose) are listed in the test's output.
 */
class GraphQlOverHttpAuditIntegrationTest extends ApiIntegrationTest {

	@LocalServerPort
	private int port;

	@Test
	void noGraphQlOverHttpAuditFails() {
		NodeChecks.Result run = NodeChecks.run("audit-server.mjs", "http://127.0.0.1:" + this.port + "/graphql");
		assertThat(run.exitCode()).as(run.toString()).isZero();

		JsonNode results = JsonMapper.builder().build().readTree(run.out());
		List<String> failed = new ArrayList<>();
		List<String> others = new ArrayList<>();
		int ok = 0;
		for (JsonNode result : results) {
			String line = result.get("id").asString() + " " + result.get("name").asString() + ": "
					+ result.path("reason").asString("");
			switch (result.get("status").asString()) {
				case "ok" -> ok++;
				case "error" -> failed.add(line);
				default -> others.add(result.get("status").asString() + " " + line);
			}
		}
		System.out.printf("graphql-http audits: %d ok, %d failed, %d notices or warnings%n", ok, failed.size(),
				others.size());
		others.forEach((line) -> System.out.println("  " + line));

		assertThat(failed).as("failed MUST audits").isEmpty();
		assertThat(ok).as("audits passed").isGreaterThanOrEqualTo(50);
	}

}

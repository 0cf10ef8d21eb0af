package vn.ydan.api.access;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlWsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes go over HTTP only: a mutation sent over graphql-ws is refused with
 * {@code BAD_REQUEST} before it runs, whoever sends it; queries still run there (decision
 * 13). With the npm client {@code graphql-ws} ({@link GraphQlWsClient}).
 */
class WebSocketMutationsIntegrationTest extends ApiIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	@LocalServerPort
	int port;

	@Test
	void aMutationOverWebSocketIsRefusedAndDoesNotRun() {
		String title = "Qua WebSocket " + System.nanoTime();
		JsonNode refused = run(admin, """
				mutation { createPlan(input: { title: "%s", scopeIds: [], effectiveDate: "2025-07-01" }) {
				  plan { id } userErrors { code } } }""".formatted(title));

		assertThat(refused.toString()).contains("\"code\":\"BAD_REQUEST\"").contains("HTTP POST");
		assertThat(refused.toString()).doesNotContain("createPlan\":{");
		GraphQlHttp.Response plans = this.api.query("{ plans { title } }", admin);
		assertThat(plans.<java.util.List<String>>read("$.data.plans[*].title")).as(plans.body()).doesNotContain(title);
	}

	@Test
	void aMutationNamedAmongOtherOperationsIsRefusedToo() {
		JsonNode refused = run("-", """
				query Read { __typename }
				mutation Write { answerConsultation(input: { consultationId: "x", agree: true, idempotencyKey: "k" }) {
				  userErrors { code } } }""" + "\n", "Write");

		assertThat(refused.toString()).contains("\"code\":\"BAD_REQUEST\"");
	}

	@Test
	void aQueryOverWebSocketStillRuns() {
		JsonNode answered = run(admin, "{ me { username } }");

		assertThat(answered.at("/payload/data/me/username").asString()).as(answered.toString()).isEqualTo("quantri");
	}

	/** The first {@code next} or {@code error} event of the operation. */
	private JsonNode run(String token, String document) {
		try (GraphQlWsClient client = GraphQlWsClient.start("operate.mjs", webSocketUrl(), token, document)) {
			return client.await((json) -> {
				String event = json.path("event").asString();
				return event.equals("next") || event.equals("error");
			}, WAIT).json();
		}
	}

	private JsonNode run(String token, String document, String operationName) {
		try (GraphQlWsClient client = GraphQlWsClient.start("operate.mjs", webSocketUrl(), token, document,
				operationName)) {
			return client.await((json) -> {
				String event = json.path("event").asString();
				return event.equals("next") || event.equals("error");
			}, WAIT).json();
		}
	}

	private String webSocketUrl() {
		return "ws://127.0.0.1:" + this.port + "/graphql";
	}

}

package vn.ydan.api.access;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlWsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graphql-ws connection lives as long as the token of its {@code connection_init}: once
 * the token's {@code exp} passes, the connection is closed with 4401 and its
 * subscriptions end with it. Checked with the npm client {@code graphql-ws}
 * ({@link GraphQlWsClient}) following a plan that is not being applied (a subscription
 * that stays open).
 */
class WebSocketTokenExpiryIntegrationTest extends ApiIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	@LocalServerPort
	int port;

	@Test
	void anOpenSubscriptionIsClosedWith4401WhenItsTokenExpires() {
		String planId = plan("Theo dõi đến khi hết hạn");
		Instant expires = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), "planApplyProgress", planId,
				adminExpiringAt(expires))) {
			JsonNode first = client.awaitEvent("next", WAIT).json();
			assertThat(first.at("/payload/data/planApplyProgress/state").asString()).as(first.toString())
				.isEqualTo("NOT_STARTED");

			JsonNode closed = client.awaitEvent("closed", WAIT).json();
			assertThat(closed.path("code").asInt()).as(closed.toString()).isEqualTo(4401);
			assertThat(closed.path("at").asLong()).as("closed after the token's exp")
				.isGreaterThanOrEqualTo(expires.toEpochMilli());
		}
	}

	@Test
	void aTokenPastItsExpiryIsRefusedAtConnectionInit() {
		String planId = plan("Mã thông báo vừa hết hạn");
		String expired = adminExpiringAt(Instant.now().minusSeconds(10));
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), "planApplyProgress", planId, expired)) {
			JsonNode closed = client.awaitEvent("closed", WAIT).json();
			assertThat(closed.path("code").asInt()).as(closed.toString()).isEqualTo(4401);
		}
	}

	private String adminExpiringAt(Instant expires) {
		return issuer.token((claims) -> claims.claim("preferred_username", "quantri")
			.claim("name", "Nguyễn Văn An")
			.claim("realm_access", Map.of("roles", List.of("admin")))
			.expirationTime(Date.from(expires)));
	}

	private String plan(String title) {
		GraphQlHttp.Response scope = this.api.query("""
				{ unitByCode(code: "001", level: DISTRICT, asOf: "2025-06-30") { id } }""", null);
		String scopeId = scope.read("$.data.unitByCode.id");
		assertThat(scopeId).as(scope.body()).isNotNull();
		GraphQlHttp.Response created = this.api.query("""
				mutation($title: String!, $scope: ID!) { createPlan(input: { title: $title, scopeIds: [$scope],
				  effectiveDate: "2025-07-01" }) { plan { id } userErrors { code message } } }""",
				Map.of("title", title, "scope", scopeId), admin);
		String id = created.read("$.data.createPlan.plan.id");
		assertThat(id).as(created.body()).isNotNull();
		return id;
	}

	private String webSocketUrl() {
		return "ws://127.0.0.1:" + this.port + "/graphql";
	}

}

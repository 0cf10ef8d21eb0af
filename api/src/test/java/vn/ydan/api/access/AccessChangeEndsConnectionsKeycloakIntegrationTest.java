package vn.ydan.api.access;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ydan.api.GraphQlHttp.Response;
import vn.ydan.api.GraphQlWsClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an admin takes a role away through the api, the user's open graphql-ws connections
 * close with 4403 and their subscriptions end; the token they held is then refused at
 * {@code connection_init}, though it has not expired (decision 13). Against the real
 * Keycloak, with the npm client {@code graphql-ws} following a plan that is not being
 * applied (a subscription that stays open).
 */
class AccessChangeEndsConnectionsKeycloakIntegrationTest extends KeycloakApiTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	private String admin;

	private String userId;

	private String username;

	@BeforeEach
	void adminAndUser() {
		this.admin = passwordToken("ydan-test", "quantri");
		importUnits("PROVINCES",
				"code,name,full_name,type\n01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương\n");
		// A user of this test alone, with a password it can sign in with (the api sets
		// only temporary ones).
		this.username = "ws-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = keycloakAdmin("POST", "/users",
				"""
						{"username": "%s", "enabled": true, "emailVerified": true, "firstName": "Thử", "lastName": "Kết Nối",
						 "email": "%s@ydan.example", "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
					.formatted(this.username, this.username, PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		this.userId = location.substring(location.lastIndexOf('/') + 1);
	}

	@AfterEach
	void removeUser() {
		keycloakAdmin("DELETE", "/users/" + this.userId, null);
	}

	@Test
	void takingAUsersRoleAwayClosesTheirSubscriptionsWith4403AndRefusesTheirOldToken() {
		assertThat(setRoles(List.of("ADMIN"))).isEmpty();
		String token = passwordToken("ydan-test", this.username);
		String planId = plan();
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), "planApplyProgress", planId, token)) {
			JsonNode first = client.awaitEvent("next", WAIT).json();
			assertThat(first.at("/payload/data/planApplyProgress/state").asString()).as(first.toString())
				.isEqualTo("NOT_STARTED");
			// A token issued in the second of a change is taken (iat has whole seconds):
			// this one must predate it.
			awaitSecondAfter(token);
			// Giving a role takes nothing away: the connection stays.
			assertThat(setRoles(List.of("ADMIN", "OFFICIAL"))).isEmpty();
			long removed = System.currentTimeMillis();

			assertThat(setRoles(List.of())).isEmpty();

			JsonNode closed = client.awaitEvent("closed", WAIT).json();
			assertThat(closed.path("code").asInt()).as(closed.toString()).isEqualTo(4403);
			assertThat(closed.path("at").asLong()).as("closed by the removal, not by the grant before it")
				.isGreaterThanOrEqualTo(removed);
		}
		try (GraphQlWsClient again = GraphQlWsClient.subscribe(webSocketUrl(), "planApplyProgress", planId, token)) {
			JsonNode refused = again.awaitEvent("closed", WAIT).json();
			assertThat(refused.path("code").asInt()).as(refused.toString()).isEqualTo(4401);
		}
	}

	private List<Object> setRoles(List<String> roles) {
		Response set = this.api
			.query("""
					mutation($input: SetUserRolesInput!) { setUserRoles(input: $input) { user { roles } userErrors { code } } }""",
					Map.of("input", Map.of("userId", this.userId, "roles", roles)), this.admin);
		assertThat(set.<Object>read("$.errors")).as(set.toString()).isNull();
		return set.read("$.data.setUserRoles.userErrors");
	}

	private String plan() {
		Response scope = this.api.query("{ unitByCode(code: \"01\", level: PROVINCE, asOf: \"2025-06-30\") { id } }",
				this.admin);
		Response created = this.api.query("""
				mutation($scope: ID!) { createPlan(input: { title: "Theo dõi qua WebSocket", scopeIds: [$scope],
				  effectiveDate: "2025-07-01" }) { plan { id } userErrors { code message } } }""",
				Map.of("scope", scope.<String>read("$.data.unitByCode.id")), this.admin);
		String id = created.read("$.data.createPlan.plan.id");
		assertThat(id).as(created.toString()).isNotNull();
		return id;
	}

	private void importUnits(String kind, String csv) {
		Response response = this.api.query(
				"mutation($input: UnitImportInput!) { importUnits(input: $input) { errors { message } } }",
				Map.of("input", Map.of("kind", kind, "csv", csv)), this.admin);
		assertThat(response.<List<Object>>read("$.data.importUnits.errors")).as(response.toString()).isEmpty();
	}

	/** Waits until the second after the token's {@code iat} has begun. */
	private static void awaitSecondAfter(String token) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		Instant next = Instant.ofEpochSecond(JsonPath.<Number>read(payload, "$.iat").longValue() + 1);
		long wait = Duration.between(Instant.now(), next).toMillis();
		if (wait > 0) {
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private String webSocketUrl() {
		return "ws://127.0.0.1:" + this.port + "/graphql";
	}

}

package vn.ydan.api.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlHttp.Response;
import vn.ydan.api.GraphQlWsClient;
import vn.ydan.api.LocalIssuer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an admin takes a role away through the api, the user's open graphql-ws connections
 * close with 4403 and their subscriptions end; the token they held is then refused at
 * {@code connection_init}, though it has not expired; giving a role closes nothing
 * (decision 13). With the npm client {@code graphql-ws} following a plan that is not
 * being applied (a subscription that stays open), and Keycloak's Admin API played by
 * {@link FakeKeycloakAdmin}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessChangeEndsConnectionsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final FakeKeycloakAdmin keycloak = new FakeKeycloakAdmin();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	@LocalServerPort
	private int port;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.keycloak.admin.url", keycloak::url);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.enabled", () -> "false");
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
		keycloak.reset();
	}

	@Test
	void takingARoleAwayClosesTheUsersSubscriptionsWith4403AndRefusesTheirOldToken() {
		String user = keycloak.addUser("canbo-ws", List.of("admin", "official"), List.of());
		// Issued before the change (iat has whole seconds; one in the change's second is
		// taken).
		String token = issuer.token((claims) -> claims.subject(user)
			.claim("preferred_username", "canbo-ws")
			.claim("realm_access", Map.of("roles", List.of("admin", "official")))
			.issueTime(Date.from(Instant.now().minusSeconds(5))));
		String planId = plan();
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), "planApplyProgress", planId, token)) {
			JsonNode first = client.awaitEvent("next", WAIT).json();
			assertThat(first.at("/payload/data/planApplyProgress/state").asString()).as(first.toString())
				.isEqualTo("NOT_STARTED");
			// Giving a role takes nothing away: the connection stays.
			assertThat(setRoles(user, List.of("ADMIN", "OFFICIAL", "CLERK"))).isEmpty();
			long removed = System.currentTimeMillis();

			assertThat(setRoles(user, List.of("ADMIN"))).isEmpty();

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

	@Test
	void anotherUsersConnectionStaysOpen() {
		String changed = keycloak.addUser("thuky-ws", List.of("clerk"), List.of());
		String other = keycloak.addUser("quantri-ws", List.of("admin"), List.of());
		String token = issuer.token((claims) -> claims.subject(other)
			.claim("preferred_username", "quantri-ws")
			.claim("realm_access", Map.of("roles", List.of("admin")))
			.issueTime(Date.from(Instant.now().minusSeconds(5))));
		String planId = plan();
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), "planApplyProgress", planId, token)) {
			client.awaitEvent("next", WAIT);

			assertThat(setRoles(changed, List.of())).isEmpty();
			// Then the other user's own change: the first close it sees is that one.
			long own = System.currentTimeMillis();
			assertThat(setRoles(other, List.of("ADMIN", "OFFICIAL"))).isEmpty();
			keycloak.addUser("quantri-2", List.of("admin"), List.of());
			assertThat(setRoles(other, List.of("OFFICIAL"))).isEmpty();

			JsonNode closed = client.awaitEvent("closed", WAIT).json();
			assertThat(closed.path("at").asLong()).as("not closed by another user's change")
				.isGreaterThanOrEqualTo(own);
		}
	}

	private List<Object> setRoles(String userId, List<String> roles) {
		Response set = this.api
			.query("""
					mutation($input: SetUserRolesInput!) { setUserRoles(input: $input) { user { roles } userErrors { code } } }""",
					Map.of("input", Map.of("userId", userId, "roles", roles)), this.admin);
		assertThat(set.<Object>read("$.errors")).as(set.toString()).isNull();
		return set.read("$.data.setUserRoles.userErrors");
	}

	private String plan() {
		Response imported = this.api.query(
				"mutation($input: UnitImportInput!) { importUnits(input: $input) { errors { message } } }",
				Map.of("input", Map.of("kind", "PROVINCES", "csv",
						"code,name,full_name,type\n01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương\n")),
				this.admin);
		assertThat(imported.<List<Object>>read("$.data.importUnits.errors")).as(imported.toString()).isEmpty();
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

	private String webSocketUrl() {
		return "ws://127.0.0.1:" + this.port + "/graphql";
	}

}

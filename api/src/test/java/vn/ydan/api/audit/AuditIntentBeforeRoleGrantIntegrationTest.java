package vn.ydan.api.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the running API, a role grant through Keycloak is recorded as an intent before the
 * API calls Keycloak; when Keycloak then fails (here it is not there at all), the log
 * holds the intent and, after it, the failed outcome of the same request.
 */
class AuditIntentBeforeRoleGrantIntegrationTest extends ApiIntegrationTest {

	private final String admin = issuer.tokenFor("quantri-capquyen", "Nguyễn Văn An", "admin");

	@Test
	void aRoleGrantThatFailsInKeycloakLeavesItsIntentThenTheError() {
		Response granted = this.api
			.query("""
					mutation { setUserRoles(input: { userId: "khong-co-that", roles: [CLERK] }) { userErrors { code } } }""",
					this.admin);
		assertThat(granted.<List<?>>read("$.errors")).as(granted.body()).isNotEmpty();

		Response entries = this.api.query("""
				{ auditEntries(filter: { actor: "quantri-capquyen" }, first: 10) {
				  edges { node { seq kind outcome requestId input } } } }""", Map.of(), this.admin);

		List<Map<String, Object>> nodes = entries.read("$.data.auditEntries.edges[*].node");
		assertThat(nodes).as(entries.body())
			.extracting((node) -> node.get("kind") + " " + node.get("outcome"))
			.containsExactly("mutation:setUserRoles ERROR", "intent:setUserRoles STARTED");
		assertThat(nodes.get(1).get("requestId")).isEqualTo(nodes.get(0).get("requestId"));
		assertThat((String) nodes.get(1).get("input")).contains("khong-co-that").contains("CLERK");
	}

}

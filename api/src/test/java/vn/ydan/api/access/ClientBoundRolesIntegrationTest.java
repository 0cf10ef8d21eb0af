package vn.ydan.api.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token counts for what its client may carry (decision 13): the console's for its
 * user's roles; any other client's (a partner app) only for {@code partner}, and for
 * {@code resident} when the app was granted resident answers. Answering for a household
 * takes that grant, or the console (the residents' first-party channel, decision 20): not
 * an app without it.
 */
class ClientBoundRolesIntegrationTest extends ApiIntegrationTest {

	private static final String PARTNER_APP = "partner-bao-moi-a1b2c3";

	private static final List<String> EVERY_ROLE = List.of("admin", "official", "clerk", "resident", "partner");

	@Test
	void aPartnerAppsTokenCountsOnlyForPartnerWhateverRolesItCarries() {
		String token = issuer.token((claims) -> claims.claim("azp", PARTNER_APP)
			.claim("preferred_username", "canbo")
			.claim("realm_access", Map.of("roles", EVERY_ROLE))
			.claim("ydan_scope", List.of("01")));

		assertThat(roles(token)).containsExactly("partner");
		GraphQlHttp.Response users = this.api.query("{ users(first: 1) { totalCount } }", token);
		assertThat(users.<String>read("$.errors[0].extensions.code")).as(users.body()).isEqualTo("FORBIDDEN");
	}

	@Test
	void aPartnerAppGrantedResidentAnswersKeepsTheResidentRoleOnly() {
		String token = issuer.token((claims) -> claims.claim("azp", PARTNER_APP)
			.claim(LocalIssuer.GRANTS_CLAIM, LocalIssuer.RESIDENT_ANSWERS)
			.claim("realm_access", Map.of("roles", EVERY_ROLE)));

		assertThat(roles(token)).containsExactly("resident", "partner");
	}

	@Test
	void theConsolesTokenCarriesItsUsersRoles() {
		String token = issuer.token((claims) -> claims.claim("azp", "ydan-console")
			.claim("realm_access", Map.of("roles", List.of("admin", "official"))));

		assertThat(roles(token)).containsExactly("admin", "official");
	}

	@Test
	void aTokenWithoutAClientIsAThirdPartys() {
		String token = issuer.token((claims) -> claims.claim("azp", null)
			.claim("realm_access", Map.of("roles", List.of("admin", "partner"))));

		assertThat(roles(token)).containsExactly("partner");
	}

	@Test
	void aResidentAnswersThroughTheConsoleTheirFirstPartyChannel() {
		GraphQlHttp.Response answer = answer(resident("ydan-console", false));

		// Past the authorization: the consultation itself is what is missing.
		assertThat(answer.<Object>read("$.errors")).as(answer.body()).isNull();
		assertThat(answer.<List<String>>read("$.data.answerConsultation.userErrors[*].code"))
			.containsExactly("NOT_FOUND");
	}

	@Test
	void aResidentCannotAnswerThroughAnAppWithoutTheGrant() {
		String token = resident(PARTNER_APP, false);

		assertThat(answer(token).<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
	}

	@Test
	void aResidentAnswersThroughAnAppGrantedResidentAnswers() {
		GraphQlHttp.Response answer = answer(resident(PARTNER_APP, true));

		// Past the authorization: the consultation itself is what is missing.
		assertThat(answer.<Object>read("$.errors")).as(answer.body()).isNull();
		assertThat(answer.<List<String>>read("$.data.answerConsultation.userErrors[*].code"))
			.containsExactly("NOT_FOUND");
	}

	private List<String> roles(String token) {
		GraphQlHttp.Response me = this.api.query("{ me { roles clientId } }", token);
		assertThat(me.<Object>read("$.errors")).as(me.body()).isNull();
		return me.read("$.data.me.roles");
	}

	/**
	 * A resident of household {@code ho-00004-0001}, through {@code client}, whose tokens
	 * carry the resident-answers grant or not (the console's never do: the realm puts the
	 * grant's claim only on the clients of apps granted it).
	 */
	private static String resident(String client, boolean granted) {
		return issuer.token((claims) -> {
			claims.claim("azp", client)
				.claim("preferred_username", "cudan")
				.claim("realm_access", Map.of("roles", List.of("resident")))
				.claim("ydan_household", "ho-00004-0001");
			if (granted) {
				claims.claim(LocalIssuer.GRANTS_CLAIM, LocalIssuer.RESIDENT_ANSWERS);
			}
		});
	}

	private GraphQlHttp.Response answer(String token) {
		return this.api.query("""
				mutation { answerConsultation(input: { consultationId: "no-such-consultation", agree: true,
				  idempotencyKey: "k-1" }) { answer { at } userErrors { code } } }""", token);
	}

}

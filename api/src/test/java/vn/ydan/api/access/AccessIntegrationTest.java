package vn.ydan.api.access;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens signed by {@link vn.ydan.api.LocalIssuer} go through the API's real decoder and
 * role mapping (unlike {@code jwt()} request post-processors, which bypass the
 * converter).
 */
class AccessIntegrationTest extends ApiIntegrationTest {

	private static final String ME = "{ me { username displayName roles clientId } }";

	@Test
	void meShowsTheCallerWithTheirRealmRoles() {
		String token = issuer.tokenFor("canbo", "Trần Thị Bình", "official");

		Response response = this.api.query(ME, token);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<String>read("$.data.me.username")).isEqualTo("canbo");
		assertThat(response.<String>read("$.data.me.displayName")).isEqualTo("Trần Thị Bình");
		assertThat(response.<List<String>>read("$.data.me.roles")).containsExactly("official");
		assertThat(response.<String>read("$.data.me.clientId")).isEqualTo("ydan-console");
	}

	@Test
	void meListsEveryYdanRoleAndNoKeycloakOnes() {
		String token = issuer.tokenFor("nhieuvaitro", "Người Nhiều Vai", "clerk", "admin", "partner", "resident",
				"official");

		Response response = this.api.query(ME, token);

		assertThat(response.<List<String>>read("$.data.me.roles")).as(response.toString())
			.containsExactly("admin", "official", "clerk", "resident", "partner");
	}

	@Test
	void meFallsBackToTheUsernameWhenTheTokenHasNoName() {
		String token = issuer.token((claims) -> claims.claim("preferred_username", "service-account-ydan-demo-partner")
			.claim("azp", "ydan-demo-partner")
			.claim("realm_access", Map.of("roles", List.of("partner"))));

		Response response = this.api.query(ME, token);

		assertThat(response.<String>read("$.data.me.displayName")).as(response.toString())
			.isEqualTo("service-account-ydan-demo-partner");
		assertThat(response.<String>read("$.data.me.clientId")).isEqualTo("ydan-demo-partner");
		assertThat(response.<List<String>>read("$.data.me.roles")).containsExactly("partner");
	}

	@Test
	void meWithoutTokenIsUnauthorized() {
		Response response = this.api.query(ME, null);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.<Object>read("$.data")).isNull();
		assertThat(response.<String>read("$.errors[0].extensions.code")).isEqualTo("UNAUTHORIZED");
		assertThat(response.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAUTHORIZED");
		assertThat(response.<List<String>>read("$.errors[0].path")).containsExactly("me");
	}

	@Test
	void expiredTokenSignedByTheTrustedKeyGets401() {
		Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
		String token = issuer.token((claims) -> claims.claim("preferred_username", "canbo")
			.issueTime(Date.from(tenMinutesAgo.minus(Duration.ofMinutes(5))))
			.expirationTime(Date.from(tenMinutesAgo)));

		assertRejected(this.api.query(ME, token), "expired");
	}

	@Test
	void tokenFromAnotherIssuerGets401() {
		String token = issuer.token((claims) -> claims.issuer("http://127.0.0.1:9/realms/ydan"));

		assertRejected(this.api.query(ME, token), "iss");
	}

	@Test
	void tokenForAnotherAudienceGets401() {
		String token = issuer.token((claims) -> claims.audience("account"));

		assertRejected(this.api.query(ME, token), "aud");
	}

	@Test
	void tokenWithABadSignatureGets401() {
		String token = issuer.tokenSignedByAnotherKey((claims) -> claims.claim("preferred_username", "canbo"));

		assertRejected(this.api.query(ME, token), "");
	}

	@Test
	void tamperedTokenGets401() {
		String token = issuer.tokenFor("cudan", "Phạm Thị Dung", "resident");
		String[] parts = token.split("\\.");
		// The same token claiming the admin role, with the original signature.
		String forgedPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("\"resident\"", "\"admin\"")
				.getBytes(StandardCharsets.UTF_8));

		assertRejected(this.api.query(ME, parts[0] + "." + forgedPayload + "." + parts[2]), "");
	}

	@Test
	void syntaxErrorsCarryBadRequestCode() {
		Response response = this.api.query("{ me { username ", null);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("BAD_REQUEST");
		assertThat(response.<String>read("$.errors[0].extensions.classification")).isEqualTo("InvalidSyntax");
	}

	@Test
	void unknownFieldsCarryBadRequestCode() {
		Response response = this.api.query("{ me { password } }", issuer.tokenFor("canbo", "Trần Thị Bình"));

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("BAD_REQUEST");
		assertThat(response.<String>read("$.errors[0].extensions.classification")).isEqualTo("ValidationError");
	}

	@Test
	void healthIsPublicAndOtherActuatorEndpointsAreNot() {
		Response health = this.api.get("/actuator/health", null);
		assertThat(health.status()).as(health.toString()).isEqualTo(200);
		assertThat(health.<String>read("$.status")).isEqualTo("UP");
		assertThat(health.<String>read("$.components.store.status")).isEqualTo("UP");

		assertThat(this.api.get("/actuator/env", null).status()).isIn(401, 403, 404);
		assertThat(this.api.get("/actuator/env", issuer.tokenFor("quantri", "Nguyễn Văn An", "admin")).status())
			.isIn(403, 404);
	}

	@Test
	void healthDetailsAreShownToAdmins() {
		Response health = this.api.get("/actuator/health", issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"));

		assertThat(health.<String>read("$.components.store.details.kind")).as(health.toString()).isEqualTo("EMBEDDED");
	}

	@Test
	void protectedResourceMetadataNamesTheRealm() {
		Response metadata = this.api.get("/.well-known/oauth-protected-resource", null);

		assertThat(metadata.<List<String>>read("$.authorization_servers")).as(metadata.toString())
			.containsExactly(issuer.issuer());
	}

	@Test
	void graphiqlIsOffOutsideTheDevProfile() {
		assertThat(this.api.get("/graphiql", null).status()).isEqualTo(404);
	}

	private static void assertRejected(Response response, String inDescription) {
		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.wwwAuthenticate()).contains("invalid_token").contains(inDescription);
	}

}

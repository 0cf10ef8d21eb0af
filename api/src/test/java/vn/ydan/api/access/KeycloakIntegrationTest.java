package vn.ydan.api.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlHttp.Response;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The API against the real Keycloak with the ydan realm, which the build starts before
 * the tests ({@code YDAN_TEST_KEYCLOAK_URL}, default {@code http://127.0.0.1:18180}).
 * Fails, never skips, when Keycloak does not answer.
 * <p>
 * Expiry is not tested here: Keycloak's tokens live 5 minutes and it cannot be made to
 * sign an expired one.
 * {@link AccessIntegrationTest#expiredTokenSignedByTheTrustedKeyGets401} covers it with
 * the same decoder and a key it trusts.
 */
class KeycloakIntegrationTest extends KeycloakApiTest {

	private static final String ME = "{ me { username displayName roles clientId } }";

	@Test
	void officialSeesTheirNameAndRole() {
		Response response = this.api.query(ME, passwordToken("ydan-test", "canbo"));

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<String>read("$.data.me.username")).isEqualTo("canbo");
		assertThat(response.<String>read("$.data.me.displayName")).isEqualTo("Trần Thị Bình");
		assertThat(response.<List<String>>read("$.data.me.roles")).containsExactly("official");
		assertThat(response.<String>read("$.data.me.clientId")).isEqualTo("ydan-test");
	}

	@Test
	void everyDemoUserHasTheirRole() {
		Map<String, String> roles = Map.of("quantri", "admin", "canbo", "official", "thuky", "clerk", "cudan",
				"resident", "doitac", "partner");
		roles.forEach((username, role) -> {
			Response response = this.api.query(ME, passwordToken("ydan-test", username));
			assertThat(response.<List<String>>read("$.data.me.roles")).as(response.toString()).containsExactly(role);
		});
	}

	@Test
	void adminMaySeeTheSystemStatusAndOfficialMayNot() {
		String query = "{ systemStatus { store { status } } }";

		Response admin = this.api.query(query, passwordToken("ydan-test", "quantri"));
		assertThat(admin.<String>read("$.data.systemStatus.store.status")).as(admin.toString()).isEqualTo("UP");

		Response official = this.api.query(query, passwordToken("ydan-test", "canbo"));
		assertThat(official.<String>read("$.errors[0].extensions.code")).as(official.toString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void partnerClientCredentialsTokenCarriesThePartnerRole() {
		String token = token(Map.of("grant_type", "client_credentials", "client_id", "ydan-demo-partner",
				"client_secret", "ydan-demo-partner-dev-secret"));

		Response response = this.api.query(ME, token);

		assertThat(response.<List<String>>read("$.data.me.roles")).as(response.toString()).contains("partner");
		assertThat(response.<String>read("$.data.me.clientId")).isEqualTo("ydan-demo-partner");
	}

	@Test
	void tokenWithoutTheApiAudienceGets401() {
		Response response = this.api.query(ME, passwordToken("ydan-test-no-audience", "canbo"));

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.wwwAuthenticate()).contains("invalid_token").contains("aud");
	}

	@Test
	void tokenWithAFlippedSignatureByteGets401() {
		String token = passwordToken("ydan-test", "canbo");
		int last = token.length() - 10;
		char flipped = (token.charAt(last) == 'A') ? 'B' : 'A';
		String tampered = token.substring(0, last) + flipped + token.substring(last + 1);

		Response response = this.api.query(ME, tampered);

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.wwwAuthenticate()).contains("invalid_token");
	}

}

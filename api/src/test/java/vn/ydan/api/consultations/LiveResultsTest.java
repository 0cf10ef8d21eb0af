package vn.ydan.api.consultations;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;

/**
 * The API on a random port with a store of its own (consultations change plans and
 * residential groups, which other tests' registry expectations must not see), shared by
 * the live results and export tests: each makes its own consultation on other communes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class LiveResultsTest {

	static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	@LocalServerPort
	int port;

	GraphQlHttp api;

	@DynamicPropertySource
	static void ownStore(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		// As in ApiIntegrationTest: budgets these tests cannot exhaust (the measurement
		// opens hundreds of subscriptions as one user).
		for (String client : new String[] { "anonymous", "partner", "console" }) {
			properties.add("ydan.api.limits.rate." + client, () -> "1000000000");
		}
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
	}

	String webSocketUrl() {
		return "ws://127.0.0.1:" + this.port + "/graphql";
	}

}

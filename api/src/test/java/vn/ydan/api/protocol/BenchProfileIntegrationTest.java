package vn.ydan.api.protocol;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the {@link Bench#PROFILE} profile, every benchmark baseline ({@code Bench*}
 * controllers of three modules) answers under {@link Bench#PATHS} without a token,
 * through the one chain that lets them through; without it, nothing answers there
 * ({@link BenchProfileOffIntegrationTest}). An API of its own, without demo data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(Bench.PROFILE)
class BenchProfileIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void api(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.enabled", () -> "false");
	}

	@Test
	void everyBaselineAnswersWithoutAToken() throws Exception {
		GraphQlHttp http = new GraphQlHttp(this.port);
		assertThat(http.get("/bench/ladder/static", null).status()).isEqualTo(200);
		assertThat(http.get("/bench/raw/unit-by-code?code=00004", null).status()).isEqualTo(200);
		HttpResponse<String> count = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/bench/raw/answer-count?consultationId=none"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
		assertThat(count.body()).isEqualTo("0");
	}

}

package vn.ydan.api.protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.protocol.ProtocolHttp.Answer;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a page on another site could make a browser send without the API's consent (a
 * link, an image, a form: GET, or POST as {@code text/plain}, url-encoded or multipart,
 * none of which needs a CORS pre-flight) are refused at the HTTP level, before any
 * GraphQL runs: GET with 405 (only POST is served, so a mutation can never ride on a
 * GET), the form media types with 415. Only {@code application/json} (or
 * {@code application/graphql}), which a browser sends cross-site only after a pre-flight
 * the API does not grant, reaches the engine.
 */
class BrowserFormRequestsIntegrationTest extends ApiIntegrationTest {

	private static final String MUTATION = "mutation { importUnits(input: {kind: PROVINCES, csv: \"\"}) { rows } }";

	@LocalServerPort
	private int port;

	private ProtocolHttp http;

	@BeforeEach
	void http() {
		this.http = new ProtocolHttp(this.port);
	}

	@Test
	void aMutationInAGetRequestIs405() {
		Answer answer = this.http.get("/graphql?query=" + URLEncoder.encode(MUTATION, StandardCharsets.UTF_8));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(405);
		assertThat(answer.header("Allow")).isEqualTo("POST");
		assertThat(answer.body()).doesNotContain("importUnits");
	}

	@Test
	void aQueryInAGetRequestIs405Too() {
		Answer answer = this.http.get("/graphql?query=" + URLEncoder.encode("{ __typename }", StandardCharsets.UTF_8));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(405);
	}

	@Test
	void aTextPlainPostIs415() {
		Answer answer = this.http.post("text/plain", "*/*", "{\"query\":\"" + MUTATION.replace("\"", "\\\"") + "\"}",
				null);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
	}

	@Test
	void anUrlEncodedFormPostIs415() {
		Answer answer = this.http.post("application/x-www-form-urlencoded", "*/*",
				"query=" + URLEncoder.encode(MUTATION, StandardCharsets.UTF_8), null);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
	}

	@Test
	void aMultipartFormPostIs415() {
		String body = """
				--ydan\r
				Content-Disposition: form-data; name="query"\r
				\r
				%s\r
				--ydan--\r
				""".formatted(MUTATION);

		Answer answer = this.http.post("multipart/form-data; boundary=ydan", "*/*", body, null);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
	}

	@Test
	void aJsonPostIsServed() {
		Answer answer = this.http.graphql("{ __typename }");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.<String>read("$.data.__typename")).isEqualTo("Query");
	}

}

package vn.ydan.api.protocol;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP to the API, with control over method, media types and headers, as a browser, a
 * form or a misbehaving client would send it.
 */
final class ProtocolHttp {

	static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Configuration LENIENT = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	ProtocolHttp(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	/** A GraphQL request as the specification has it: JSON in, graphql-response out. */
	Answer graphql(String query, @Nullable Map<String, ?> variables, @Nullable String token) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		if (variables != null) {
			body.put("variables", variables);
		}
		return post("application/json", GRAPHQL_RESPONSE, JSON.writeValueAsString(body), token);
	}

	Answer graphql(String query) {
		return graphql(query, null, null);
	}

	Answer post(String contentType, String accept, String body, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	Answer get(String pathAndQuery) {
		return get(pathAndQuery, null);
	}

	Answer get(String pathAndQuery, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", GRAPHQL_RESPONSE)
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private Answer send(HttpRequest request) {
		try {
			long started = System.nanoTime();
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers(), response.body(),
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Calling " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param millis how long the answer took, for messages (never asserted on)
	 */
	record Answer(int status, HttpHeaders headers, String body, long millis) {

		<T> @Nullable T read(String path) {
			return JsonPath.using(LENIENT).parse(this.body).read(path);
		}

		@Nullable String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		@Nullable String code() {
			return read("$.errors[0].extensions.code");
		}

		long cost() {
			Number requested = read("$.extensions.cost.requested");
			return (requested != null) ? requested.longValue() : -1;
		}

		@Override
		public String toString() {
			return "HTTP " + this.status + " in " + this.millis + " ms " + this.headers.map() + " " + this.body;
		}

	}

}

package vn.ydan.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the API over real HTTP, as a third-party client would.
 */
public final class GraphQlHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A path that is not there reads as null, like one whose value is null. */
	private static final Configuration LENIENT = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public GraphQlHttp(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public Response query(String query, @Nullable String token) {
		return query(query, Map.of(), token);
	}

	public Response query(String query, Map<String, ?> variables, @Nullable String token) {
		String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	public Response get(String path, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("WWW-Authenticate").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Calling " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String body, String wwwAuthenticate) {

		public DocumentContext json() {
			return JsonPath.using(LENIENT).parse(this.body);
		}

		public <T> T read(String path) {
			return json().read(path);
		}

		@Override
		public String toString() {
			return "HTTP " + this.status + " " + this.body;
		}

	}

}

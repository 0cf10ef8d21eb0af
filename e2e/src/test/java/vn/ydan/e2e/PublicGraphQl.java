package vn.ydan.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

/**
 * The public api, anonymous, as a third-party app reads it: one query, its answer read by
 * JSON path.
 */
final class PublicGraphQl {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String url;

	PublicGraphQl(String url) {
		this.url = url;
	}

	Answer query(String query) throws IOException, InterruptedException {
		return query(query, Map.of());
	}

	/** With variables, each written as a JSON string (ids, codes). */
	Answer query(String query, Map<String, ?> variables) throws IOException, InterruptedException {
		StringBuilder vars = new StringBuilder();
		variables.forEach((name, value) -> vars.append(vars.isEmpty() ? "" : ",")
			.append(string(name))
			.append(':')
			.append(string(value.toString())));
		String body = "{\"query\":" + string(query) + ",\"variables\":{" + vars + "}}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new AssertionError("The api answered " + response.statusCode() + ": " + response.body());
		}
		return new Answer(response.body());
	}

	private static String string(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> json.append(c);
			}
		}
		return json.append('"').toString();
	}

	record Answer(String body) {

		<T> T read(String path) {
			return JsonPath.read(this.body, path);
		}

	}

}

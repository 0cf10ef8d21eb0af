package vn.ydan.e2e;

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

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

/**
 * The api as a signed-in user of the test Keycloak (password grant, test-only client) or
 * anonymously: to set up what a browser test then reads.
 */
final class SignedInGraphQl {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String url;

	SignedInGraphQl(String url) {
		this.url = url;
	}

	static String token(String username) throws IOException, InterruptedException {
		String form = "grant_type=password&client_id=ydan-test&username=" + username + "&password="
				+ URLEncoder.encode(ConsoleBrowserTest.PASSWORD, StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(RunningSystem.KEYCLOAK_URL + "/realms/ydan/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new AssertionError("No token for " + username + ": " + response.body());
		}
		return JsonPath.read(response.body(), "$.access_token");
	}

	/** The answer's body; fails on an HTTP error or GraphQL errors. */
	String call(@Nullable String token, String query, Map<String, ?> variables)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(Map.of("query", query, "variables", variables))))
			.timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
			throw new AssertionError("The api answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static String json(Object value) {
		return switch (value) {
			case Map<?, ?> map -> {
				StringBuilder out = new StringBuilder("{");
				map.forEach((key, item) -> out.append(out.length() > 1 ? "," : "")
					.append(json(key.toString()))
					.append(':')
					.append(json(item)));
				yield out.append('}').toString();
			}
			case List<?> list -> "[" + String.join(",", list.stream().map(SignedInGraphQl::json).toList()) + "]";
			case Number number -> number.toString();
			case Boolean bool -> bool.toString();
			default -> {
				StringBuilder out = new StringBuilder("\"");
				for (char c : value.toString().toCharArray()) {
					switch (c) {
						case '"' -> out.append("\\\"");
						case '\\' -> out.append("\\\\");
						case '\n' -> out.append("\\n");
						case '\r' -> out.append("\\r");
						case '\t' -> out.append("\\t");
						default -> out.append(c);
					}
				}
				yield out.append('"').toString();
			}
		};
	}

}

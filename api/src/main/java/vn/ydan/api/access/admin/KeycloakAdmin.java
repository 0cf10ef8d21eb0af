package vn.ydan.api.access.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.KeycloakUnavailableException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keycloak's Admin REST API ({@code /admin/realms/<realm>}) with the
 * {@code ydan-role-manager} service account's client-credentials token, kept until
 * shortly before it expires. Every call times out after
 * {@link KeycloakAdminProperties#timeout}; a connection failure, a timeout, a 5xx or a
 * refusal (the account lacking a role) becomes {@link KeycloakUnavailableException}; 404
 * and 409 become {@link Missing} and {@link Conflict}, which callers turn into user
 * errors; other 4xx become {@link Rejected} with Keycloak's message.
 */
@Component
@EnableConfigurationProperties(KeycloakAdminProperties.class)
class KeycloakAdmin {

	static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final KeycloakAdminProperties properties;

	private final RestClient http;

	private final Clock clock;

	private volatile @Nullable Token token;

	KeycloakAdmin(KeycloakAdminProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	Map<String, Object> get(String path, Object... variables) {
		return orEmpty(call(HttpMethod.GET, path, Map.of(), null, OBJECT, variables).getBody());
	}

	List<Map<String, Object>> list(String path, Map<String, ?> query, Object... variables) {
		List<Map<String, Object>> body = call(HttpMethod.GET, path, query, null, LIST, variables).getBody();
		return (body != null) ? body : List.of();
	}

	int count(String path, Map<String, ?> query) {
		Integer body = call(HttpMethod.GET, path, query, null, new ParameterizedTypeReference<Integer>() {
		}).getBody();
		return (body != null) ? body : 0;
	}

	/** POSTs and returns the id at the end of the {@code Location} header, if any. */
	@Nullable String create(String path, Object body, Object... variables) {
		ResponseEntity<Map<String, Object>> response = call(HttpMethod.POST, path, Map.of(), body, OBJECT, variables);
		URI location = response.getHeaders().getLocation();
		if (location == null) {
			return null;
		}
		String text = location.getPath();
		return text.substring(text.lastIndexOf('/') + 1);
	}

	Map<String, Object> post(String path, @Nullable Object body, Object... variables) {
		return orEmpty(call(HttpMethod.POST, path, Map.of(), body, OBJECT, variables).getBody());
	}

	void put(String path, Object body, Object... variables) {
		call(HttpMethod.PUT, path, Map.of(), body, OBJECT, variables);
	}

	void delete(String path, @Nullable Object body, Object... variables) {
		call(HttpMethod.DELETE, path, Map.of(), body, OBJECT, variables);
	}

	private <T> ResponseEntity<T> call(HttpMethod method, String path, Map<String, ?> query, @Nullable Object body,
			ParameterizedTypeReference<T> type, Object... variables) {
		URI target = target(path, query, variables);
		try {
			return send(method, path, target, body, type, accessToken(false));
		}
		catch (Unauthorized ex) {
			// The cached token was revoked or the realm keys rotated: one fresh try.
			try {
				return send(method, path, target, body, type, accessToken(true));
			}
			catch (Unauthorized again) {
				throw new KeycloakUnavailableException(
						"Keycloak không chấp nhận tài khoản dịch vụ " + this.properties.clientId() + " (401).");
			}
		}
	}

	/**
	 * The URI of {@code path} (a template: {@code /users/{id}}). Each variable is one
	 * path segment and each query value one value, whatever they hold: they are encoded
	 * strictly ({@code /}, {@code ?}, {@code #}, {@code &}, {@code +}, braces too), never
	 * pasted into the text, so that an id such as {@code ../../x} or {@code a/b} cannot
	 * reach another admin endpoint. An id that is empty, {@code .} or {@code ..} names
	 * nothing: {@link Missing}, before any call.
	 */
	private URI target(String path, Map<String, ?> query, Object... variables) {
		List<Object> values = new ArrayList<>(variables.length + query.size());
		for (Object variable : variables) {
			String text = String.valueOf(variable);
			if (text.isEmpty() || text.equals(".") || text.equals("..")) {
				throw new Missing("No such id: '" + text + "'");
			}
			values.add(text);
		}
		UriComponentsBuilder uri = UriComponentsBuilder
			.fromUriString(this.properties.url() + "/admin/realms/" + this.properties.realm())
			.path(path);
		// Query values as variables too (after the path's, in order), so that they are
		// encoded as values and a brace in one is not taken for a variable.
		int index = 0;
		for (Map.Entry<String, ?> parameter : query.entrySet()) {
			uri.queryParam(parameter.getKey(), "{query" + index++ + "}");
			values.add(String.valueOf(parameter.getValue()));
		}
		return uri.encode().buildAndExpand(values.toArray()).toUri();
	}

	private <T> ResponseEntity<T> send(HttpMethod method, String path, URI target, @Nullable Object body,
			ParameterizedTypeReference<T> type, String accessToken) {
		try {
			RestClient.RequestBodySpec request = this.http.method(method)
				.uri(target)
				.headers((headers) -> headers.setBearerAuth(accessToken))
				.accept(MediaType.APPLICATION_JSON);
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return request.retrieve().onStatus(HttpStatusCode::isError, (req, response) -> {
				throw failure(method, path, response.getStatusCode().value(),
						new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}).toEntity(type);
		}
		catch (ResourceAccessException ex) {
			throw unreachable(ex);
		}
		catch (KeycloakUnavailableException | Missing | Conflict | Rejected | Unauthorized ex) {
			throw ex;
		}
		catch (RestClientException ex) {
			throw new KeycloakUnavailableException("Keycloak trả lời không đọc được (" + method + " " + path + ").",
					ex);
		}
	}

	private RuntimeException failure(HttpMethod method, String path, int status, String body) {
		return switch (status) {
			case 401 -> new Unauthorized();
			case 404 -> new Missing(body);
			case 409 -> new Conflict(body);
			case 403 -> new KeycloakUnavailableException("Keycloak từ chối quyền của tài khoản dịch vụ "
					+ this.properties.clientId() + " (" + method + " " + path + ": 403).");
			default -> (status >= 500)
					? new KeycloakUnavailableException(
							"Keycloak gặp lỗi (" + status + ") khi " + method + " " + path + ".")
					: new Rejected(status, errorMessage(body));
		};
	}

	private KeycloakUnavailableException unreachable(Exception ex) {
		return new KeycloakUnavailableException("Không kết nối được Keycloak tại " + this.properties.url() + " (quá "
				+ this.properties.timeout().toMillis() + " ms hoặc bị từ chối).", ex);
	}

	private String accessToken(boolean fresh) {
		Token current = this.token;
		if (!fresh && current != null && this.clock.instant().isBefore(current.refreshAt())) {
			return current.value();
		}
		synchronized (this) {
			current = this.token;
			if (!fresh && current != null && this.clock.instant().isBefore(current.refreshAt())) {
				return current.value();
			}
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("grant_type", "client_credentials");
			form.add("client_id", this.properties.clientId());
			form.add("client_secret", this.properties.clientSecret());
			Map<String, Object> body;
			try {
				body = this.http.post()
					.uri(this.properties.url() + "/realms/" + this.properties.realm()
							+ "/protocol/openid-connect/token")
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form)
					.retrieve()
					.onStatus(HttpStatusCode::isError, (req, response) -> {
						throw new KeycloakUnavailableException("Keycloak không cấp token cho tài khoản dịch vụ "
								+ this.properties.clientId() + " (" + response.getStatusCode().value() + ").");
					})
					.body(OBJECT);
			}
			catch (ResourceAccessException ex) {
				throw unreachable(ex);
			}
			catch (RestClientException ex) {
				throw new KeycloakUnavailableException("Keycloak trả lời token không đọc được.", ex);
			}
			if (body == null || !(body.get("access_token") instanceof String value)) {
				throw new KeycloakUnavailableException("Keycloak trả lời token không có access_token.");
			}
			long seconds = (body.get("expires_in") instanceof Number number) ? number.longValue() : 60;
			Token next = new Token(value, this.clock.instant().plusSeconds(Math.max(5, seconds - 30)));
			this.token = next;
			return next.value();
		}
	}

	private static Map<String, Object> orEmpty(@Nullable Map<String, Object> body) {
		return (body != null) ? body : Map.of();
	}

	private static String errorMessage(String body) {
		// Keycloak answers {"errorMessage": "..."} or {"error": "...",
		// "error_description":
		// "..."}.
		for (String key : List.of("errorMessage", "error_description", "error")) {
			int at = body.indexOf("\"" + key + "\"");
			if (at >= 0) {
				int start = body.indexOf('"', body.indexOf(':', at) + 1);
				int end = body.indexOf('"', start + 1);
				if (start >= 0 && end > start) {
					return body.substring(start + 1, end);
				}
			}
		}
		return body.isBlank() ? "(no message)" : body;
	}

	private record Token(String value, Instant refreshAt) {
	}

	/** Keycloak has no such user, role or client (404). */
	static final class Missing extends RuntimeException {

		Missing(String message) {
			super(message, null, false, false);
		}

	}

	/** Keycloak refused a change that clashes with existing data (409). */
	static final class Conflict extends RuntimeException {

		Conflict(String message) {
			super(message, null, false, false);
		}

	}

	/** Keycloak refused the request as invalid (400 and other 4xx), with its message. */
	static final class Rejected extends RuntimeException {

		final int status;

		Rejected(int status, String message) {
			super(message, null, false, false);
			this.status = status;
		}

	}

	private static final class Unauthorized extends RuntimeException {

		Unauthorized() {
			super("401", null, false, false);
		}

	}

}

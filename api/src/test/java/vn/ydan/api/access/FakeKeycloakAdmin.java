package vn.ydan.api.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Just enough of Keycloak's token endpoint and Admin REST API for user changes, with
 * faults to inject: a request matching {@link #failWhen} gets 500, and {@link #hang}
 * makes every admin call take longer than the api's timeout. Keeps users and their realm
 * roles in memory so that a test can see what was left changed.
 */
final class FakeKeycloakAdmin {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();

	final Map<String, Set<String>> roles = new ConcurrentHashMap<>();

	final List<String> calls = new CopyOnWriteArrayList<>();

	volatile Predicate<String> failWhen = (call) -> false;

	volatile boolean hang;

	/** A request matching this gets 400 with Keycloak's own (internal) message. */
	volatile Predicate<String> rejectWhen = (call) -> false;

	static final String INTERNAL_MESSAGE = "org.keycloak.models.ModelException: policy at /opt/keycloak/conf";

	private final HttpServer server;

	FakeKeycloakAdmin() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/realms/ydan/protocol/openid-connect/token",
				(exchange) -> send(exchange, 200, Map.of("access_token", "fake", "expires_in", 300)));
		this.server.createContext("/admin/realms/ydan/", this::admin);
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void reset() {
		this.users.clear();
		this.roles.clear();
		this.calls.clear();
		this.failWhen = (call) -> false;
		this.rejectWhen = (call) -> false;
		this.hang = false;
	}

	String addUser(String username, List<String> roleNames, List<String> scope) {
		String id = UUID.randomUUID().toString();
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", id);
		user.put("username", username);
		user.put("enabled", true);
		user.put("attributes", scope.isEmpty() ? Map.of() : Map.of("ydan_scope", scope));
		this.users.put(id, user);
		this.roles.put(id, new LinkedHashSet<>(roleNames));
		return id;
	}

	@SuppressWarnings("unchecked")
	private void admin(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath().substring("/admin/realms/ydan".length());
		String call = method + " " + path;
		this.calls.add(call);
		byte[] bytes = exchange.getRequestBody().readAllBytes();
		Object body = (bytes.length > 0) ? JSON.readValue(bytes, Object.class) : null;
		if (this.hang) {
			try {
				Thread.sleep(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.failWhen.test(call)) {
			send(exchange, 500, Map.of("error", "injected"));
			return;
		}
		if (this.rejectWhen.test(call)) {
			send(exchange, 400, Map.of("errorMessage", INTERNAL_MESSAGE));
			return;
		}
		String[] parts = path.split("/");
		if (path.startsWith("/roles/")) {
			String name = parts[2];
			if (parts.length == 4) {
				List<Map<String, Object>> holders = new ArrayList<>();
				this.roles.forEach((id, held) -> {
					if (held.contains(name)) {
						holders.add(this.users.get(id));
					}
				});
				send(exchange, 200, holders);
				return;
			}
			send(exchange, 200, Map.of("id", "role-" + name, "name", name));
			return;
		}
		if (path.equals("/users") && method.equals("POST")) {
			Map<String, Object> user = new LinkedHashMap<>((Map<String, Object>) body);
			String id = UUID.randomUUID().toString();
			user.put("id", id);
			this.users.put(id, user);
			this.roles.put(id, new LinkedHashSet<>());
			exchange.getResponseHeaders().add("Location", url() + "/admin/realms/ydan/users/" + id);
			send(exchange, 201, null);
			return;
		}
		if (path.startsWith("/users/") && parts.length >= 3) {
			String id = parts[2];
			Map<String, Object> user = this.users.get(id);
			if (user == null) {
				send(exchange, 404, Map.of("error", "User not found"));
				return;
			}
			if (parts.length == 3) {
				switch (method) {
					case "GET" -> send(exchange, 200, user);
					case "PUT" -> {
						this.users.put(id, new LinkedHashMap<>((Map<String, Object>) body));
						send(exchange, 204, null);
					}
					case "DELETE" -> {
						this.users.remove(id);
						this.roles.remove(id);
						send(exchange, 204, null);
					}
					default -> send(exchange, 405, null);
				}
				return;
			}
			if (path.endsWith("/role-mappings/realm")) {
				Set<String> held = this.roles.get(id);
				switch (method) {
					case "GET" -> send(exchange, 200, held.stream().map((name) -> Map.of("name", name)).toList());
					case "POST" -> {
						((List<Map<String, Object>>) body)
							.forEach((role) -> held.add(String.valueOf(role.get("name"))));
						send(exchange, 204, null);
					}
					case "DELETE" -> {
						((List<Map<String, Object>>) body)
							.forEach((role) -> held.remove(String.valueOf(role.get("name"))));
						send(exchange, 204, null);
					}
					default -> send(exchange, 405, null);
				}
				return;
			}
		}
		send(exchange, 404, Map.of("error", "not in the fake: " + call));
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}

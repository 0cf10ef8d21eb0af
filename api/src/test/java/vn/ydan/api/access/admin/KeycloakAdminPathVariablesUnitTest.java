package vn.ydan.api.access.admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An id put into an Admin REST API path is one path segment, whatever it holds: an id
 * such as {@code ../../x} or {@code a/b} cannot reach another admin endpoint.
 */
class KeycloakAdminPathVariablesUnitTest {

	/** Raw (undecoded) request paths and queries, as Keycloak would see them. */
	private final List<String> received = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final KeycloakAdmin keycloak;

	KeycloakAdminPathVariablesUnitTest() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.keycloak = new KeycloakAdmin(
				new KeycloakAdminProperties("http://127.0.0.1:" + this.server.getAddress().getPort(), "ydan",
						"ydan-role-manager", "secret", Duration.ofSeconds(5)),
				Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void slashesAndDotsInAnIdStayInsideItsSegment() {
		this.keycloak.get("/users/{id}", "../../x");
		this.keycloak.get("/users/{id}", "a/b");
		this.keycloak.get("/users/{id}", "a?b#c");
		this.keycloak.list("/users/{id}/role-mappings/realm", Map.of(), "x/../../clients");

		assertThat(admin()).containsExactly("/admin/realms/ydan/users/..%2F..%2Fx", "/admin/realms/ydan/users/a%2Fb",
				"/admin/realms/ydan/users/a%3Fb%23c",
				"/admin/realms/ydan/users/x%2F..%2F..%2Fclients/role-mappings/realm");
	}

	@Test
	void anIdThatIsADotSegmentOrEmptyIsNoId() {
		assertThatThrownBy(() -> this.keycloak.get("/users/{id}", "..")).isInstanceOf(KeycloakAdmin.Missing.class);
		assertThatThrownBy(() -> this.keycloak.get("/users/{id}", ".")).isInstanceOf(KeycloakAdmin.Missing.class);
		assertThatThrownBy(() -> this.keycloak.get("/users/{id}", "")).isInstanceOf(KeycloakAdmin.Missing.class);
		assertThat(admin()).isEmpty();
	}

	@Test
	void queryValuesAreEncodedWhole() {
		this.keycloak.list("/users", Map.of("search", "Nguyễn & {x} a+b=c"));

		assertThat(admin())
			.containsExactly("/admin/realms/ydan/users?search=Nguy%E1%BB%85n%20%26%20%7Bx%7D%20a%2Bb%3Dc");
	}

	private List<String> admin() {
		return this.received.stream().filter((path) -> path.startsWith("/admin/")).toList();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String raw = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		this.received.add((query != null) ? raw + "?" + query : raw);
		String body = raw.endsWith("/token") ? "{\"access_token\":\"t\",\"expires_in\":300}"
				: raw.endsWith("/realm") || raw.endsWith("/users") ? "[]" : "{}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}

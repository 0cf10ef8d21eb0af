package vn.ydan.admin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A tiny HTTP server that plays the api's GraphQL endpoint and the few Keycloak endpoints
 * the console calls from the server side (realm metadata, token). The console talks to it
 * through its real HTTP clients, so the tests see the headers and bodies the console
 * really sends.
 */
public final class FakeBackend {

	private static final String REALM = "/realms/ydan";

	private static @Nullable FakeBackend shared;

	private final HttpServer server;

	private final List<Call> apiCalls = new CopyOnWriteArrayList<>();

	private final List<Call> tokenCalls = new CopyOnWriteArrayList<>();

	private volatile Function<Call, Reply> api = (call) -> Reply.json(200, "{\"data\":null}");

	private volatile Reply token = Reply.json(400, "{\"error\":\"invalid_grant\"}");

	private final List<Call> exportCalls = new CopyOnWriteArrayList<>();

	private volatile Function<String, Reply> exports = (path) -> Reply.json(404, "{}");

	private volatile boolean keycloakUp = true;

	private FakeBackend() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/graphql", (exchange) -> answer(exchange, this.api, this.apiCalls));
		this.server.createContext(REALM + "/.well-known/openid-configuration",
				(exchange) -> reply(exchange, this.keycloakUp ? Reply.json(200, "{}") : Reply.json(503, "{}")));
		this.server.createContext(REALM + "/protocol/openid-connect/token",
				(exchange) -> answer(exchange, (call) -> this.token, this.tokenCalls));
		// Like a real server, one slow answer does not hold up the others (a page polls
		// while a long call runs).
		this.server.setExecutor(Executors.newCachedThreadPool());
		// The api's file exports, answered by path: the call's body is the path and the
		// query, if any.
		this.server.createContext("/exports",
				(exchange) -> answer(exchange, (call) -> this.exports.apply(exchange.getRequestURI().getPath()),
						this.exportCalls,
						exchange.getRequestURI().getPath() + ((exchange.getRequestURI().getRawQuery() != null)
								? "?" + exchange.getRequestURI().getRawQuery() : "")));
		this.server.start();
	}

	/**
	 * One server for all the Spring tests of a run (they share one application context).
	 */
	public static synchronized FakeBackend shared() {
		if (shared == null) {
			try {
				shared = new FakeBackend();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return shared;
	}

	public static FakeBackend start() throws IOException {
		return new FakeBackend();
	}

	public void stop() {
		this.server.stop(0);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String graphQlUrl() {
		return baseUrl() + "/graphql";
	}

	/**
	 * Back to answering "Keycloak up, no api data, refresh rejected", with no calls
	 * recorded.
	 */
	public void reset() {
		this.apiCalls.clear();
		this.tokenCalls.clear();
		this.api = (call) -> Reply.json(200, "{\"data\":null}");
		this.token = Reply.json(400, "{\"error\":\"invalid_grant\"}");
		this.keycloakUp = true;
		this.exportCalls.clear();
		this.exports = (path) -> Reply.json(404, "{}");
	}

	/** How the api's exports answer, by request path. */
	public void answerExports(Function<String, Reply> answer) {
		this.exports = answer;
	}

	/** Requests for exports: the Authorization header and the path. */
	public List<Call> exportCalls() {
		return List.copyOf(this.exportCalls);
	}

	public void answerApi(Function<Call, Reply> answer) {
		this.api = answer;
	}

	public void answerToken(Reply reply) {
		this.token = reply;
	}

	public void keycloakUp(boolean up) {
		this.keycloakUp = up;
	}

	public List<Call> apiCalls() {
		return List.copyOf(this.apiCalls);
	}

	public List<Call> tokenCalls() {
		return List.copyOf(this.tokenCalls);
	}

	private static void answer(HttpExchange exchange, Function<Call, Reply> answer, List<Call> calls)
			throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		answer(exchange, answer, calls, body);
	}

	private static void answer(HttpExchange exchange, Function<Call, Reply> answer, List<Call> calls, String body)
			throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		Call call = new Call((authorization != null) ? authorization : "", body);
		calls.add(call);
		reply(exchange, answer.apply(call));
	}

	private static void reply(HttpExchange exchange, Reply reply) throws IOException {
		if (reply == Reply.HANG_UP) {
			// Like an api that dies mid-request: the connection closes without a
			// response.
			exchange.close();
			return;
		}
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", reply.contentType());
		exchange.sendResponseHeaders(reply.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** A request the console made: its Authorization header and its body. */
	public record Call(String authorization, String body) {

		/** Whether a GraphQL request's document selects this top-level field. */
		public boolean asks(String field) {
			return this.body.contains(field + " {") || this.body.contains(field + "{");
		}

		/**
		 * Whether the request runs this named operation ({@code query unit(…)},
		 * {@code mutation updateUnit(…)}).
		 */
		public boolean runs(String operation) {
			for (String kind : new String[] { "query ", "mutation " }) {
				if (this.body.contains(kind + operation + "(") || this.body.contains(kind + operation + " ")
						|| this.body.contains(kind + operation + "{")) {
					return true;
				}
			}
			return false;
		}

		/** The request's GraphQL variables (empty when it sent none). */
		@SuppressWarnings("unchecked")
		public Map<String, Object> variables() {
			Map<String, Object> request = JsonMapper.shared().readValue(this.body, Map.class);
			Object variables = request.get("variables");
			return (variables instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
		}

	}

	public record Reply(int status, String contentType, String body) {

		static final Reply HANG_UP = new Reply(0, "", "");

		public static Reply json(int status, String body) {
			return new Reply(status, "application/json", body);
		}

		/**
		 * A GraphQL-over-HTTP answer (the media type the api uses for errors with 4xx).
		 */
		public static Reply graphQl(int status, String body) {
			return new Reply(status, "application/graphql-response+json", body);
		}

		public static Reply hangUp() {
			return HANG_UP;
		}

	}

	/** Points the console at the shared fake: Keycloak base URL and api URL. */
	public static final class Wiring implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			FakeBackend backend = shared();
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "ydan.keycloak.url=" + backend.baseUrl(),
					"ydan.api.url=" + backend.graphQlUrl());
		}

	}

}

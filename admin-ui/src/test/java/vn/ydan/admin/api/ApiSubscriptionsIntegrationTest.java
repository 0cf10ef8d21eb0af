package vn.ydan.admin.api;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console's subscriptions against a graphql-ws server (a scripted one on Tomcat): the
 * token goes in {@code connection_init}, a message as large as a city's results arrives
 * whole, and a refusal comes out as the {@link ApiException} it means.
 */
class ApiSubscriptionsIntegrationTest {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	/** About Hanoi's 526 communes of results (~180 KB), over Tomcat's 8 K default. */
	private static final int LARGE = 200_000;

	private static Tomcat tomcat;

	private static URI url;

	private static volatile String init = "";

	@BeforeAll
	static void start() throws Exception {
		tomcat = new Tomcat();
		tomcat.setPort(0);
		tomcat.setBaseDir(System.getProperty("java.io.tmpdir"));
		Context context = tomcat.addContext("", null);
		context.addServletContainerInitializer(new WsSci(), Set.of(ScriptedGraphQlWs.class));
		// The upgrade runs in a filter, and filters run only for a request a servlet
		// maps.
		Tomcat.addServlet(context, "none", new jakarta.servlet.http.HttpServlet() {
		});
		context.addServletMappingDecoded("/", "none");
		tomcat.getConnector();
		tomcat.start();
		url = URI.create("ws://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/graphql");
	}

	@AfterAll
	static void stop() throws Exception {
		tomcat.stop();
		tomcat.destroy();
	}

	@Test
	void theTokenGoesInConnectionInitAndALargeAnswerArrivesWhole() {
		ApiSubscriptions subscriptions = new ApiSubscriptions(url,
				(name) -> Mono.just("subscription { consultationProgress(id: \"c-1\") { published } }"));

		List<Map> answers = subscriptions.subscribe("token-1", "large", Map.of(), "consultationProgress", Map.class)
			.collectList()
			.block(Duration.ofSeconds(20));

		assertThat(init).contains("\"Authorization\":\"Bearer token-1\"");
		assertThat(answers).singleElement()
			.satisfies((answer) -> assertThat(answer.get("text").toString()).hasSize(LARGE));
	}

	@Test
	void aRefusalIsTheApiExceptionItMeans() {
		ApiSubscriptions subscriptions = new ApiSubscriptions(url,
				(name) -> Mono.just("subscription { consultationProgress(id: \"forbidden\") { published } }"));

		assertThatThrownBy(
				() -> subscriptions.subscribe("token-1", "forbidden", Map.of(), "consultationProgress", Map.class)
					.blockLast(Duration.ofSeconds(20)))
			.isInstanceOf(ApiForbiddenException.class);
	}

	/** Just enough graphql-ws: an ack, then one large answer or a refusal. */
	@ServerEndpoint(value = "/graphql", subprotocols = "graphql-transport-ws")
	public static class ScriptedGraphQlWs {

		@OnMessage
		public void message(String message, Session session) throws IOException {
			if (message.contains("\"connection_init\"")) {
				init = message;
				session.getBasicRemote().sendText("{\"type\":\"connection_ack\"}");
				return;
			}
			if (!message.contains("\"subscribe\"")) {
				return;
			}
			Matcher id = ID.matcher(message);
			id.find();
			String operation = id.group(1);
			if (message.contains("forbidden")) {
				session.getBasicRemote()
					.sendText("{\"id\":\"" + operation + "\",\"type\":\"error\",\"payload\":[{\"message\":\"no\","
							+ "\"extensions\":{\"code\":\"FORBIDDEN\"}}]}");
				return;
			}
			session.getBasicRemote()
				.sendText("{\"id\":\"" + operation + "\",\"type\":\"next\",\"payload\":{\"data\":"
						+ "{\"consultationProgress\":{\"text\":\"" + "x".repeat(LARGE) + "\"}}}}");
			session.getBasicRemote().sendText("{\"id\":\"" + operation + "\",\"type\":\"complete\"}");
		}

	}

}

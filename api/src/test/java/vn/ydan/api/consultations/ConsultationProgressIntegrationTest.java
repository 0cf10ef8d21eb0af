package vn.ydan.api.consultations;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import vn.ydan.api.GraphQlWsClient;
import vn.ydan.api.GraphQlHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live results over WebSocket with the graphql-ws protocol, checked with the npm client
 * {@code graphql-ws} ({@link GraphQlWsClient}): results at once, a new answer within the
 * 2 s target, who may subscribe (the token in {@code connection_init}), and the end of
 * the stream at publication. One consultation of Vĩnh Phúc and Cống Vị (two groups of 5
 * households each), in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationProgressIntegrationTest extends LiveResultsTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** The target: live progress reflects a new answer within 2 s. */
	private static final Duration TARGET = Duration.ofSeconds(2);

	private static ConsultationFixture consultation;

	@BeforeEach
	void consultation() {
		if (consultation == null) {
			consultation = new ConsultationFixture(this.api, "90011", "Vĩnh Cống", 5, "00006", "00007");
		}
	}

	@Test
	@Order(1)
	void anOfficialInScopeGetsTheResultsAtOnceThenANewAnswerWithinTwoSeconds() {
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), consultation.consultationId,
				ConsultationFixture.official())) {
			JsonNode first = client.awaitEvent("next", WAIT).json().path("payload");
			assertThat(first.path("errors").isMissingNode()).as(first.toString()).isTrue();
			assertThat(online(first, "00006")).isZero();
			assertThat(first.at("/data/consultationProgress/total/households").asInt()).isEqualTo(20);
			assertThat(first.at("/data/consultationProgress/published").asBoolean()).isFalse();
			assertThat(first.at("/data/consultationProgress/communes/0/unit/fullName").asString())
				.isEqualTo("Phường Vĩnh Phúc");

			long answered = System.nanoTime();
			consultation.answer(ConsultationFixture.household("00006", 1, 1), true);
			GraphQlWsClient.Event update = client.await((event) -> online(event.path("payload"), "00006") == 1,
					TARGET.plusSeconds(10));

			Duration latency = Duration.ofNanos(update.receivedNanos() - answered);
			System.out.printf("consultationProgress: a new answer reached the graphql-ws client in %d ms%n",
					latency.toMillis());
			assertThat(latency).isLessThanOrEqualTo(TARGET);
			JsonNode results = update.json().at("/payload/data/consultationProgress");
			assertThat(results.at("/communes/0/agree").asInt()).isEqualTo(1);
			assertThat(results.at("/communes/0/turnout").asDouble()).isEqualTo(10.0);
			assertThat(results.at("/total/tookPart").asInt()).isEqualTo(1);
		}
	}

	@Test
	@Order(2)
	void aClerkInScopeMaySubscribeAndAnotherAnswerArrivesToo() {
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), consultation.consultationId,
				ConsultationFixture.clerk())) {
			assertThat(online(client.awaitEvent("next", WAIT).json().path("payload"), "00007")).isZero();

			consultation.answer(ConsultationFixture.household("00007", 2, 3), false);

			JsonNode update = client.await((event) -> online(event.path("payload"), "00007") == 1, WAIT)
				.json()
				.at("/payload/data/consultationProgress");
			assertThat(update.at("/communes/1/disagree").asInt()).isEqualTo(1);
			assertThat(update.at("/total/tookPart").asInt()).isEqualTo(2);
		}
	}

	@Test
	@Order(3)
	void springsWebSocketGraphQlClientGetsTheSameResultsWithTheTokenInConnectionInit() {
		WebSocketGraphQlClient client = webSocketClient(ConsultationFixture.official());
		try {
			ClientGraphQlResponse first = client.document("""
					subscription($id: ID!) { consultationProgress(id: $id) { communes { unit { code } online } } }""")
				.variable("id", consultation.consultationId)
				.executeSubscription()
				.blockFirst(WAIT);

			assertThat(first).isNotNull();
			assertThat(first.getErrors()).isEmpty();
			assertThat(first.field("consultationProgress.communes[0].unit.code").toEntity(String.class))
				.isEqualTo("00006");
			assertThat(first.field("consultationProgress.communes[0].online").toEntity(Integer.class)).isEqualTo(1);
			assertThat(first.field("consultationProgress.communes[1].online").toEntity(Integer.class)).isEqualTo(1);
		}
		finally {
			client.stop().block(WAIT);
		}
	}

	@Test
	@Order(3)
	void beforePublicationAClerkOfOneWardGetsOnlyHisCommunesProgress() {
		WebSocketGraphQlClient client = webSocketClient(ConsultationFixture.scoped("thuky-congvi", "clerk", "00007"));
		try {
			ClientGraphQlResponse first = client.document("""
					subscription($id: ID!) { consultationProgress(id: $id) { published communes { unit { code } }
					  total { communes households } } }""")
				.variable("id", consultation.consultationId)
				.executeSubscription()
				.blockFirst(WAIT);

			assertThat(first).isNotNull();
			assertThat(first.getErrors()).isEmpty();
			assertThat(first.field("consultationProgress.communes").toEntityList(Map.class))
				.<Object>extracting((commune) -> ((Map<?, ?>) commune.get("unit")).get("code"))
				.containsExactly("00007");
			assertThat(first.field("consultationProgress.total.communes").toEntity(Integer.class)).isEqualTo(1);
			assertThat(first.field("consultationProgress.total.households").toEntity(Integer.class)).isEqualTo(10);
		}
		finally {
			client.stop().block(WAIT);
		}
	}

	@Test
	@Order(3)
	void aMutationSentOverTheWebSocketIsRefusedBeforeItRuns() {
		WebSocketGraphQlClient client = webSocketClient(ConsultationFixture.scoped("canbo-ws", "official", "001"));
		try {
			// Changes go over HTTP only (decision 13).
			ClientGraphQlResponse refused = client.document("""
					mutation { closeConsultation(id: "no-such-consultation") { userErrors { code } } }""")
				.execute()
				.block(WAIT);
			assertThat(refused.getErrors()).extracting((error) -> error.getExtensions().get("code"))
				.containsExactly("BAD_REQUEST");
		}
		finally {
			client.stop().block(WAIT);
		}

		GraphQlHttp.Response audited = this.api.query("""
				{ auditEntries(filter: { kind: "mutation:closeConsultation" }, first: 5) {
				  edges { node { actor outcome } } } }""", ConsultationFixture.admin());
		assertThat(audited.<java.util.List<String>>read("$.data.auditEntries.edges[*].node.actor")).as(audited.body())
			.doesNotContain("canbo-ws");
	}

	@Test
	@Order(3)
	void unpublishedResultsAreRefusedToAnonymousCallersAndToCallersOutOfScope() {
		assertThat(refusal(null)).isEqualTo("UNAUTHORIZED");
		assertThat(refusal(ConsultationFixture.resident(ConsultationFixture.household("00006", 1, 2))))
			.isEqualTo("FORBIDDEN");
		assertThat(refusal(ConsultationFixture.scoped("thuky-hk", "clerk", "002"))).isEqualTo("FORBIDDEN");
	}

	@Test
	@Order(4)
	void anInvalidTokenInConnectionInitClosesTheConnectionAsUnauthorized() {
		String forged = issuer.tokenSignedByAnotherKey((claims) -> claims.claim("preferred_username", "mallory")
			.claim("realm_access", Map.of("roles", java.util.List.of("admin"))));
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), consultation.consultationId, forged)) {
			JsonNode closed = client.awaitEvent("closed", WAIT).json();
			assertThat(closed.path("code").asInt()).as(closed.toString()).isEqualTo(4401);
		}
	}

	@Test
	@Order(5)
	void anUnknownConsultationIsNotFound() {
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), "no-such-consultation",
				ConsultationFixture.admin())) {
			JsonNode error = client.awaitEvent("error", WAIT).json();
			assertThat(error.at("/errors/0/extensions/code").asString()).as(error.toString()).isEqualTo("NOT_FOUND");
		}
	}

	@Test
	@Order(6)
	void tallyCertificationAndPublicationAreSentThenTheStreamEndsAndPublishedResultsArePublic() {
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), consultation.consultationId,
				ConsultationFixture.official())) {
			client.awaitEvent("next", WAIT);
			consultation.close();
			// Each group: 5 households; the online answers of the earlier tests are one
			// in
			// 00006-1 (agree) and one in 00007-2 (disagree).
			consultation.tally("00006", 1, 4, 4, 0, 3, 1);
			consultation.tally("00006", 2, 5, 5, 1, 4, 0);
			consultation.tally("00007", 1, 5, 5, 0, 5, 0);
			consultation.tally("00007", 2, 4, 4, 0, 0, 4);

			JsonNode counted = client
				// Both decided: an earlier push may show one commune's tallies without
				// the
				// other's.
				.await((event) -> !"PENDING"
					.equals(event.at("/payload/data/consultationProgress/communes/0/outcome").asString("PENDING"))
						&& !"PENDING".equals(
								event.at("/payload/data/consultationProgress/communes/1/outcome").asString("PENDING")),
						WAIT)
				.json()
				.at("/payload/data/consultationProgress");
			assertThat(counted.at("/communes/0/outcome").asString()).isEqualTo("PASS");
			assertThat(counted.at("/communes/0/agree").asInt()).isEqualTo(1 + 3 + 4);
			// 5 of 10 households is not more than 50%.
			assertThat(counted.at("/communes/1/agree").asInt()).isEqualTo(5);
			assertThat(counted.at("/communes/1/outcome").asString()).isEqualTo("FAIL");

			consultation.certifyAndPublish();

			JsonNode published = client
				.await((event) -> event.at("/payload/data/consultationProgress/published").asBoolean(false), WAIT)
				.json();
			assertThat(published.at("/payload/data/consultationProgress/communes/0/certified").asBoolean()).isTrue();
			client.awaitEvent("complete", WAIT);
		}
		try (GraphQlWsClient anonymous = GraphQlWsClient.subscribe(webSocketUrl(), consultation.consultationId, null)) {
			JsonNode results = anonymous.awaitEvent("next", WAIT).json().at("/payload/data/consultationProgress");
			assertThat(results.path("published").asBoolean()).as(results.toString()).isTrue();
			assertThat(results.at("/total/tookPart").asInt()).isEqualTo(20);
			anonymous.awaitEvent("complete", WAIT);
		}
	}

	private WebSocketGraphQlClient webSocketClient(String token) {
		return WebSocketGraphQlClient.builder(webSocketUrl(), new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

	private String refusal(String token) {
		try (GraphQlWsClient client = GraphQlWsClient.subscribe(webSocketUrl(), consultation.consultationId, token)) {
			JsonNode error = client.awaitEvent("error", WAIT).json();
			return error.at("/errors/0/extensions/code").asString("none: " + error);
		}
	}

	private static int online(JsonNode payload, String communeCode) {
		for (JsonNode commune : payload.at("/data/consultationProgress/communes")) {
			if (communeCode.equals(commune.at("/unit/code").asString(""))) {
				return commune.path("online").asInt(-1);
			}
		}
		return -1;
	}

}

package vn.ydan.api.consultations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ydan.api.GraphQlWsClient;

/**
 * For {@code bench/live/measure.sh}, not part of the test suite (the name does not end in
 * Test): how long a new answer takes to reach every graphql-ws subscriber, for
 * {@code -Dlive.clients=1,100,500} subscribers (one WebSocket each, in one Node.js
 * process), {@code -Dlive.answers=10} answers a second apart; then how long each export
 * takes. Prints the figures; asserts nothing.
 */
class LiveResultsMeasurement extends LiveResultsTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void measure() throws Exception {
		int[] clientCounts = Arrays.stream(System.getProperty("live.clients", "1,100,500").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		int answers = Integer.getInteger("live.answers", 10);
		int households = Math.max(50, answers * clientCounts.length);
		ConsultationFixture consultation = new ConsultationFixture(this.api, "90031", "Liễu Quán", households, "00008",
				"00013");
		int answered = 0;
		for (int clients : clientCounts) {
			try (GraphQlWsClient fanout = GraphQlWsClient.start("fanout.mjs", webSocketUrl(),
					consultation.consultationId, ConsultationFixture.official(), String.valueOf(clients))) {
				long connecting = System.currentTimeMillis();
				JsonNode ready = fanout.await((event) -> event.has("ready"), Duration.ofMinutes(3)).json();
				long connected = ready.path("at").asLong() - connecting;
				List<Long> latencies = new ArrayList<>();
				List<Long> acknowledged = new ArrayList<>();
				for (int i = 0; i < answers; i++) {
					answered++;
					long sent = System.currentTimeMillis();
					consultation.answer(ConsultationFixture.household("00008", 1, answered), true);
					acknowledged.add(System.currentTimeMillis() - sent);
					Map<Integer, Long> arrived = new HashMap<>();
					int expected = answered;
					while (arrived.size() < clients) {
						JsonNode event = fanout
							.await((json) -> json.path("online").asInt(-1) >= expected, Duration.ofSeconds(30))
							.json();
						arrived.putIfAbsent(event.path("client").asInt(), event.path("at").asLong() - sent);
					}
					latencies.addAll(arrived.values());
					// About a second apart, not exactly: a fixed period would lock every
					// answer to the same phase of the poller.
					Thread.sleep(700 + java.util.concurrent.ThreadLocalRandom.current().nextInt(600));
				}
				Collections.sort(latencies);
				Collections.sort(acknowledged);
				System.out
					.printf("live: %d subscribers (connected and first results in %d ms): answer sent -> every subscriber "
							+ "p50 %d ms, p95 %d ms, max %d ms (%d deliveries); the answer's own HTTP call p50 %d ms%n",
							clients, connected, percentile(latencies, 50), percentile(latencies, 95),
							latencies.get(latencies.size() - 1), latencies.size(), percentile(acknowledged, 50));
			}
		}
		String base = "/exports/consultations/" + consultation.consultationId;
		String minutes = base + "/communes/" + consultation.unitId("00008", "COMMUNE") + "/minutes.pdf";
		for (String path : List.of(base + "/results.csv", base + "/results.xlsx", minutes)) {
			List<Long> times = new ArrayList<>();
			long first = 0;
			int size = 0;
			for (int i = 0; i < 21; i++) {
				long started = System.nanoTime();
				HttpResponse<byte[]> response = this.http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
						.header("Authorization", "Bearer " + ConsultationFixture.official())
						.build(), HttpResponse.BodyHandlers.ofByteArray());
				long micros = (System.nanoTime() - started) / 1000;
				size = response.body().length;
				if (i == 0) {
					first = micros;
				}
				else {
					times.add(micros);
				}
			}
			Collections.sort(times);
			System.out.printf("export %s: %d bytes, first %.1f ms, then median %.1f ms, max %.1f ms%n",
					path.substring(path.lastIndexOf('/') + 1), size, first / 1000.0, percentile(times, 50) / 1000.0,
					times.get(times.size() - 1) / 1000.0);
		}
	}

	private static long percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}

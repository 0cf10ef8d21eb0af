import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/disclosure's load client (JDK only, no wrk): N clients each sending one request after
 * another for a time, latencies of every request kept; or the bulk conversion of every commune
 * code in calls of 1,000.
 *
 *   java Load.java address <graphql url> <communes.csv> <clients> <seconds>
 *   java Load.java body <graphql url> <json body file> <clients> <seconds>
 *   java Load.java bulk <graphql url> <communes.csv> <rounds>
 */
public class Load {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		String url = args[1];
		switch (args[0]) {
			case "address" -> load(url, addresses(Path.of(args[2])), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "body" -> load(url, List.of(Files.readString(Path.of(args[2])).strip()), Integer.parseInt(args[3]),
					Integer.parseInt(args[4]));
			case "bulk" -> bulk(url, codes(Path.of(args[2])), Integer.parseInt(args[3]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	/** Old addresses as people write them, from the national list: abbreviated, some without diacritics, some mistyped. */
	static List<String> addresses(Path csv) throws Exception {
		List<String> bodies = new ArrayList<>();
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		for (int i = 1; i < lines.size(); i++) {
			String[] cells = lines.get(i).split(",");
			// code,name,full_name,type,district_code,district_name,district_type,province_code,province_name
			String type = switch (cells[3]) {
				case "phường" -> "P. ";
				case "xã" -> "X. ";
				default -> "TT. ";
			};
			String name = cells[1];
			if (i % 7 == 0 && name.length() > 6) {
				name = name.substring(0, name.length() - 1);
			}
			String address = type + name + ", " + cells[5] + ", " + cells[8];
			if (i % 3 == 0) {
				address = Normalizer.normalize(address, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
			}
			bodies.add("{\"query\":\"query($t: String!) { convertAddress(text: $t, asOf: \\\"2025-07-01\\\") { status reason candidates { matchedName current { relation legalBasis unit { code fullName } } } } }\",\"variables\":{\"t\":\""
					+ address.replace("\"", "") + "\"}}");
		}
		return bodies;
	}

	static List<String> codes(Path csv) throws Exception {
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		List<String> codes = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			codes.add(lines.get(i).split(",")[0]);
		}
		return codes;
	}

	static void load(String url, List<String> bodies, int clients, int seconds) throws Exception {
		// A warm-up of the same length first (JIT, pools), then the measured run.
		run(url, bodies, clients, seconds);
		Result result = run(url, bodies, clients, seconds);
		long[] sorted = result.latencies;
		Arrays.sort(sorted);
		System.out.printf("%d requests, %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n", sorted.length,
				sorted.length / (double) seconds, sorted[sorted.length / 2] / 1e6,
				sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6, result.errors);
	}

	record Result(long[] latencies, long errors) {
	}

	static Result run(String url, List<String> bodies, int clients, int seconds) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicLong errors = new AtomicLong();
		AtomicLong next = new AtomicLong();
		List<Future<List<Long>>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					List<Long> mine = new ArrayList<>();
					while (System.nanoTime() < end) {
						String body = bodies.get((int) (next.getAndIncrement() % bodies.size()));
						HttpRequest request = HttpRequest.newBuilder(URI.create(url))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.timeout(Duration.ofSeconds(30))
							.build();
						long started = System.nanoTime();
						try {
							HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
								if (errors.incrementAndGet() == 1) {
									System.err.println("first error: " + response.statusCode() + " " + response.body());
								}
							}
						}
						catch (java.io.IOException ex) {
							if (errors.incrementAndGet() == 1) {
								System.err.println("first error: " + ex);
							}
						}
						mine.add(System.nanoTime() - started);
					}
					return mine;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> future : futures) {
				all.addAll(future.get());
			}
			return new Result(all.stream().mapToLong(Long::longValue).toArray(), errors.get());
		}
	}

	static void bulk(String url, List<String> codes, int rounds) throws Exception {
		for (int round = 1; round <= rounds; round++) {
			long started = System.nanoTime();
			int converted = 0;
			int calls = 0;
			for (int from = 0; from < codes.size(); from += 1_000) {
				List<String> part = codes.subList(from, Math.min(codes.size(), from + 1_000));
				String list = String.join(",", part.stream().map((code) -> "\"" + code + "\"").toList());
				String body = "{\"query\":\"query($c: [String!]!) { unitsAsOf(codes: $c, from: \\\"2025-06-30\\\", to: \\\"2025-07-01\\\") { code reason successors { relation share legalBasis unit { code fullName } } } }\",\"variables\":{\"c\":["
						+ list + "]}}";
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.timeout(Duration.ofSeconds(60))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
					throw new IllegalStateException(response.statusCode() + " " + response.body().substring(0, Math.min(500, response.body().length())));
				}
				converted += part.size();
				calls++;
			}
			System.out.printf("round %d: %d codes in %d calls, %.0f ms%n", round, converted, calls,
					(System.nanoTime() - started) / 1e6);
		}
	}

}

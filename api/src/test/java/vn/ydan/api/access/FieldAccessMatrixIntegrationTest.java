package vn.ydan.api.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.GraphQlHttp.Response;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.access.AuthorizationMatrixIntegrationTest.Caller;
import vn.ydan.api.access.AuthorizationMatrixIntegrationTest.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Who may read what inside an answer: the fields of a consultation whose answer depends
 * on the caller (unpublished results, tallies, the household register), read on the demo
 * consultation of Hanoi (open, unpublished) as each kind of caller of
 * {@link AuthorizationMatrixIntegrationTest}, about Phường Trúc Bạch; written to
 * {@code docs/access-matrix-fields.md}. Every field of {@code Consultation} is either
 * declared public below or has a rule here: a new field without either fails the build.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FieldAccessMatrixIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	private static final Path MATRIX = Path.of("../docs/access-matrix-fields.md");

	/** Fields of Consultation that answer the same to everyone. */
	private static final Set<String> PUBLIC = Set.of("id", "title", "planId", "status", "statusName", "opensAt",
			"closesAt", "passRule", "round", "previousId", "units", "answerCount");

	/**
	 * Each guarded field: a query on {@code $consultation} (and {@code $commune},
	 * {@code $group}: Phường Trúc Bạch and one of its groups), the path of what it shows
	 * of Trúc Bạch (nothing there, or null: hidden), the outcome per caller and the rule.
	 */
	private static final Map<String, FieldRule> RULES = rules();

	private static Map<String, FieldRule> rules() {
		Map<String, FieldRule> r = new LinkedHashMap<>();
		r.put("results", new FieldRule(
				"query($consultation: ID!) { consultation(id: $consultation) { results { communes { unit { code } } } } }",
				"$.data.consultation.results.communes[?(@.unit.code == '00004')]", "H A A H A H H H",
				"before publication: admin, officials whose scope covers the commune, the clerk assigned it (each sees only those communes); everyone once published"));
		r.put("tallies", new FieldRule(
				"query($consultation: ID!, $commune: ID!) { consultation(id: $consultation) { tallies(unitId: $commune) { group { id } } } }",
				"$.data.consultation.tallies[*]", "H A A H A H H H",
				"admin, officials whose scope covers the commune, the clerk assigned it; others get an empty list"));
		r.put("households", new FieldRule(
				"query($consultation: ID!, $group: ID!) { consultation(id: $consultation) { households(groupId: $group) { householdId } } }",
				"$.data.consultation.households[*]", "S A A D A D D D",
				"personal data (the register): admin, officials whose scope covers the group's commune, the clerk assigned it"));
		r.put("electorateGroups", new FieldRule(
				"query($consultation: ID!, $commune: ID!) { consultation(id: $consultation) { electorateGroups(unitId: $commune) { households } } }",
				"$.data.consultation.electorateGroups[*]", "S A A D A D D D", "as `households`"));
		r.put("tallyClerks", new FieldRule(
				"query($consultation: ID!) { consultation(id: $consultation) { tallyClerks { clerk entries } } }",
				"$.data.consultation.tallyClerks[*]", "H A A H H H H H",
				"per-clerk mismatch figures: admin and officials for the communes they manage; empty for others"));
		return r;
	}

	@LocalServerPort
	private int port;

	@Autowired
	private GraphQlSource graphQl;

	@DynamicPropertySource
	static void demo(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.consultation", () -> "true");
		properties.add("ydan.demo-data.simulate-answers", () -> "false");
	}

	@Test
	void everyGuardedFieldOfAConsultationAnswersEachCallerAsExpected() throws Exception {
		GraphQLObjectType consultation = this.graphQl.schema().getObjectType("Consultation");
		List<String> unclassified = consultation.getFieldDefinitions()
			.stream()
			.map(GraphQLFieldDefinition::getName)
			.filter((field) -> !PUBLIC.contains(field) && !RULES.containsKey(field))
			.toList();
		if (!unclassified.isEmpty()) {
			fail("Consultation fields %s are neither declared public nor given a rule in FieldAccessMatrixIntegrationTest",
					unclassified);
		}

		GraphQlHttp api = new GraphQlHttp(this.port);
		Map<String, String> targets = targets(api);
		Map<String, Map<Caller, Outcome>> actual = new LinkedHashMap<>();
		List<String> mismatches = new ArrayList<>();
		for (Map.Entry<String, FieldRule> field : RULES.entrySet()) {
			FieldRule rule = field.getValue();
			Map<Caller, Outcome> row = new LinkedHashMap<>();
			for (Caller caller : Caller.values()) {
				String token = (caller == Caller.ANONYMOUS) ? null
						: AuthorizationMatrixIntegrationTest.TOKENS.get(caller).get();
				Response response = api.query(rule.document(), used(rule.document(), targets), token);
				Outcome outcome = outcome(response, rule.shown());
				row.put(caller, outcome);
				if (outcome != rule.outcome(caller)) {
					mismatches.add("Consultation.%s as %s: expected %s, got %s (%s)".formatted(field.getKey(), caller,
							rule.outcome(caller), outcome, response));
				}
			}
			actual.put(field.getKey(), row);
		}
		write(actual);
		assertThat(mismatches).as("fields answering otherwise than expected").isEmpty();
	}

	/** The demo consultation (once loaded), Phường Trúc Bạch and its first group. */
	private static Map<String, String> targets(GraphQlHttp api) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		List<String> open = List.of();
		while (open.isEmpty() && System.nanoTime() < deadline) {
			open = api.query("{ consultations { id status } }", null)
				.read("$.data.consultations[?(@.status == 'OPEN')].id");
			if (open.isEmpty()) {
				Thread.sleep(500);
			}
		}
		assertThat(open).as("the demo consultation, open").hasSize(1);
		Response commune = api.query(
				"{ unitByCode(code: \"00004\", level: COMMUNE) { id children(level: RESIDENTIAL_GROUP, first: 1) { edges { node { id } } } } }",
				null);
		List<String> groups = commune.read("$.data.unitByCode.children.edges[*].node.id");
		assertThat(groups).as(commune.toString()).isNotEmpty();
		// One paper tally of Trúc Bạch, for the tallies to show.
		Response tally = api
			.query("""
					mutation($consultation: ID!, $group: ID!) { enterTally(input: { consultationId: $consultation, groupId: $group,
					  counts: { issued: 2, returned: 1, valid: 1, invalid: 0, agree: 1, disagree: 0 } }) { userErrors { code message } } }""",
					Map.of("consultation", open.get(0), "group", groups.get(0)),
					AuthorizationMatrixIntegrationTest.TOKENS.get(Caller.ADMIN).get());
		assertThat(tally.<List<?>>read("$.data.enterTally.userErrors")).as(tally.toString()).isEmpty();
		return Map.of("consultation", open.get(0), "commune", commune.read("$.data.unitByCode.id"), "group",
				groups.get(0));
	}

	private static Map<String, String> used(String document, Map<String, String> targets) {
		Map<String, String> used = new LinkedHashMap<>();
		targets.forEach((name, value) -> {
			if (document.contains("$" + name)) {
				used.put(name, value);
			}
		});
		return used;
	}

	private static Outcome outcome(Response response, String shown) {
		List<String> codes = response.read("$.errors[*].extensions.code");
		if (codes != null && !codes.isEmpty()) {
			return switch (codes.get(0)) {
				case "UNAUTHORIZED" -> Outcome.SIGN_IN;
				case "FORBIDDEN" -> Outcome.DENY;
				case "NOT_FOUND" -> Outcome.HIDDEN;
				default -> throw new AssertionError("Unexpected error: " + response);
			};
		}
		List<?> what = readOrNull(response, shown);
		return (what == null || what.isEmpty()) ? Outcome.HIDDEN : Outcome.ALLOW;
	}

	private static @Nullable List<?> readOrNull(Response response, String path) {
		try {
			return response.read(path);
		}
		catch (RuntimeException ex) {
			// A null on the way (results: null): nothing shown.
			return null;
		}
	}

	private static void write(Map<String, Map<Caller, Outcome>> actual) throws IOException {
		StringBuilder md = new StringBuilder("""
				# Who may read what inside an answer (field rules)

				Generated by `api/src/test/java/vn/ydan/api/access/FieldAccessMatrixIntegrationTest.java` from what
				the api answered, over HTTP, to each kind of caller — do not edit by hand. Operations are in
				[access-matrix.md](access-matrix.md); these are the fields of a `Consultation` whose answer depends
				on the caller, read on an open, unpublished consultation about Phường Trúc Bạch (same callers).
				Every other field of `Consultation` answers the same to everyone: %s.

				✅ shown · ⛔ refused (`FORBIDDEN`) · 🔑 sign in first (`UNAUTHORIZED`) · 🙈 not shown (null or
				without Trúc Bạch)

				""".formatted(String.join(", ", new TreeSet<>(PUBLIC))));
		md.append("| field |");
		for (Caller caller : Caller.values()) {
			md.append(' ').append(caller.label).append(" |");
		}
		md.append(" rule |\n|---|").append("---|".repeat(Caller.values().length)).append("---|\n");
		actual.forEach((field, row) -> {
			md.append("| `Consultation.").append(field).append("` |");
			row.values().forEach((outcome) -> md.append(' ').append(outcome.symbol).append(" |"));
			md.append(' ').append(RULES.get(field).rule()).append(" |\n");
		});
		Files.writeString(MATRIX, md.toString(), StandardCharsets.UTF_8);
	}

	/**
	 * @param outcomes one of A, D, S, H per caller, in {@link Caller} order
	 */
	record FieldRule(String document, String shown, String outcomes, String rule) {

		Outcome outcome(Caller caller) {
			return switch (this.outcomes.split(" ")[caller.ordinal()]) {
				case "A" -> Outcome.ALLOW;
				case "D" -> Outcome.DENY;
				case "S" -> Outcome.SIGN_IN;
				case "H" -> Outcome.HIDDEN;
				default -> throw new IllegalArgumentException(this.outcomes);
			};
		}

	}

}

package vn.ydan.api.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.MongoCommands;
import vn.ydan.api.protocol.ProtocolHttp.Answer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class of abusive request is refused before it runs, with HTTP 400, one typed error
 * and no {@code data}, and without a single command reaching the store; ordinary
 * requests, the console's own documents included, pass and report their cost. The API
 * runs with the production limits (the budgets are tested in
 * {@link RateLimitsIntegrationTest}).
 */
class RequestLimitsIntegrationTest extends ApiIntegrationTest {

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	@LocalServerPort
	private int port;

	@Autowired
	private MongoCommands commands;

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	private ApiLimits limits;

	private ProtocolHttp http;

	@BeforeEach
	void http() {
		this.http = new ProtocolHttp(this.port);
	}

	@Test
	void aQueryNestedDeeperThan12LevelsIsRefusedAsQueryTooDeep() {
		// unitByCode, 12 × parent, code: 14 levels.
		Answer answer = refusedWithoutTouchingTheStore(
				"{ unitByCode(code: \"01\") { " + nested("parent", 12, "code") + " } }", null);

		assertThat(answer.code()).isEqualTo("QUERY_TOO_DEEP");
		assertThat(answer.<Integer>read("$.errors[0].extensions.limit")).isEqualTo(12);
		assertThat(answer.<String>read("$.errors[0].message")).contains("sâu").contains("12 levels");
	}

	@Test
	void depthCountsThroughFragments() {
		Answer answer = refusedWithoutTouchingTheStore("""
				{ unitByCode(code: "01") { ...A } }
				fragment A on Unit { parent { parent { parent { parent { ...B } } } } }
				fragment B on Unit { parent { parent { parent { parent { ...C } } } } }
				fragment C on Unit { parent { parent { parent { parent { code } } } } }""", null);

		assertThat(answer.code()).isEqualTo("QUERY_TOO_DEEP");
	}

	@Test
	void twelveLevelsAreAllowed() {
		// unitByCode, 3 × (children, edges, node), children, totalCount: 12 levels.
		Answer answer = this.http.graphql("""
				{ unitByCode(code: "01") {
				    children(first: 1) { edges { node {
				      children(first: 1) { edges { node {
				        children(first: 1) { edges { node {
				          children(first: 1) { totalCount } } } }
				      } } }
				    } } } } }""");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.<Object>read("$.errors")).isNull();
	}

	@Test
	void nestingBeyondTheParsersLimitIsRefusedAsQueryTooDeep() {
		Answer answer = refusedWithoutTouchingTheStore("{" + "a {".repeat(300) + "b" + "}".repeat(301), null);

		assertThat(answer.code()).isEqualTo("QUERY_TOO_DEEP");
	}

	@Test
	void aPageOf100UnitsEachWithAPageOf100ChildrenIsRefusedAsQueryTooComplex() {
		Answer answer = refusedWithoutTouchingTheStore("""
				{ units(first: 100) { edges { node { children(first: 100) { edges { node { code } } } } } } }""", null);

		assertThat(answer.code()).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat(answer.<Integer>read("$.errors[0].extensions.limit")).isEqualTo(5000);
		assertThat(answer.<Number>read("$.errors[0].extensions.actual").longValue()).isGreaterThan(5000);
		assertThat(answer.<String>read("$.errors[0].message")).contains("first");
	}

	@Test
	void pageSizesGivenAsVariablesCountToo() {
		String query = """
				query Pages($n: Int) {
				  units(first: $n) { edges { node { children(first: $n) { edges { node { code } } } } } } }""";

		Answer big = this.http.graphql(query, Map.of("n", 100), null);
		Answer small = this.http.graphql(query, Map.of("n", 3), null);

		assertThat(big.code()).as(big.toString()).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat(small.status()).as(small.toString()).isEqualTo(200);
		// units 1 + edges (1 + 3 × (node 1 + children (1 + edges (1 + 3 × (node 1 + code
		// 1)))))
		assertThat(small.cost()).isEqualTo(1 + 1 + 3 * (1 + 1 + 1 + 3 * (1 + 1)));
	}

	@Test
	void fragmentsThatDoubleAtEachLevelAreRefusedWithoutExpandingThem() {
		StringBuilder query = new StringBuilder("{ units(first: 1) { edges { node { ...F40 } } } }\n");
		query.append("fragment F0 on Unit { code }\n");
		for (int i = 1; i <= 40; i++) {
			query.append("fragment F%d on Unit { ...F%d ...F%d }\n".formatted(i, i - 1, i - 1));
		}

		Answer answer = refusedWithoutTouchingTheStore(query.toString(), null);

		assertThat(answer.code()).isEqualTo("QUERY_TOO_COMPLEX");
	}

	@Test
	void moreThan30AliasesAreRefusedAsTooManyAliases() {
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i <= 30; i++) {
			query.append(" a").append(i).append(": __typename");
		}

		Answer answer = refusedWithoutTouchingTheStore(query.append(" }").toString(), null);

		assertThat(answer.code()).isEqualTo("TOO_MANY_ALIASES");
		assertThat(answer.<Integer>read("$.errors[0].extensions.limit")).isEqualTo(30);
	}

	@Test
	void aMutationRepeatedUnderManyAliasesIsRefusedBeforeItWritesAnything() {
		StringBuilder mutation = new StringBuilder("mutation {");
		for (int i = 0; i <= 30; i++) {
			mutation.append(" u%d: importUnits(input: {kind: PROVINCES, csv: \"code,name,full_name,type\\n\"}) { rows }"
				.formatted(i));
		}

		Answer answer = refusedWithoutTouchingTheStore(mutation.append(" }").toString(), this.admin);

		assertThat(answer.code()).isEqualTo("TOO_MANY_ALIASES");
	}

	@Test
	void aDocumentLongerThan32KbIsRefusedAsDocumentTooLarge() {
		Answer answer = refusedWithoutTouchingTheStore("{ __typename }\n#" + "x".repeat(33 * 1024), null);

		assertThat(answer.code()).isEqualTo("DOCUMENT_TOO_LARGE");
		assertThat(answer.<Integer>read("$.errors[0].extensions.limit")).isEqualTo(32 * 1024);
	}

	@Test
	void introspectionIsOnByDefaultAndCharged() {
		Answer schema = this.http.graphql("{ __schema { queryType { name } } }");
		Answer type = this.http.graphql("{ __type(name: \"Unit\") { name } }");

		assertThat(schema.<String>read("$.data.__schema.queryType.name")).as(schema.toString()).isEqualTo("Query");
		assertThat(schema.cost()).isEqualTo(QueryCost.SCHEMA_COST);
		assertThat(type.<String>read("$.data.__type.name")).as(type.toString()).isEqualTo("Unit");
		assertThat(type.cost()).isEqualTo(QueryCost.TYPE_COST);
	}

	@Test
	void everyAnswerReportsItsCostAndTheBudgetLeft() {
		String partner = issuer.token((claims) -> claims.claim("azp", "ydan-demo-partner")
			.claim("preferred_username", "service-account-ydan-demo-partner"));

		Answer anonymous = this.http.graphql("{ unitByCode(code: \"01\") { code name } }");
		Answer console = this.http.graphql("{ unitByCode(code: \"01\") { code name } }", null, this.admin);
		Answer app = this.http.graphql("{ unitByCode(code: \"01\") { code name } }", null, partner);

		assertThat(anonymous.<String>read("$.data.unitByCode.name")).as(anonymous.toString()).isEqualTo("Hà Nội");
		assertThat(anonymous.cost()).isEqualTo(3);
		assertThat(anonymous.<String>read("$.extensions.cost.client")).isEqualTo("anonymous");
		assertThat(anonymous.<Number>read("$.extensions.cost.limit").longValue()).isEqualTo(1_000_000_000L);
		assertThat(anonymous.<Number>read("$.extensions.cost.remaining").longValue()).isLessThan(1_000_000_000L);
		assertThat(anonymous.<String>read("$.extensions.cost.resetAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(anonymous.header("X-RateLimit-Limit")).isEqualTo("1000000000");
		assertThat(anonymous.header("X-RateLimit-Remaining")).isNotNull();
		assertThat(anonymous.header("X-RateLimit-Reset")).matches("\\d+");
		assertThat(console.<String>read("$.extensions.cost.client")).as(console.toString()).isEqualTo("console");
		assertThat(app.<String>read("$.extensions.cost.client")).as(app.toString()).isEqualTo("partner");
	}

	@Test
	void anAnswerServedFromThePublicCacheIsChargedToo() {
		String query = "{ unitByCode(code: \"79\") { code fullName } }";

		Answer first = this.http.graphql(query);
		Answer again = this.http.graphql(query);

		assertThat(first.cost()).as(first.toString()).isEqualTo(3);
		assertThat(again.cost()).as(again.toString()).isEqualTo(3);
		long before = first.<Number>read("$.extensions.cost.remaining").longValue();
		long after = again.<Number>read("$.extensions.cost.remaining").longValue();
		boolean sameWindow = first.<String>read("$.extensions.cost.resetAt")
			.equals(again.<String>read("$.extensions.cost.resetAt"));
		if (sameWindow) {
			assertThat(after).isLessThanOrEqualTo(before - 3);
		}
	}

	@Test
	void aPageOf100CommunesWithTheirParentsIsAllowed() {
		Answer answer = this.http.graphql("""
				{ units(level: COMMUNE, asOf: "2025-06-30", first: 100) {
				    edges { node { id code name fullName type
				      parent { id code name fullName type parent { id code name fullName type } } } } } }""");

		assertThat(answer.<Object>read("$.errors")).as(answer.toString()).isNull();
		// units 1 + edges (1 + 100 × node (1 + 5 + parent (1 + 5 + parent (1 + 5))))
		assertThat(answer.cost()).isEqualTo(1 + 1 + 100 * 18);
	}

	@Test
	void everyDocumentTheConsoleSendsIsWithinTheLimits() throws IOException {
		QueryCost cost = new QueryCost(this.graphQlSource.schema(), this.limits);
		List<String> measured = new ArrayList<>();
		Path documents = Path.of("../admin-ui/src/main/resources/graphql-documents");
		// The console appends the shared fragments a document spreads
		// (FragmentDocuments);
		// all of them here: the measure walks the operation, and ignores the rest.
		StringBuilder fragments = new StringBuilder();
		try (Stream<Path> files = Files.list(documents.resolve("fragments"))) {
			for (Path file : files.sorted().toList()) {
				fragments.append('\n').append(Files.readString(file));
			}
		}
		try (Stream<Path> files = Files.list(documents)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				// The console's page size is 100 (UnitsApi.PAGE_SIZE).
				QueryCost.Measure measure = cost.measure(Parser.parse(Files.readString(file) + fragments), null,
						Map.of("first", 100));
				assertThat(measure).as(file.toString()).isNotNull();
				assertThat(measure.exceeded()).as(file + ": " + measure).isNull();
				measured.add(file.getFileName() + " " + measure.cost());
			}
		}
		assertThat(measured).as("the console's documents").hasSizeGreaterThanOrEqualTo(5);
	}

	private Answer refusedWithoutTouchingTheStore(String query, @Nullable String token) {
		List<Answer> answers = new ArrayList<>();
		List<MongoCommands.Sent> sent = this.commands.during(() -> answers.add(this.http.graphql(query, null, token)))
			.stream()
			.filter((command) -> !command.byPoller())
			.toList();
		Answer answer = answers.get(0);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith(ProtocolHttp.GRAPHQL_RESPONSE);
		assertThat(answer.<Object>read("$.data")).isNull();
		assertThat(answer.<List<?>>read("$.errors")).hasSize(1);
		assertThat(answer.cost()).as("a refusal takes 1 point").isEqualTo(1);
		assertThat(sent).as("commands sent to the store").isEmpty();
		return answer;
	}

	private static String nested(String field, int times, String leaf) {
		return (field + " { ").repeat(times) + leaf + " }".repeat(times);
	}

}

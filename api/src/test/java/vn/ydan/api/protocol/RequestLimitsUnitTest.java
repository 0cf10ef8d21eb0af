package vn.ydan.api.protocol;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The cost model on a small schema, and {@code ydan.api.limits.enabled=false}, which lets
 * everything through while still reporting the cost (for benchmarks of other features).
 */
class RequestLimitsUnitTest {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			type Query { item(id: ID): Item  items(first: Int = 20): ItemConnection!  tags: [String!]! }
			type Mutation { touch(id: ID): Item }
			type Item { id: ID!  name: String  parent: Item  children(first: Int): ItemConnection!  tags: [String!]! }
			type ItemConnection { edges: [ItemEdge!]!  totalCount: Int! }
			type ItemEdge { node: Item! }
			"""), RuntimeWiring.newRuntimeWiring().build());

	private static final String DEEP = "{ item { parent { parent { parent { parent { parent { parent { parent "
			+ "{ parent { parent { parent { parent { parent { id } } } } } } } } } } } } } }";

	@Test
	void everyFieldCostsOneTimesThePageSizesAroundIt() {
		assertThat(cost("{ item(id: 1) { id name } }", Map.of())).isEqualTo(3);
		// items 1 + edges (1 + 20 default × (node 1 + id 1)) + totalCount 1
		assertThat(cost("{ items { edges { node { id } } totalCount } }", Map.of())).isEqualTo(1 + 1 + 20 * 2 + 1);
		assertThat(cost("query($n: Int) { items(first: $n) { edges { node { id } } } }", Map.of("n", 5)))
			.isEqualTo(1 + 1 + 5 * 2);
		// A list of scalars is one field; a list of objects without `first` counts 10.
		assertThat(cost("{ item { tags } }", Map.of())).isEqualTo(1 + 1);
		assertThat(cost("{ item { parent { tags } } }", Map.of())).isEqualTo(3);
		assertThat(cost("mutation { touch(id: 1) { id } }", Map.of())).isEqualTo(1 + 10 + 1);
	}

	@Test
	void limitsOnRefuseAndLimitsOffLetThroughWithTheCostReported() {
		Result on = run(limits(true), DEEP);
		Result off = run(limits(false), DEEP);

		assertThat(on.executed()).isZero();
		assertThat(on.response().getErrors().get(0).getExtensions()).containsEntry("code", "QUERY_TOO_DEEP");
		assertThat(off.executed()).isOne();
		assertThat(off.response().getExtensions()).containsKey("cost");
		assertThat(off.response().getResponseHeaders().containsHeader("X-RateLimit-Limit")).isFalse();
	}

	@Test
	void variablesAreMeasuredByTheirNestingAndTheirLongestList() {
		// The variables object is level 1.
		assertThat(RequestLimits.Variables.measure(Map.of("a", Map.of("b", List.of(1))), 3, 10)).isNull();
		assertThat(RequestLimits.Variables.measure(Map.of("a", Map.of("b", List.of(List.of()))), 3, 10))
			.isEqualTo(new RequestLimits.Variables(RequestLimits.Variables.Exceeded.DEPTH, 4));
		assertThat(RequestLimits.Variables.measure(Map.of("a", List.of(Collections.nCopies(11, "x"))), 3, 10))
			.isEqualTo(new RequestLimits.Variables(RequestLimits.Variables.Exceeded.LIST_SIZE, 11));
		assertThat(RequestLimits.Variables.measure(Map.of("a", Collections.nCopies(10, "x")), 3, 10)).isNull();
		Map<String, Object> nullValue = new HashMap<>();
		nullValue.put("a", null);
		assertThat(RequestLimits.Variables.measure(nullValue, 1, 1)).isNull();
	}

	@Test
	void variablesPassingALimitAreRefusedBeforeTheDocumentIsParsed() {
		Result deep = run(limits(true), "{ item { id } }", Map.of("a", nested(16)));
		Result offLimits = run(limits(false), "{ item { id } }", Map.of("a", nested(16)));

		assertThat(deep.executed()).isZero();
		assertThat(deep.response().getErrors().get(0).getExtensions()).containsEntry("code", "VARIABLES_TOO_DEEP")
			.containsEntry("limit", 16L);
		assertThat(offLimits.executed()).isOne();
	}

	private static Object nested(int lists) {
		Object value = 1;
		for (int i = 0; i < lists; i++) {
			value = List.of(value);
		}
		return value;
	}

	private static long cost(String query, Map<String, Object> variables) {
		QueryCost.Measure measure = new QueryCost(SCHEMA, limits(true)).measure(Parser.parse(query), null, variables);
		assertThat(measure).isNotNull();
		assertThat(measure.exceeded()).isNull();
		return measure.cost();
	}

	private static ApiLimits limits(boolean enabled) {
		return new ApiLimits(enabled, DataSize.ofKilobytes(32), 12, 30, 5000, 10, 10, Duration.ofSeconds(10),
				DataSize.ofMegabytes(25), DataSize.ofKilobytes(256), 100_000, 16, 10_000,
				new ApiLimits.Rate(true, Duration.ofMinutes(1), 50_000, 300_000, 300_000, "ydan-console", 1000));
	}

	private static Result run(ApiLimits limits, String query) {
		return run(limits, query, Map.of());
	}

	private static Result run(ApiLimits limits, String query, Map<String, Object> variables) {
		GraphQlSource source = mock(GraphQlSource.class);
		when(source.schema()).thenReturn(SCHEMA);
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("source", source));
		ApiLimits.Rate rate = limits.enabled() ? limits.rate()
				: new ApiLimits.Rate(false, limits.rate().window(), 0, 0, 0, "ydan-console", 1);
		RequestLimits gate = new RequestLimits(limits, new RateBudgets(rate, InstantSource.system()), new Documents(10),
				beans.getBeanProvider(GraphQlSource.class), true, new RequestTimeout(limits.timeout()));
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://127.0.0.1/graphql"), new HttpHeaders(),
				null, new InetSocketAddress("127.0.0.1", 40000), Map.of(),
				Map.of("query", query, "variables", variables), "1", Locale.ROOT);
		AtomicInteger executed = new AtomicInteger();
		Chain chain = (next) -> {
			executed.incrementAndGet();
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(next.toExecutionInput(),
					ExecutionResult.newExecutionResult().data(Map.of()).build())));
		};
		WebGraphQlResponse response = gate.intercept(request, chain).block();
		return new Result(executed.get(), response);
	}

	private record Result(int executed, WebGraphQlResponse response) {
	}

}

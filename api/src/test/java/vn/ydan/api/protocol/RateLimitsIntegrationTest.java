package vn.ydan.api.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.protocol.ProtocolHttp.Answer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budgets per client and window, the timeout and introspection turned off, on an API
 * of its own with small budgets (anonymous 100 points an hour, partner 300, console 200),
 * a timeout of 2 s (generous: the first requests of a cold JVM on a busy machine are
 * slow) and a clock the tests move. Each test charges callers no other test uses, except
 * the one anonymous address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RateLimitsIntegrationTest.Fixtures.class)
class RateLimitsIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	/** units 1 + edges (1 + 9 × (node 1 + code 1)) = 20 points. */
	private static final String TWENTY_POINTS = "{ units(first: 9) { edges { node { code } } } }";

	@LocalServerPort
	private int port;

	@Autowired
	private MovableClock clock;

	@Autowired
	private SlowUnits slowUnits;

	private ProtocolHttp http;

	@DynamicPropertySource
	static void smallBudgets(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.enabled", () -> "false");
		properties.add("ydan.api.limits.rate.window", () -> "1h");
		properties.add("ydan.api.limits.rate.anonymous", () -> "100");
		properties.add("ydan.api.limits.rate.partner", () -> "300");
		properties.add("ydan.api.limits.rate.console", () -> "200");
		properties.add("ydan.api.limits.export-cost", () -> "40");
		properties.add("ydan.api.limits.timeout", () -> "2s");
		properties.add("ydan.api.introspection-enabled", () -> "false");
	}

	@BeforeEach
	void http() {
		this.http = new ProtocolHttp(this.port);
	}

	@Test
	void anAnonymousAddressOverItsBudgetGets429WithRetryAfterAndNothingRuns() {
		Answer last = null;
		for (int i = 0; i < 6; i++) {
			last = this.http.graphql(TWENTY_POINTS);
			if (last.status() != 200) {
				break;
			}
			assertThat(last.cost()).as(last.toString()).isEqualTo(20);
		}

		assertThat(last.status()).as(last.toString()).isEqualTo(429);
		assertThat(last.code()).isEqualTo("RATE_LIMITED");
		assertThat(last.<Object>read("$.data")).isNull();
		assertThat(last.<String>read("$.errors[0].message")).contains("hạn mức").contains("Rate limit");
		assertThat(last.<Number>read("$.extensions.cost.remaining").longValue()).isLessThan(20);
		assertThat(last.<Number>read("$.extensions.cost.limit").longValue()).isEqualTo(100);
		assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(last.header("X-RateLimit-Remaining"))
			.isEqualTo(String.valueOf(last.<Number>read("$.extensions.cost.remaining")));
	}

	@Test
	void eachPartnerApplicationHasItsOwnBudget() {
		String news = partner("news-app");
		String maps = partner("maps-app");

		Answer first = this.http.graphql(TWENTY_POINTS, null, news);
		for (int i = 0; i < 15; i++) {
			this.http.graphql(TWENTY_POINTS, null, news);
		}
		Answer spent = this.http.graphql(TWENTY_POINTS, null, news);
		Answer other = this.http.graphql(TWENTY_POINTS, null, maps);

		assertThat(first.<String>read("$.extensions.cost.client")).as(first.toString()).isEqualTo("partner");
		assertThat(first.<Number>read("$.extensions.cost.remaining").longValue()).isEqualTo(280);
		assertThat(spent.status()).as(spent.toString()).isEqualTo(429);
		assertThat(other.status()).as(other.toString()).isEqualTo(200);
		assertThat(other.<Number>read("$.extensions.cost.remaining").longValue()).isEqualTo(280);
	}

	@Test
	void eachConsoleUserHasTheirOwnBudget() {
		String binh = consoleUser("canbo-subject", "canbo");
		String cuong = consoleUser("thuky-subject", "thuky");

		for (int i = 0; i < 10; i++) {
			this.http.graphql(TWENTY_POINTS, null, binh);
		}
		Answer spent = this.http.graphql(TWENTY_POINTS, null, binh);
		Answer other = this.http.graphql(TWENTY_POINTS, null, cuong);

		assertThat(spent.status()).as(spent.toString()).isEqualTo(429);
		assertThat(spent.<String>read("$.extensions.cost.client")).isEqualTo("console");
		assertThat(other.status()).as(other.toString()).isEqualTo(200);
		assertThat(other.<Number>read("$.extensions.cost.remaining").longValue()).isEqualTo(180);
	}

	@Test
	void aRequestCostingMoreThanWhatIsLeftIsRefusedAndTakesNothing() {
		String token = partner("big-app");
		for (int i = 0; i < 14; i++) {
			this.http.graphql(TWENTY_POINTS, null, token);
		}
		// 20 left: a page of 29 edges (60 points) does not fit, a smaller one still does.
		Answer big = this.http.graphql("{ units(first: 29) { edges { node { code } } } }", null, token);
		Answer small = this.http.graphql(TWENTY_POINTS, null, token);

		assertThat(big.status()).as(big.toString()).isEqualTo(429);
		assertThat(big.<Number>read("$.extensions.cost.remaining").longValue()).isEqualTo(20);
		assertThat(small.status()).as(small.toString()).isEqualTo(200);
		assertThat(small.<Number>read("$.extensions.cost.remaining").longValue()).isZero();
	}

	@Test
	void downloadsTakeFromTheSameBudgetAsQueriesAndAreRefusedOverIt() {
		String token = partner("download-app");
		String csv = "/exports/consultations/00000000-0000-0000-0000-000000000000/results.csv";
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get(csv, token).status()).isNotEqualTo(429);
		}
		// 300 - 5 × 40 = 100 left: a query of 20 fits, then two more downloads, not a
		// third.
		assertThat(
				this.http.graphql(TWENTY_POINTS, null, token).<Number>read("$.extensions.cost.remaining").longValue())
			.isEqualTo(80);
		this.http.get(csv, token);
		this.http.get(csv, token);
		Answer refused = this.http.get(csv, token);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.body()).contains("hạn mức").contains("Rate limit");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
	}

	@Test
	void theBudgetIsFullAgainInTheNextWindow() {
		String token = partner("patient-app");
		for (int i = 0; i < 15; i++) {
			this.http.graphql(TWENTY_POINTS, null, token);
		}
		Answer spent = this.http.graphql(TWENTY_POINTS, null, token);
		Instant resetAt = Instant.parse(spent.read("$.extensions.cost.resetAt"));

		this.clock.moveTo(resetAt);
		Answer next = this.http.graphql(TWENTY_POINTS, null, token);

		assertThat(spent.status()).as(spent.toString()).isEqualTo(429);
		assertThat(next.status()).as(next.toString()).isEqualTo(200);
		assertThat(next.<Number>read("$.extensions.cost.remaining").longValue()).isEqualTo(280);
		assertThat(Instant.parse(next.read("$.extensions.cost.resetAt"))).isEqualTo(resetAt.plus(Duration.ofHours(1)));
	}

	@Test
	void aRequestRunningPastTheTimeoutIsStoppedWithTimeout() {
		this.slowUnits.calls.set(0);

		Answer answer = this.http.graphql("""
				query Slow {
				  a: units(first: 1) { totalCount }
				  b: units(first: 1) { totalCount }
				  c: units(first: 1) { totalCount } }""", null, partner("slow-app"));

		assertThat(answer.<String>read("$.errors[0].extensions.code")).as(answer.toString()).isEqualTo("TIMEOUT");
		assertThat(answer.<String>read("$.errors[0].message")).contains("2000 ms");
		assertThat(this.slowUnits.calls.get()).as("slow fields started").isEqualTo(1);
	}

	@Test
	void introspectionTurnedOffIsRefusedWithIntrospectionDisabled() {
		String token = partner("tools-app");

		Answer schema = this.http.graphql("{ __schema { types { name } } }", null, token);
		Answer type = this.http.graphql("{ __type(name: \"Unit\") { name } }", null, token);
		Answer typename = this.http.graphql("{ __typename }", null, token);

		assertThat(schema.status()).as(schema.toString()).isEqualTo(400);
		assertThat(schema.code()).isEqualTo("INTROSPECTION_DISABLED");
		assertThat(schema.<Object>read("$.data")).isNull();
		assertThat(schema.<String>read("$.errors[0].message")).contains("docs/api/schema.graphql");
		assertThat(type.code()).as(type.toString()).isEqualTo("INTROSPECTION_DISABLED");
		assertThat(typename.<String>read("$.data.__typename")).as(typename.toString()).isEqualTo("Query");
	}

	private static String partner(String clientId) {
		return issuer.token((claims) -> claims.claim("azp", clientId)
			.claim("preferred_username", "service-account-" + clientId)
			.claim("realm_access", Map.of("roles", java.util.List.of("partner"))));
	}

	private static String consoleUser(String subject, String username) {
		return issuer.token((claims) -> claims.subject(subject).claim("preferred_username", username));
	}

	/** A clock that stands still until a test moves it. */
	static final class MovableClock implements InstantSource {

		private volatile Instant now = Instant.now();

		@Override
		public Instant instant() {
			return this.now;
		}

		void moveTo(Instant instant) {
			this.now = instant;
		}

	}

	/** Makes {@code units} take 3 s in operations named {@code Slow}. */
	static final class SlowUnits extends SimplePerformantInstrumentation {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			if (!parameters.getField().getName().equals("units")
					|| !"Slow".equals(parameters.getExecutionContext().getOperationDefinition().getName())) {
				return fetcher;
			}
			return (environment) -> {
				this.calls.incrementAndGet();
				Thread.sleep(3000);
				return fetcher.get(environment);
			};
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		MovableClock movableClock() {
			return new MovableClock();
		}

		@Bean
		SlowUnits slowUnits() {
			return new SlowUnits();
		}

	}

}

package vn.ydan.api.units;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

/**
 * Whether a caller is anonymous is the security context's to say, not the headers': a
 * graphql-ws connection is signed in by its connection payload, without an Authorization
 * header on any request.
 */
class RegistryResponseCacheSignedInUnitTest {

	private static final String QUERY = "{ units(first: 2) { totalCount } }";

	private final AtomicInteger executions = new AtomicInteger();

	private final WebGraphQlInterceptor.Chain chain = (request) -> {
		this.executions.incrementAndGet();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult()
					.data(Map.of("units", Map.of("totalCount", this.executions.get())))
					.build())));
	};

	private final RegistryResponseCache cache = new RegistryResponseCache(
			mock(RegistryReadModel.class, RETURNS_DEEP_STUBS), true, Clock.systemUTC());

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCallerSignedInWithoutAnAuthorizationHeaderIsNeitherServedFromTheCacheNorCached() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("canbo", null, "ROLE_official"));
		ask();
		ask();
		assertThat(this.executions).hasValue(2);

		SecurityContextHolder.clearContext();
		ask();
		assertThat(this.executions).as("the signed-in answer was not kept for the public").hasValue(3);
		ask();
		assertThat(this.executions).as("anonymous answers are still cached").hasValue(3);
	}

	private void ask() {
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", QUERY), "1", Locale.ROOT);
		this.cache.intercept(request, this.chain).block();
	}

}

package vn.ydan.api.consultations;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;

import vn.ydan.api.units.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Whether a caller is anonymous is the security context's to say, not the headers': a
 * graphql-ws connection is signed in by its connection payload, without an Authorization
 * header on any request.
 */
class PublishedConsultationResponseCacheSignedInUnitTest {

	private static final String QUERY = "query($id: ID!) { consultation(id: $id) { title } }";

	private final AtomicInteger executions = new AtomicInteger();

	private final WebGraphQlInterceptor.Chain chain = (request) -> {
		this.executions.incrementAndGet();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult()
					.data(Map.of("consultation", Map.of("title", "Lấy ý kiến " + this.executions.get())))
					.build())));
	};

	private final PublishedConsultationResponseCache cache;

	PublishedConsultationResponseCacheSignedInUnitTest() {
		Consultation published = mock(Consultation.class);
		when(published.status()).thenReturn(ConsultationStatus.PUBLISHED);
		Consultations consultations = mock(Consultations.class);
		when(consultations.findById("c1")).thenReturn(published);
		this.cache = new PublishedConsultationResponseCache(consultations, mock(UnitRegistry.class),
				JsonMapper.builder().build());
	}

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
				new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", QUERY, "variables", Map.of("id", "c1")),
				"1", Locale.ROOT);
		this.cache.intercept(request, this.chain).block();
	}

}

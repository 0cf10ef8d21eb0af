package vn.ydan.admin.api;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.support.CachingDocumentSource;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import vn.ydan.admin.security.AccessTokens;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	@Bean
	HttpSyncGraphQlClient apiGraphQlClient(RestClient.Builder restClients, ApiProperties api, AccessTokens tokens) {
		RestClient http = restClients
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.defaults().withTimeouts(api.connectTimeout(), api.readTimeout())))
			.requestInterceptor((request, body, execution) -> {
				// A client made with ApiClient.forBackground already carries the token
				// (it runs where there is no session to take it from).
				if (request.getHeaders().containsHeader(ApiClient.ANONYMOUS)) {
					// A public page's call (ApiClient.anonymous): no token.
					request.getHeaders().remove(ApiClient.ANONYMOUS);
				}
				else if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
					request.getHeaders().setBearerAuth(tokens.current());
				}
				return execution.execute(request, body);
			})
			.build();
		return HttpSyncGraphQlClient.builder(http).url(api.url()).documentSource(documents()).build();
	}

	/**
	 * The documents of {@code graphql-documents/} with their fragments, for HTTP and
	 * WebSocket alike.
	 */
	static DocumentSource documents() {
		return new CachingDocumentSource(
				new FragmentDocuments(new ResourceDocumentSource(new ClassPathResource("graphql-documents/"))));
	}

}

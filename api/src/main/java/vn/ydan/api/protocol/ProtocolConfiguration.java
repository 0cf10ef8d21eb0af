package vn.ydan.api.protocol;

import java.time.InstantSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/**
 * The limits (the body's at the HTTP edge, the document's before it runs), the budgets,
 * the timeout, the document cache and the HTTP statuses. Introspection is on unless
 * {@code ydan.api.introspection-enabled=false}: the schema is public
 * ({@code docs/api/schema.graphql}) and graphql-java bounds introspection queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiLimits.class)
class ProtocolConfiguration {

	@Bean
	Documents documents(@Value("${ydan.api.document-cache-size:1000}") int capacity) {
		return new Documents(capacity);
	}

	/**
	 * Windows follow the system clock, unless an {@link InstantSource} bean says
	 * otherwise.
	 */
	@Bean
	RateBudgets rateBudgets(ApiLimits limits, ObjectProvider<InstantSource> clock) {
		ApiLimits.Rate rate = limits.rate();
		if (!limits.enabled()) {
			rate = new ApiLimits.Rate(false, rate.window(), rate.anonymous(), rate.partner(), rate.console(),
					rate.consoleClientId(), rate.maxClients());
		}
		return new RateBudgets(rate, clock.getIfAvailable(InstantSource::system));
	}

	@Bean
	RequestLimits requestLimits(ApiLimits limits, RateBudgets budgets, Documents documents,
			ObjectProvider<GraphQlSource> source,
			@Value("${ydan.api.introspection-enabled:true}") boolean introspectionEnabled, RequestTimeout timeout) {
		return new RequestLimits(limits, budgets, documents, source, introspectionEnabled, timeout);
	}

	@Bean
	WebMvcConfigurer exportBudget(ApiLimits limits, RateBudgets budgets,
			@Value("${ydan.api.limits.export-cost:1000}") long exportCost) {
		ExportBudget interceptor = new ExportBudget(budgets, limits.rate().consoleClientId(), exportCost);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor).addPathPatterns("/exports/**");
			}

		};
	}

	@Bean
	RequestTimeout requestTimeout(ApiLimits limits) {
		return new RequestTimeout(limits.timeout());
	}

	@Bean
	GraphQlSourceBuilderCustomizer reuseParsedDocuments(Documents documents) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

	/**
	 * Right after security, which answers an invalid token with 401 without reading the
	 * body, so that the limit can tell signed-in callers from anonymous ones.
	 */
	@Bean
	FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ApiLimits limits) {
		FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
				new RequestBodyLimit(limits));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/** Around security, which lets an unreachable Keycloak through as an exception. */
	@Bean
	FilterRegistrationBean<IdentityProviderDown> identityProviderDown() {
		FilterRegistrationBean<IdentityProviderDown> registration = new FilterRegistrationBean<>(
				new IdentityProviderDown());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Replaces Boot's handler (same behaviour, plus 429; responses written without
	 * databind's per-value lookups).
	 */
	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json) {
		return new HttpStatuses(handler, json);
	}

}

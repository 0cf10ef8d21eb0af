package vn.ydan.api.audit;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the request's id and caller into the GraphQL context, where {@link MutationAudit}
 * finds them whatever thread a data fetcher runs on.
 */
@Component
class AuditRequestContext implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String id = (request.getAttributes().get(RequestIds.ATTRIBUTE) instanceof String given) ? given
				: RequestIds.accepted(request.getHeaders().getFirst(RequestIds.HEADER));
		AuditRequest audit = new AuditRequest(id, SecurityContextHolder.getContext().getAuthentication());
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(AuditRequest.KEY, audit);
			return input;
		});
		return chain.next(request);
	}

}

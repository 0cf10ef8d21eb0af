package vn.ydan.api.audit;

import java.util.UUID;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The request an entry belongs to: its id and the caller, taken on the request's own
 * thread (by {@link AuditRequestContext}) and carried in the GraphQL context.
 *
 * @param requestId the HTTP request's id
 * @param authentication the caller
 */
record AuditRequest(String requestId, @Nullable Authentication authentication) {

	static final String KEY = AuditRequest.class.getName();

	/** From the GraphQL context, else from the current thread (reads outside GraphQL). */
	static AuditRequest of(@Nullable GraphQLContext context) {
		if (context != null && context.get(KEY) instanceof AuditRequest request) {
			return request;
		}
		return current();
	}

	static AuditRequest current() {
		return new AuditRequest(currentRequestId(), SecurityContextHolder.getContext().getAuthentication());
	}

	private static String currentRequestId() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null && attributes.getAttribute(RequestIds.ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST) instanceof String id) {
			return id;
		}
		return UUID.randomUUID().toString();
	}

}

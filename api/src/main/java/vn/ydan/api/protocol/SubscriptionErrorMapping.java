package vn.ydan.api.protocol;

import graphql.GraphQLError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@link ErrorMapping} for subscriptions: Spring for GraphQL hands what a subscription
 * method throws (or its stream signals) to subscription resolvers, not to data fetcher
 * ones, and without one the client gets an untyped "Subscription error". Same codes, same
 * messages; the caller is the one the WebSocket connection authenticated
 * ({@code access.WebSocketAuthentication}).
 */
@Component
class SubscriptionErrorMapping extends SubscriptionExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorMapping.class);

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	SubscriptionErrorMapping() {
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		return switch (ex) {
			case AuthenticationException unused -> error(ErrorCode.UNAUTHORIZED, "Sign in to do this.");
			case AccessDeniedException unused when signedIn() -> error(ErrorCode.FORBIDDEN, "You may not do this.");
			case AccessDeniedException unused -> error(ErrorCode.UNAUTHORIZED, "Sign in to do this.");
			case NotFoundException notFound -> error(ErrorCode.NOT_FOUND, notFound.getMessage());
			case BadRequestException badRequest -> error(ErrorCode.BAD_REQUEST, badRequest.getMessage());
			default -> {
				String reference = java.util.UUID.randomUUID().toString();
				log.error("Internal error in a subscription (reference {})", reference, ex);
				yield error(ErrorCode.INTERNAL, "Internal error (reference " + reference + ").");
			}
		};
	}

	private boolean signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && this.trustResolver.isAuthenticated(authentication);
	}

	private static GraphQLError error(ErrorCode code, String message) {
		return code.error(message);
	}

}

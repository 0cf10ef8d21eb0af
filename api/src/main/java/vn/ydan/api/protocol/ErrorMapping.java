package vn.ydan.api.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns every exception a data fetcher throws into a typed error. It answers for all
 * exceptions (ordered before Spring's own resolvers) so that nothing unexpected reaches
 * the caller: internal failures are logged with a reference and reported without their
 * message. Features signal expected failures by throwing {@link NotFoundException} or
 * {@link BadRequestException}, not with {@code @GraphQlExceptionHandler} methods, which
 * would run after this resolver and never be reached.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorMapping extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	ErrorMapping() {
		// The security context lives in a ThreadLocal of the request thread.
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		return switch (ex) {
			case AuthenticationException unused -> error(env, ErrorCode.UNAUTHORIZED, "Sign in to do this.");
			case AccessDeniedException unused when signedIn() ->
				error(env, ErrorCode.FORBIDDEN, "You may not do this.");
			case AccessDeniedException unused -> error(env, ErrorCode.UNAUTHORIZED, "Sign in to do this.");
			case NotFoundException notFound -> error(env, ErrorCode.NOT_FOUND, notFound.getMessage());
			case TooManyItemsException tooMany -> tooMany(env, tooMany);
			case BadRequestException badRequest -> error(env, ErrorCode.BAD_REQUEST, badRequest.getMessage());
			case KeycloakUnavailableException unavailable -> keycloakUnavailable(unavailable, env);
			case ConstraintViolationException invalid -> error(env, ErrorCode.BAD_REQUEST, invalid.getMessage());
			default -> internal(ex, env);
		};
	}

	private boolean signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && this.trustResolver.isAuthenticated(authentication);
	}

	private GraphQLError keycloakUnavailable(KeycloakUnavailableException ex, DataFetchingEnvironment env) {
		log.warn("Keycloak unavailable in {}: {}", env.getExecutionStepInfo().getPath(), ex.getMessage(),
				ex.getCause());
		return error(env, ErrorCode.KEYCLOAK_UNAVAILABLE, ex.getMessage());
	}

	private GraphQLError internal(Throwable ex, DataFetchingEnvironment env) {
		String reference = env.getExecutionId().toString();
		log.error("Internal error in {} (reference {})", env.getExecutionStepInfo().getPath(), reference, ex);
		return error(env, ErrorCode.INTERNAL, "Internal error (reference " + reference + ").");
	}

	private static GraphQLError tooMany(DataFetchingEnvironment env, TooManyItemsException ex) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put(ErrorCode.EXTENSION, ErrorCode.TOO_MANY_ITEMS.name());
		extensions.put("limit", ex.limit());
		extensions.put("actual", ex.actual());
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorCode.TOO_MANY_ITEMS.classification())
			.message(ex.getMessage())
			.extensions(extensions)
			.build();
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, @Nullable String message) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put(ErrorCode.EXTENSION, code.name());
		return GraphqlErrorBuilder.newError(env)
			.errorType(code.classification())
			.message((message != null) ? message : code.name())
			.extensions(extensions)
			.build();
	}

}

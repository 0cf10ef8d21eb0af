package vn.ydan.api.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives {@code extensions.code} to the errors that never reach a data fetcher (syntax and
 * validation errors, unsupported operations), so that clients can rely on the code being
 * present on every error.
 */
@Component
class RequestErrorCodes implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(RequestErrorCodes::withCodes);
	}

	private static WebGraphQlResponse withCodes(WebGraphQlResponse response) {
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		if (errors.stream().allMatch(RequestErrorCodes::hasCode)) {
			return response;
		}
		List<GraphQLError> coded = errors.stream().map(RequestErrorCodes::withCode).toList();
		return response.transform((builder) -> builder.errors(coded));
	}

	private static boolean hasCode(GraphQLError error) {
		return error.getExtensions() != null && error.getExtensions().containsKey(ErrorCode.EXTENSION);
	}

	private static GraphQLError withCode(GraphQLError error) {
		if (hasCode(error)) {
			return error;
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put(ErrorCode.EXTENSION, codeFor(error.getErrorType()).name());
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.errorType(error.getErrorType())
			.extensions(extensions);
		if (error.getPath() != null) {
			builder.path(error.getPath());
		}
		return builder.build();
	}

	private static ErrorCode codeFor(ErrorClassification classification) {
		if (classification instanceof graphql.ErrorType type) {
			return switch (type) {
				case InvalidSyntax, ValidationError, OperationNotSupported -> ErrorCode.BAD_REQUEST;
				default -> ErrorCode.INTERNAL;
			};
		}
		if (classification instanceof ErrorType type) {
			return switch (type) {
				case BAD_REQUEST -> ErrorCode.BAD_REQUEST;
				case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
				case FORBIDDEN -> ErrorCode.FORBIDDEN;
				case NOT_FOUND -> ErrorCode.NOT_FOUND;
				case INTERNAL_ERROR -> ErrorCode.INTERNAL;
			};
		}
		return ErrorCode.INTERNAL;
	}

}

package vn.ydan.api.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code} of every GraphQL error the API returns. Clients branch on
 * it; {@code extensions.classification} (Spring for GraphQL's) is kept beside it. The one
 * list: the error mappings, the request limits and the features all report from it.
 */
public enum ErrorCode {

	UNAUTHORIZED(ErrorType.UNAUTHORIZED),

	FORBIDDEN(ErrorType.FORBIDDEN),

	BAD_REQUEST(ErrorType.BAD_REQUEST),

	NOT_FOUND(ErrorType.NOT_FOUND),

	/** Keycloak did not answer a change of users, roles or partner apps. */
	KEYCLOAK_UNAVAILABLE(ErrorType.INTERNAL_ERROR),

	INTERNAL(ErrorType.INTERNAL_ERROR),

	/** The document nests fields deeper than allowed. */
	QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),

	/** The document's estimated cost is above the limit per request. */
	QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST),

	/** The document has more aliases than allowed. */
	TOO_MANY_ALIASES(ErrorType.BAD_REQUEST),

	/** The document is longer than allowed, or beyond the parser's limits. */
	DOCUMENT_TOO_LARGE(ErrorType.BAD_REQUEST),

	/**
	 * The request's body is larger than accepted from this caller (HTTP 413, refused
	 * before it is read).
	 */
	REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST),

	/** The variables nest lists and objects deeper than allowed. */
	VARIABLES_TOO_DEEP(ErrorType.BAD_REQUEST),

	/** A list in the variables has more elements than allowed. */
	VARIABLES_TOO_LARGE(ErrorType.BAD_REQUEST),

	/** Introspection ({@code __schema}, {@code __type}) is turned off. */
	INTROSPECTION_DISABLED(ErrorType.BAD_REQUEST),

	/** The caller's budget for the current window is spent (HTTP 429). */
	RATE_LIMITED(ErrorType.BAD_REQUEST),

	/**
	 * A bulk operation was given more items than one call takes (e.g. more than 1,000
	 * codes to {@code unitsAsOf}); {@code extensions.limit} and {@code actual} say how
	 * many. Split the list over several calls.
	 */
	TOO_MANY_ITEMS(ErrorType.BAD_REQUEST),

	/** The request ran longer than allowed and was stopped. */
	TIMEOUT(ErrorType.INTERNAL_ERROR);

	/** The key of the code in a GraphQL error's {@code extensions}. */
	public static final String EXTENSION = "code";

	private final ErrorClassification classification;

	ErrorCode(ErrorClassification classification) {
		this.classification = classification;
	}

	public ErrorClassification classification() {
		return this.classification;
	}

	/** An error of this code, with no path (a request refused or stopped as a whole). */
	public GraphQLError error(String message) {
		return error(message, null, null);
	}

	/**
	 * An error of this code, with no path, reporting the limit passed and the value that
	 * passed it ({@code extensions.limit}, {@code extensions.actual}) when given.
	 */
	public GraphQLError error(String message, @Nullable Long limit, @Nullable Long actual) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put(EXTENSION, name());
		if (limit != null) {
			extensions.put("limit", limit);
		}
		if (actual != null) {
			extensions.put("actual", actual);
		}
		return GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(this.classification)
			.extensions(extensions)
			.build();
	}

}

package vn.ydan.api.access;

import graphql.ErrorClassification;

import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code extensions.code} of every GraphQL error the API returns. Clients branch on
 * it; {@code extensions.classification} (Spring for GraphQL's) is kept beside it.
 */
enum ErrorCode {

	UNAUTHORIZED(ErrorType.UNAUTHORIZED),

	FORBIDDEN(ErrorType.FORBIDDEN),

	BAD_REQUEST(ErrorType.BAD_REQUEST),

	NOT_FOUND(ErrorType.NOT_FOUND),

	INTERNAL(ErrorType.INTERNAL_ERROR);

	static final String EXTENSION = "code";

	private final ErrorClassification classification;

	ErrorCode(ErrorClassification classification) {
		this.classification = classification;
	}

	ErrorClassification classification() {
		return this.classification;
	}

}

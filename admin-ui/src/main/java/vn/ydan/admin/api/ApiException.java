package vn.ydan.admin.api;

/**
 * A call to the api that did not give an answer. Each kind says what went wrong in words
 * a user understands ({@link #messageKey()}); the technical details stay in the log.
 */
public abstract sealed class ApiException extends RuntimeException permits ApiUnavailableException,
		ApiForbiddenException, SignInRequiredException, SignInServerUnavailableException, ApiFailedException {

	ApiException(String message, Throwable cause) {
		super(message, cause);
	}

	ApiException(String message) {
		super(message);
	}

	/** The translation key of the message to show. */
	public abstract String messageKey();

}

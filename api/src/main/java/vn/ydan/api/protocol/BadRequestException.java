package vn.ydan.api.protocol;

/**
 * Thrown by any feature when the caller's input is unacceptable; becomes a GraphQL error
 * with {@code extensions.code = BAD_REQUEST}. The message is shown to the caller.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}

package vn.ydan.api.protocol;

/**
 * Thrown by any feature when the thing asked for does not exist (or the caller may not
 * know that it does); becomes a GraphQL error with {@code extensions.code = NOT_FOUND}.
 * The message is shown to the caller.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}

package vn.ydan.admin.api;

/**
 * There is no valid token for the user any more (the Keycloak session ended, the refresh
 * token was rejected, or the api said {@code UNAUTHORIZED}): signing in again is the way
 * out.
 */
public final class SignInRequiredException extends ApiException {

	SignInRequiredException(String message, Throwable cause) {
		super(message, cause);
	}

	SignInRequiredException(String message) {
		super(message);
	}

	@Override
	public String messageKey() {
		return "error.api.sign-in-required";
	}

}

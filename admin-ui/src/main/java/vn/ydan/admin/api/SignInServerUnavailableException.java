package vn.ydan.admin.api;

/** The access token had expired and Keycloak, which would renew it, did not answer. */
public final class SignInServerUnavailableException extends ApiException {

	SignInServerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public String messageKey() {
		return "error.api.sign-in-server-unavailable";
	}

}

package vn.ydan.admin.api;

/** The api answered, but with an error the console has no better words for. */
public final class ApiFailedException extends ApiException {

	ApiFailedException(String message, Throwable cause) {
		super(message, cause);
	}

	ApiFailedException(String message) {
		super(message);
	}

	@Override
	public String messageKey() {
		return "error.api.failed";
	}

}

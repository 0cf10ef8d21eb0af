package vn.ydan.admin.api;

/**
 * The api did not answer (down, unreachable, too slow, or a proxy in front of it said
 * so).
 */
public final class ApiUnavailableException extends ApiException {

	ApiUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public String messageKey() {
		return "error.api.unavailable";
	}

}

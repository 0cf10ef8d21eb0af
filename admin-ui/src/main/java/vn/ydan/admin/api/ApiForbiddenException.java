package vn.ydan.admin.api;

/** The api refused: the signed-in user may not see or do this ({@code FORBIDDEN}). */
public final class ApiForbiddenException extends ApiException {

	ApiForbiddenException(String message) {
		super(message);
	}

	@Override
	public String messageKey() {
		return "error.api.forbidden";
	}

}

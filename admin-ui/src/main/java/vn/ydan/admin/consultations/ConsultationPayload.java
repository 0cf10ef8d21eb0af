package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UserError;

/**
 * What a change of a consultation gave: the consultation after it, or the api's reasons.
 *
 * @param consultation the consultation; null when refused
 * @param userErrors why not
 */
public record ConsultationPayload(@Nullable ConsultationDetails consultation, @Nullable List<UserError> userErrors) {

	public List<UserError> errors() {
		return (this.userErrors != null) ? this.userErrors : List.of();
	}

}

package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UserError;

/**
 * What a tally entry gave: the tally after it, or the api's reasons (shown at the
 * fields).
 *
 * @param tally the tally; null when refused
 * @param userErrors why not
 */
public record TallyPayload(@Nullable Tally tally, @Nullable List<UserError> userErrors) {

	public List<UserError> errors() {
		return (this.userErrors != null) ? this.userErrors : List.of();
	}

}

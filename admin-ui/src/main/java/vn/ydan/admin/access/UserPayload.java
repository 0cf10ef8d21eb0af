package vn.ydan.admin.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UserError;

/**
 * The user after a change, or why nothing changed.
 *
 * @param user the user
 * @param userErrors the reasons
 */
public record UserPayload(@Nullable UserAccount user, @Nullable List<UserError> userErrors) {

	public List<UserError> errors() {
		return (this.userErrors != null) ? this.userErrors : List.of();
	}

}

package vn.ydan.api.access.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;

/**
 * Result of a change to a user.
 *
 * @param user the user after the change; null when nothing was changed
 * @param userErrors why nothing was changed
 */
record UserPayload(@Nullable UserAccount user, List<UserError> userErrors) implements WithUserErrors {

	static UserPayload of(UserAccount user) {
		return new UserPayload(user, List.of());
	}

	static UserPayload rejected(List<UserError> errors) {
		return new UserPayload(null, List.copyOf(errors));
	}

}

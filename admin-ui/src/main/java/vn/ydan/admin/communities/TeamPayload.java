package vn.ydan.admin.communities;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UserError;

/**
 * What a change of a team gave.
 *
 * @param team the team, when done
 * @param userErrors why not
 */
public record TeamPayload(@Nullable TeamRef team, @Nullable List<UserError> userErrors) {

	public List<UserError> errors() {
		return (this.userErrors != null) ? this.userErrors : List.of();
	}

	/**
	 * @param id the team's id
	 */
	public record TeamRef(String id) {
	}

}

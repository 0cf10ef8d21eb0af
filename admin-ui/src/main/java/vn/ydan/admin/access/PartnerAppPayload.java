package vn.ydan.admin.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UserError;

/**
 * A partner app after a change, with its secret when just made or rotated.
 *
 * @param app the app
 * @param secret the secret, shown once
 * @param userErrors why nothing changed
 */
public record PartnerAppPayload(@Nullable PartnerApp app, @Nullable String secret,
		@Nullable List<UserError> userErrors) {

	public List<UserError> errors() {
		return (this.userErrors != null) ? this.userErrors : List.of();
	}

}

package vn.ydan.api.access.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;

/**
 * Result of a change to a partner app.
 *
 * @param app the app after the change; null when nothing was changed
 * @param secret the client secret: only when it was just created or rotated, never again
 * @param userErrors why nothing was changed
 */
record PartnerAppPayload(@Nullable PartnerApp app, @Nullable String secret,
		List<UserError> userErrors) implements WithUserErrors {

	static PartnerAppPayload of(PartnerApp app, @Nullable String secret) {
		return new PartnerAppPayload(app, secret, List.of());
	}

	static PartnerAppPayload rejected(UserError error) {
		return new PartnerAppPayload(null, null, List.of(error));
	}

}

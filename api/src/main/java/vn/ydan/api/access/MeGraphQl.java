package vn.ydan.api.access;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

@Controller
class MeGraphQl {

	/**
	 * The caller ({@link Caller}); the name shown falls back to the username. Roles are
	 * read from the authorities, not the token: they are what {@code @PreAuthorize} sees,
	 * so a mis-mapped claim shows here instead of only as a puzzling FORBIDDEN.
	 */
	@QueryMapping
	@PreAuthorize(Roles.AUTHENTICATED)
	Me me(Authentication authentication) {
		Caller caller = Caller.of(authentication);
		String displayName = (caller.displayName() != null) ? caller.displayName() : caller.actor();
		return new Me(caller.actor(), displayName, caller.roles(), caller.clientId());
	}

}

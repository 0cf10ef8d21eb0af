package vn.ydan.api.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;

@Controller
class MeController {

	@QueryMapping
	@PreAuthorize(Roles.AUTHENTICATED)
	Me me(Authentication authentication) {
		List<String> roles = roles(authentication);
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return new Me(authentication.getName(), authentication.getName(), roles, null);
		}
		var jwt = token.getToken();
		// The name is preferred_username (principal-claim-name); a token without one
		// still has a
		// subject.
		String username = orElse(authentication.getName(), jwt.getSubject());
		String displayName = orElse(
				vietnameseOrder(jwt.getClaimAsString("family_name"), jwt.getClaimAsString("given_name")),
				orElse(jwt.getClaimAsString("name"), username));
		return new Me(username, displayName, roles, jwt.getClaimAsString("azp"));
	}

	/**
	 * Read from the authorities, not the token: they are what {@code @PreAuthorize} sees,
	 * so a mis-mapped claim shows here instead of only as a puzzling FORBIDDEN.
	 */
	private static List<String> roles(Authentication authentication) {
		Set<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		return Roles.ALL.stream().filter((role) -> authorities.contains(Roles.AUTHORITY_PREFIX + role)).toList();
	}

	/**
	 * Keycloak's {@code name} claim is "given family" ("Bình Trần Thị"); Vietnamese names
	 * are written family name first ("Trần Thị Bình").
	 */
	private static @Nullable String vietnameseOrder(@Nullable String family, @Nullable String given) {
		if (family == null || family.isBlank() || given == null || given.isBlank()) {
			return null;
		}
		return family.strip() + " " + given.strip();
	}

	private static String orElse(@Nullable String value, @Nullable String fallback) {
		if (value != null && !value.isBlank()) {
			return value;
		}
		return (fallback != null) ? fallback : "";
	}

}

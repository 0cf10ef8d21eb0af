package vn.ydan.admin.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as far as the console's own chrome needs to know (the header); what
 * the api knows about the user comes from the api.
 *
 * @param username the Keycloak username
 * @param displayName the name to show, family name first as Vietnamese names are written
 * @param roles the roles of Ý Dân the user has
 */
public record SignedInUser(String username, String displayName, Set<Role> roles) {

	public static Optional<SignedInUser> of(@Nullable Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
			return Optional.empty();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith("ROLE_")) {
				Role.of(name).ifPresent(roles::add);
			}
		}
		String username = firstNonBlank(user.getPreferredUsername(), user.getSubject(), "");
		return Optional.of(new SignedInUser(username, displayName(user, username), roles));
	}

	/**
	 * Keycloak's {@code name} claim is "given family" ("Bình Trần Thị"); Vietnamese write
	 * the family name first ("Trần Thị Bình").
	 */
	static String displayName(OidcUser user, String fallback) {
		String family = user.getFamilyName();
		String given = user.getGivenName();
		if (family != null && !family.isBlank() && given != null && !given.isBlank()) {
			return family.strip() + " " + given.strip();
		}
		return firstNonBlank(user.getFullName(), given, family, fallback);
	}

	private static String firstNonBlank(@Nullable String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate.strip();
			}
		}
		return "";
	}

}

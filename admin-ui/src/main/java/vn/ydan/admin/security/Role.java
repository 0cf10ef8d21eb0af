package vn.ydan.admin.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The realm roles of Ý Dân in Keycloak. Which role may do what is decided by the api; the
 * console uses them only to choose what to show and how to name them.
 */
public enum Role {

	ADMIN, OFFICIAL, CLERK, RESIDENT, PARTNER;

	/** The role's name in Keycloak and in the api. */
	public String realmName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Spring Security's name for it, as {@code hasRole} and {@code @RolesAllowed} expect.
	 */
	public String authority() {
		return "ROLE_" + realmName();
	}

	/** The key of its human name in the translation files. */
	public String translationKey() {
		return "role." + realmName();
	}

	/**
	 * Accepts the forms Keycloak and the api may use ({@code official}, {@code OFFICIAL},
	 * {@code ROLE_official}); other realm roles (e.g. {@code offline_access}) are not
	 * ours.
	 */
	public static Optional<Role> of(String name) {
		String bare = name.startsWith("ROLE_") ? name.substring("ROLE_".length()) : name;
		for (Role role : values()) {
			if (role.realmName().equalsIgnoreCase(bare)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}

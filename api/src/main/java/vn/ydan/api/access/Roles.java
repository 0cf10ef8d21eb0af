package vn.ydan.api.access;

import java.util.List;

/**
 * The realm roles of the {@code ydan} Keycloak realm that the API acts on, and the
 * {@code @PreAuthorize} expressions built from them. Tokens map realm roles to
 * {@code ROLE_<name>} authorities (see {@code application.properties}).
 */
public final class Roles {

	public static final String ADMIN = "admin";

	public static final String OFFICIAL = "official";

	public static final String CLERK = "clerk";

	public static final String RESIDENT = "resident";

	public static final String PARTNER = "partner";

	/**
	 * In the order they are reported; Keycloak's own roles (offline_access…) are left
	 * out.
	 */
	public static final List<String> ALL = List.of(ADMIN, OFFICIAL, CLERK, RESIDENT, PARTNER);

	public static final String AUTHORITY_PREFIX = "ROLE_";

	public static final String AUTHENTICATED = "isAuthenticated()";

	public static final String IS_ADMIN = "hasRole('" + ADMIN + "')";

	private Roles() {
	}

}

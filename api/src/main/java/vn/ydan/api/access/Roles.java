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

	/**
	 * Who may change a unit's data or add units below it: admins, and officials whose
	 * scope covers the unit ({@link UnitScope}). The method must have a parameter named
	 * {@code unitId} (the unit's internal id).
	 */
	public static final String MAY_EDIT_UNIT = IS_ADMIN + " or (hasRole('" + OFFICIAL
			+ "') and @unitScope.covers(authentication, #unitId))";

	/**
	 * Who may act for a commune-level unit (enter tallies, record residential groups):
	 * admins; officials whose scope covers it hierarchically ({@link UnitScope#covers});
	 * clerks only on the communes assigned to them, and their residential groups
	 * ({@link UnitScope#assigned}). The method must have a parameter named {@code unitId}
	 * (the internal id of the commune or of one of its residential groups).
	 */
	public static final String MAY_ACT_FOR_COMMUNE = IS_ADMIN + " or (hasRole('" + OFFICIAL
			+ "') and @unitScope.covers(authentication, #unitId)) or (hasRole('" + CLERK
			+ "') and @unitScope.assigned(authentication, #unitId))";

	/**
	 * Who may submit a household's answer: a resident, through an app granted resident
	 * answers or the console ({@link HouseholdScope#appMayAnswer}); the household is the
	 * one the token binds them to, which the consultations module reads
	 * ({@link Caller#household}). Not an app without the grant (decisions 13 and 20).
	 */
	public static final String MAY_ANSWER_FOR_HOUSEHOLD = "hasRole('" + RESIDENT
			+ "') and @householdScope.appMayAnswer(authentication)";

	/**
	 * Who may draft and move plans: admins and officials; the plan's scope is checked by
	 * the plans module against {@link UnitScope}.
	 */
	public static final String IS_PLANNER = "hasAnyRole('" + ADMIN + "', '" + OFFICIAL + "')";

	/** Residents answering for their household. */
	public static final String IS_RESIDENT = "hasRole('" + RESIDENT + "')";

	/**
	 * Who may enter paper tallies: admins, officials and clerks; the commune is checked
	 * against their scope by the consultations module.
	 */
	public static final String IS_TALLIER = "hasAnyRole('" + ADMIN + "', '" + OFFICIAL + "', '" + CLERK + "')";

	private Roles() {
	}

}

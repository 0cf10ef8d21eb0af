package vn.ydan.api.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by the units feature so that {@link UnitScope} can check a scope, and the
 * user administration can name the units of a scope, without this module depending on it.
 * Every method answers from memory (the registry's read model), as of today.
 */
public interface UnitHierarchy {

	/**
	 * Every identifier by which a scope may name the unit or a unit above it today:
	 * internal id, global id and code of each, nearest first. Empty for an unknown unit.
	 */
	List<String> identifiersUpward(String unitId);

	/**
	 * The identifiers (internal id, global id, code) of the commune-level unit that
	 * {@code unitId} is or lies in: the commune itself, or the commune of a residential
	 * group. Empty for a province, a district or an unknown unit: a clerk's scope never
	 * reaches above a commune.
	 */
	List<String> identifiersOfCommune(String unitId);

	/**
	 * The unit a scope entry names (internal id, global id, or a code held today), or
	 * null when none does.
	 */
	@Nullable ScopeUnit resolve(String identifier);

	/**
	 * A unit named in a scope.
	 *
	 * @param id internal id (what scopes store: ids outlive codes)
	 * @param globalId the GraphQL global id
	 * @param code statistical code today, if any
	 * @param level {@code PROVINCE}, {@code DISTRICT}, {@code COMMUNE} or
	 * {@code RESIDENTIAL_GROUP}
	 * @param fullName full name today (or when it ended)
	 * @param inForce whether the unit exists today
	 * @param view the registry's GraphQL {@code Unit} for it, typed {@code Object} so
	 * that this module does not depend on the units module
	 */
	record ScopeUnit(String id, String globalId, @Nullable String code, String level, String fullName, boolean inForce,
			Object view) {

		public static final String COMMUNE = "COMMUNE";

	}

}

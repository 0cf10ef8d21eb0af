package vn.ydan.api.plans;

import org.jspecify.annotations.Nullable;

/**
 * An old unit that a new unit takes, whole or in part.
 *
 * @param unitId internal id of the old unit
 * @param kind whole, which part, or the remainder
 * @param areaShare share of the old unit's area taken (0 to 1), when known
 * @param populationShare share of its population, when known
 * @param householdShare share of its households, when known
 */
record PlanComponent(String unitId, ComponentKind kind, @Nullable Double areaShare, @Nullable Double populationShare,
		@Nullable Double householdShare) {

	static PlanComponent of(String unitId, ComponentKind kind) {
		return new PlanComponent(unitId, kind, null, null, null);
	}

}

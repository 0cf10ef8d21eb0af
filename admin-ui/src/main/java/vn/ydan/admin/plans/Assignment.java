package vn.ydan.admin.plans;

import org.jspecify.annotations.Nullable;

/**
 * An old unit to put into a new unit.
 *
 * @param key the new unit
 * @param unitId global id of the old unit
 * @param kind whole, which part, or the remainder
 * @param areaShare share of its area (0 to 1), if known
 * @param populationShare share of its population, if known
 * @param householdShare share of its households, if known
 */
public record Assignment(String key, String unitId, ComponentKind kind, @Nullable Double areaShare,
		@Nullable Double populationShare, @Nullable Double householdShare) {

	public static Assignment of(String key, String unitId, ComponentKind kind) {
		return new Assignment(key, unitId, kind, null, null, null);
	}

}

package vn.ydan.admin.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * A new unit of a plan, with the old units it takes.
 *
 * @param key its key within the plan (stable across renames)
 * @param code its statistical code from the effective date, if assigned
 * @param name the name without the type
 * @param fullName the name with the type
 * @param type the api's type constant ({@code PHUONG})
 * @param typeName the type in Vietnamese
 * @param seat where its People's Committee sits
 * @param parentKey the new unit of the same plan above it (a new province), if any
 * @param parent the existing unit above it, if any (none under a new province)
 * @param components the old units it takes
 * @param totals area, population and households from the components
 */
public record ProposedUnit(String key, @Nullable String code, String name, String fullName, String type,
		String typeName, @Nullable String seat, @Nullable String parentKey, @Nullable UnitRef parent,
		@Nullable List<Component> components, @Nullable Totals totals) {

	public List<Component> parts() {
		return (this.components != null) ? this.components : List.of();
	}

	public Totals figures() {
		return (this.totals != null) ? this.totals : new Totals(null, null, null, false);
	}

	/** Its level, from its type. */
	public UnitLevel level() {
		return UnitLevel.ofType(this.type);
	}

	/**
	 * A province or a centrally governed city: what the 2025 reform forms above communes.
	 */
	public boolean isProvince() {
		return level() == UnitLevel.PROVINCE;
	}

	/**
	 * An old unit a new unit takes.
	 *
	 * @param unit the old unit, as it stood the day before the effective date
	 * @param kind whole, which part, or the remainder
	 * @param areaShare share of its area, when known
	 * @param populationShare share of its population, when known
	 * @param householdShare share of its households, when known
	 */
	public record Component(UnitRef unit, ComponentKind kind, @Nullable Double areaShare,
			@Nullable Double populationShare, @Nullable Double householdShare) {
	}

	/**
	 * @param areaKm2 area, when every component's is known
	 * @param population population, when known
	 * @param households households, when known
	 * @param complete whether every figure and share was known
	 */
	public record Totals(@Nullable Double areaKm2, @Nullable Integer population, @Nullable Integer households,
			boolean complete) {
	}

}

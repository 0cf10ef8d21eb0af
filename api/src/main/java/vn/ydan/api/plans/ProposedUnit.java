package vn.ydan.api.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.units.UnitType;

/**
 * A unit the plan forms.
 *
 * @param key stable key within the plan (survives renames)
 * @param code statistical code from the effective date, when assigned
 * @param name name without the type
 * @param fullName name with the type ("Phường Hoàn Kiếm")
 * @param type type, which fixes the level
 * @param alternativeNames other names residents may be asked to choose from
 * @param seat where its People's Committee sits (trụ sở)
 * @param parentId internal id of the existing unit above it; for a unit under a new unit
 * of the plan, the old unit that new one takes (kept so that the link can be undone)
 * @param parentKey key of a new unit of the same plan above it (a new province); wins
 * over {@code parentId}
 * @param legalClause the clause of the act that forms it
 * @param components the old units it takes
 */
record ProposedUnit(String key, @Nullable String code, String name, String fullName, UnitType type,
		List<String> alternativeNames, @Nullable String seat, @Nullable String parentId, @Nullable String parentKey,
		@Nullable String legalClause, List<PlanComponent> components) {

	ProposedUnit {
		alternativeNames = List.copyOf(alternativeNames);
		components = List.copyOf(components);
	}

	/** "Phường" + "Hoàn Kiếm"; any kind of thành phố is written "Thành phố …". */
	static String defaultFullName(UnitType type, String name) {
		String label = type.label();
		if (label.startsWith("thành phố")) {
			label = "thành phố";
		}
		return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " " + name;
	}

	ProposedUnit withParentKey(@Nullable String newParentKey) {
		return new ProposedUnit(this.key, this.code, this.name, this.fullName, this.type, this.alternativeNames,
				this.seat, this.parentId, newParentKey, this.legalClause, this.components);
	}

	/**
	 * The old unit this one continues (kept identity: {@code unchanged} or
	 * {@code rename}, its only component), or null for a unit that is formed anew.
	 */
	@Nullable String continuedUnitId() {
		if (this.components.size() == 1 && this.components.get(0).kind().keepsIdentity()) {
			return this.components.get(0).unitId();
		}
		return null;
	}

	/**
	 * This unit under another of its name choices: the full name follows (the type's
	 * label, or the old name replaced in a full name written otherwise), and the name it
	 * had joins its alternatives, so the choices offered stay on record.
	 */
	ProposedUnit named(String chosen) {
		if (chosen.equals(this.name)) {
			return this;
		}
		String newFullName = this.fullName.equals(defaultFullName(this.type, this.name))
				? defaultFullName(this.type, chosen) : this.fullName.replace(this.name, chosen);
		List<String> alternatives = new java.util.ArrayList<>();
		alternatives.add(this.name);
		this.alternativeNames.stream()
			.filter((other) -> !other.equals(chosen) && !alternatives.contains(other))
			.forEach(alternatives::add);
		return new ProposedUnit(this.key, this.code, chosen, newFullName, this.type, alternatives, this.seat,
				this.parentId, this.parentKey, this.legalClause, this.components);
	}

	ProposedUnit withComponents(List<PlanComponent> newComponents) {
		return new ProposedUnit(this.key, this.code, this.name, this.fullName, this.type, this.alternativeNames,
				this.seat, this.parentId, this.parentKey, this.legalClause, newComponents);
	}

}

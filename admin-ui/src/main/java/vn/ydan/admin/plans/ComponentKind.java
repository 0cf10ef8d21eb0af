package vn.ydan.admin.plans;

import java.util.Locale;

/**
 * What a new unit takes of an old one, as the api names it (the words of the official
 * 2025 tables' {@code detail}): the unit continued as it is or renamed, the whole, a part
 * (of area, of population, or unstated), or the remainder.
 */
public enum ComponentKind {

	WHOLE, UNCHANGED, RENAME, PART, PART_AREA_POP, PART_AREA_ONLY, PART_AREA_WHOLE_POP, PART_POP_ONLY, REMAINDER;

	public String translationKey() {
		return "plans.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

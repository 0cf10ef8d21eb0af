package vn.ydan.admin.plans;

import java.util.Locale;

/** What a new unit takes of an old one, as the api names it. */
public enum ComponentKind {

	WHOLE, PART_AREA_POP, PART_AREA_ONLY, PART_AREA_WHOLE_POP, REMAINDER;

	public String translationKey() {
		return "plans.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

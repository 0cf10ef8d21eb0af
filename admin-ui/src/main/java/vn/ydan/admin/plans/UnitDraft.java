package vn.ydan.admin.plans;

import org.jspecify.annotations.Nullable;

/**
 * A new unit to add to a draft, or changes to one.
 *
 * @param key the unit to change; none to add one
 * @param code its statistical code from the effective date, if known
 * @param name the name without the type
 * @param type the api's type constant
 * @param seat where its People's Committee sits, if known
 * @param parentKey the new province of the plan it goes under; {@code ""} to take it out
 * of one; {@code null} to leave it as it is
 */
public record UnitDraft(@Nullable String key, @Nullable String code, String name, String type, @Nullable String seat,
		@Nullable String parentKey) {

	public UnitDraft(@Nullable String key, @Nullable String code, String name, String type, @Nullable String seat) {
		this(key, code, name, type, seat, null);
	}

}

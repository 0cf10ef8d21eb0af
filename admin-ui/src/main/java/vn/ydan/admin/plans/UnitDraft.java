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
 */
public record UnitDraft(@Nullable String key, @Nullable String code, String name, String type, @Nullable String seat) {
}

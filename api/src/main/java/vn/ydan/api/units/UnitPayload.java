package vn.ydan.api.units;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Result of a change to a unit.
 *
 * @param unit the unit after the change; null when nothing was changed
 * @param userErrors why nothing was changed
 */
record UnitPayload(@Nullable Unit unit, List<UserError> userErrors) {

	static UnitPayload of(Unit unit) {
		return new UnitPayload(unit, List.of());
	}

	static UnitPayload rejected(List<UserError> errors) {
		return new UnitPayload(null, List.copyOf(errors));
	}

	/**
	 * A problem with the input, for the user to fix.
	 *
	 * @param field path of the input field at fault
	 * @param message what is wrong, in Vietnamese
	 * @param code stable code
	 */
	record UserError(@Nullable List<String> field, String message, String code) {

		static UserError of(String field, String message, String code) {
			return new UserError(List.of("input", field), message, code);
		}

	}

}

package vn.ydan.api.units;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;

/**
 * Result of a change to a unit.
 *
 * @param unit the unit after the change; null when nothing was changed
 * @param userErrors why nothing was changed
 */
record UnitPayload(@Nullable Unit unit, List<UserError> userErrors) implements WithUserErrors {

	static UnitPayload of(Unit unit) {
		return new UnitPayload(unit, List.of());
	}

	static UnitPayload rejected(List<UserError> errors) {
		return new UnitPayload(null, List.copyOf(errors));
	}

}

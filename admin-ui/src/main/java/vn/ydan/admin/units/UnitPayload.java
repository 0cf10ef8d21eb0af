package vn.ydan.admin.units;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.api.UserError;

/**
 * What a change of the registry gave: the unit, or the api's reasons for refusing it.
 *
 * @param unit the unit changed or added; none when refused
 * @param userErrors why not, in Vietnamese, each with a stable code
 */
public record UnitPayload(@Nullable UnitRef unit, @Nullable List<UserError> userErrors) {

	public List<UserError> errors() {
		return (this.userErrors != null) ? this.userErrors : List.of();
	}

}

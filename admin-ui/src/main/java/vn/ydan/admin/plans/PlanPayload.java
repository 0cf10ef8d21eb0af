package vn.ydan.admin.plans;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UserError;

/**
 * What a change of a plan gave: the plan after it, or the api's reasons for refusing it.
 *
 * @param plan the plan after the change; none when refused
 * @param userErrors why not
 */
public record PlanPayload(@Nullable PlanState plan, @Nullable List<UserError> userErrors) {

	public List<UserError> errors() {
		return (this.userErrors != null) ? this.userErrors : List.of();
	}

	/** Someone else changed the plan since it was loaded. */
	public boolean conflict() {
		return errors().stream().anyMatch((error) -> "VERSION_CONFLICT".equals(error.code().toUpperCase(Locale.ROOT)));
	}

}

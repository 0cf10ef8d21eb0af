package vn.ydan.api.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;

/**
 * Result of a change to a plan: the plan as it is now, or why nothing was changed.
 *
 * @param plan the plan after the change; null when nothing was changed
 * @param userErrors why nothing was changed
 */
record PlanPayload(@Nullable Plan plan, List<UserError> userErrors) implements WithUserErrors {

	static PlanPayload of(Plan plan) {
		return new PlanPayload(plan, List.of());
	}

	static PlanPayload rejected(UserError... errors) {
		return new PlanPayload(null, List.of(errors));
	}

	static PlanPayload rejected(List<UserError> errors) {
		return new PlanPayload(null, List.copyOf(errors));
	}

}

package vn.ydan.api.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Result of a change to a plan: the plan as it is now, or why nothing was changed.
 *
 * @param plan the plan after the change; null when nothing was changed
 * @param userErrors why nothing was changed
 */
record PlanPayload(@Nullable Plan plan, List<UserError> userErrors) {

	static PlanPayload of(Plan plan) {
		return new PlanPayload(plan, List.of());
	}

	static PlanPayload rejected(UserError... errors) {
		return new PlanPayload(null, List.of(errors));
	}

	static PlanPayload rejected(List<UserError> errors) {
		return new PlanPayload(null, List.copyOf(errors));
	}

	/**
	 * A problem with the input (the GraphQL {@code UserError}).
	 *
	 * @param field path of the input field at fault
	 * @param message what is wrong, in Vietnamese
	 * @param code stable code
	 */
	record UserError(@Nullable List<String> field, String message, String code) {

		static UserError of(@Nullable String field, String message, String code) {
			return new UserError((field != null) ? List.of("input", field) : null, message, code);
		}

	}

}

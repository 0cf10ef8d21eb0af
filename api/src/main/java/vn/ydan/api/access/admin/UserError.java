package vn.ydan.api.access.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A problem with the input of a mutation, for the user to fix (GraphQL
 * {@code UserError}).
 *
 * @param field path of the input field at fault
 * @param message what is wrong, in Vietnamese
 * @param code stable code, e.g. {@code LAST_ADMIN}, {@code USERNAME_TAKEN}
 */
record UserError(@Nullable List<String> field, String message, String code) {

	static UserError of(String field, String message, String code) {
		return new UserError(List.of("input", field), message, code);
	}

}

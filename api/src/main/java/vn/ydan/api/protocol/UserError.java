package vn.ydan.api.protocol;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A problem with the input of a mutation, for the user to fix (the GraphQL
 * {@code UserError}): every feature's payloads carry these in {@code userErrors}
 * ({@link WithUserErrors}), and the mutation then changed nothing.
 *
 * @param field path of the input field at fault, e.g. {@code ["input", "name"]}; null for
 * the input as a whole
 * @param message what is wrong, in Vietnamese
 * @param code stable code, e.g. {@code NOT_FOUND}, {@code VERSION_CONFLICT}
 */
public record UserError(@Nullable List<String> field, String message, String code) {

	/**
	 * A problem with the input field {@code field} (path {@code ["input", field]}), or
	 * with the input as a whole when {@code field} is null.
	 */
	public static UserError of(@Nullable String field, String message, String code) {
		return new UserError((field != null) ? List.of("input", field) : null, message, code);
	}

}

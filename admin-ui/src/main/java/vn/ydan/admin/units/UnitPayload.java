package vn.ydan.admin.units;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

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

	/**
	 * A reason the api refused an input.
	 *
	 * @param field the path of the input field it is about ({@code ["input", "name"]}),
	 * if any
	 * @param message the reason in Vietnamese
	 * @param code a stable code
	 */
	public record UserError(@Nullable List<String> field, String message, String code) {

		/** The input field it is about: the last element of its path. */
		public Optional<String> fieldName() {
			return (this.field != null && !this.field.isEmpty()) ? Optional.of(this.field.get(this.field.size() - 1))
					: Optional.empty();
		}

	}

}

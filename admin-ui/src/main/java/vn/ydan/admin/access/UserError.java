package vn.ydan.admin.access;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A reason the api refused a change.
 *
 * @param field path of the input field, if any
 * @param message the reason in Vietnamese
 * @param code stable code (LAST_ADMIN, USERNAME_TAKEN…)
 */
public record UserError(@Nullable List<String> field, String message, String code) {

	public Optional<String> fieldName() {
		return (this.field != null && this.field.size() > 1) ? Optional.of(this.field.get(this.field.size() - 1))
				: Optional.empty();
	}

}

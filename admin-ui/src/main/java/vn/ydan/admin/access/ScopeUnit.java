package vn.ydan.admin.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unit a scope names, or may name.
 *
 * @param id global id
 * @param code statistical code
 * @param fullName full name, e.g. {@code Phường Trúc Bạch}
 * @param level {@code PROVINCE}, {@code DISTRICT}, {@code COMMUNE}…
 * @param ancestors the units above, nearest first
 */
public record ScopeUnit(String id, @Nullable String code, String fullName, String level,
		@Nullable List<Ancestor> ancestors) {

	/** "Phường Trúc Bạch — Quận Ba Đình, Thành phố Hà Nội". */
	public String label() {
		if (this.ancestors == null || this.ancestors.isEmpty()) {
			return this.fullName;
		}
		return this.fullName + " — " + String.join(", ", this.ancestors.stream().map(Ancestor::fullName).toList());
	}

	/**
	 * A unit above.
	 *
	 * @param fullName its full name
	 */
	public record Ancestor(String fullName) {
	}

}

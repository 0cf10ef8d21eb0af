package vn.ydan.admin.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which entries to show; empty conditions are left out.
 *
 * @param actor login name
 * @param unitId global id of a unit
 * @param kind an entry kind, or a prefix ending in {@code :}
 * @param from first day
 * @param to last day
 */
public record AuditFilter(@Nullable String actor, @Nullable String unitId, @Nullable String kind,
		@Nullable LocalDate from, @Nullable LocalDate to) {

	public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

	/** The api's {@code AuditFilter} input. */
	Map<String, Object> toInput() {
		Map<String, Object> input = new LinkedHashMap<>();
		put(input, "actor", this.actor);
		put(input, "unitId", this.unitId);
		put(input, "kind", this.kind);
		if (this.from != null) {
			input.put("from", this.from.toString());
		}
		if (this.to != null) {
			input.put("to", this.to.toString());
		}
		return input;
	}

	private static void put(Map<String, Object> input, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			input.put(key, value.strip());
		}
	}

}

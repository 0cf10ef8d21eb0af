package vn.ydan.api.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import vn.ydan.api.protocol.VietnamTime;

/**
 * Which entries to list; every condition given must hold.
 *
 * @param actor login name, ignoring case
 * @param unitId a unit among the entry's units: its global id in any form the API
 * accepts, or its own id (code)
 * @param kind the kind, or a prefix of it ending in {@code :} ({@code mutation:} for all
 * mutations)
 * @param from first day (Vietnam's calendar), inclusive
 * @param to last day (Vietnam's calendar), inclusive
 */
record AuditFilter(@Nullable String actor, @Nullable String unitId, @Nullable String kind, @Nullable LocalDate from,
		@Nullable LocalDate to) {

	static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

	AuditFilter {
		actor = blankToNull(actor);
		unitId = blankToNull(unitId);
		// Any form of a unit's global id, or its own id: compared in the log's one form.
		unitId = (unitId != null) ? UnitIds.ofFilter(unitId) : null;
		kind = blankToNull(kind);
	}

	static AuditFilter orNone(@Nullable AuditFilter filter) {
		return (filter != null) ? filter : NONE;
	}

	@Nullable Instant fromInstant() {
		return (this.from != null) ? this.from.atStartOfDay(VietnamTime.ZONE).toInstant() : null;
	}

	/** The first instant after {@link #to}. */
	@Nullable Instant toExclusive() {
		return (this.to != null) ? this.to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant() : null;
	}

	boolean matches(AuditEntry entry) {
		if (this.actor != null && !this.actor.toLowerCase(Locale.ROOT).equals(entry.actor().toLowerCase(Locale.ROOT))) {
			return false;
		}
		if (this.unitId != null && !entry.unitIds().contains(this.unitId)
				&& !UnitIds.canonical(entry.unitIds()).contains(this.unitId)) {
			return false;
		}
		if (this.kind != null
				&& !(this.kind.endsWith(":") ? entry.kind().startsWith(this.kind) : entry.kind().equals(this.kind))) {
			return false;
		}
		Instant from = fromInstant();
		if (from != null && entry.at().isBefore(from)) {
			return false;
		}
		Instant to = toExclusive();
		return to == null || entry.at().isBefore(to);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

package vn.ydan.admin.consultations;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * A residential group of a commune with its tally, if any: no tally means "not done".
 *
 * @param group the group
 * @param households its households, when known
 * @param tally its tally; null when nothing was entered yet
 */
public record GroupRow(UnitRef group, @Nullable Integer households, @Nullable Tally tally) {

	/** Verified groups have reported; the others are not done. */
	public boolean reported() {
		return this.tally != null && this.tally.state() == TallyState.VERIFIED;
	}

}

package vn.ydan.admin.consultations.ui;

import java.util.Locale;
import java.util.function.Predicate;

import vn.ydan.admin.consultations.GroupRow;
import vn.ydan.admin.consultations.TallyState;

/**
 * Which residential groups the tally list shows: all, those with nothing entered, those
 * waiting for a second entry, those whose two entries differ, the verified ones
 * ({@code consultations.tallies.filter.<name>}).
 */
enum GroupFilter {

	ALL((row) -> true),

	NOT_DONE((row) -> row.tally() == null),

	AWAITING((row) -> row.tally() != null && row.tally().state() == TallyState.AWAITING_SECOND_ENTRY),

	MISMATCH((row) -> row.tally() != null && row.tally().state() == TallyState.MISMATCH),

	VERIFIED(GroupRow::reported);

	private final Predicate<GroupRow> test;

	GroupFilter(Predicate<GroupRow> test) {
		this.test = test;
	}

	boolean matches(GroupRow row) {
		return this.test.test(row);
	}

	String translationKey() {
		return "consultations.tallies.filter." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

package vn.ydan.admin.consultations.ui;

import java.util.function.Predicate;

import vn.ydan.admin.consultations.CommuneResult;
import vn.ydan.admin.consultations.Outcome;

/**
 * Which communes the results list shows: all, or those that still need someone (groups
 * not reported, not certified), or by outcome. The key names the choice in the
 * translations ({@code consultations.filter.<name>}).
 */
enum CommuneFilter {

	ALL((row) -> true),

	/** Some residential group's tally is not verified yet. */
	NOT_DONE((row) -> row.groupsReported() < row.groups()),

	FAILING((row) -> row.outcome() == Outcome.FAIL),

	PENDING((row) -> row.outcome() == Outcome.PENDING),

	PASSING((row) -> row.outcome() == Outcome.PASS),

	NOT_CERTIFIED((row) -> !row.certified());

	private final Predicate<CommuneResult> test;

	CommuneFilter(Predicate<CommuneResult> test) {
		this.test = test;
	}

	boolean matches(CommuneResult row) {
		return this.test.test(row);
	}

	String translationKey() {
		return "consultations.filter." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}

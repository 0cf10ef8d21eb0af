package vn.ydan.admin.plans;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The act adopting a plan.
 *
 * @param number its number, e.g. {@code 1656/NQ-UBTVQH15}
 * @param date the day it was passed
 * @param effectiveDate the effective date it sets, when other than the plan's
 * @param overrideReason why the plan is adopted without published consultation results (a
 * second person confirms); null for a consulted plan
 * @param confirmPastEffectiveDate whether the official confirmed an effective date before
 * today
 */
public record Adoption(String number, LocalDate date, @Nullable LocalDate effectiveDate,
		@Nullable String overrideReason, boolean confirmPastEffectiveDate, java.util.Map<String, String> names) {

	public Adoption(String number, LocalDate date, @Nullable LocalDate effectiveDate, @Nullable String overrideReason,
			boolean confirmPastEffectiveDate) {
		this(number, date, effectiveDate, overrideReason, confirmPastEffectiveDate, java.util.Map.of());
	}

}

package vn.ydan.api.units;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the public change feed ({@code registryChanges}, {@code registryChanged}):
 * a plan took effect in the registry, or the results of a consultation were published.
 *
 * @param sequence position in the feed, from 1, never reused
 * @param kind what happened
 * @param at when it was recorded
 * @param planId the plan applied, or the plan consulted on
 * @param consultationId the consultation whose results were published; null for a plan
 * @param title the consultation's title; null for a plan
 * @param effectiveDate first day of the new units (plans)
 * @param legalBasis the act the plan was applied under
 */
public record RegistryChange(long sequence, Kind kind, Instant at, @Nullable String planId,
		@Nullable String consultationId, @Nullable String title, @Nullable LocalDate effectiveDate,
		@Nullable String legalBasis) {

	/** What happened. */
	public enum Kind {

		/** A restructuring plan took effect: the registry has its new units. */
		PLAN_APPLIED,

		/** The results of a consultation were published. */
		RESULTS_PUBLISHED

	}

	/** The opaque cursor of this entry. */
	public String cursor() {
		return RegistryChanges.cursor(this.sequence);
	}

}

package vn.ydan.api.units;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One link from a predecessor unit to a successor unit, as a legal act made it.
 *
 * @param id stable id of the link
 * @param predecessorId the unit that (partly) went into the successor
 * @param successorId the unit formed
 * @param relation whole, part or remainder
 * @param detail which part, in the resolution's words ({@code part_area_pop}…)
 * @param effectiveDate the first day of the successor's new form
 * @param legalBasis the act and clause
 */
record Lineage(String id, String predecessorId, String successorId, LineageRelation relation, @Nullable String detail,
		LocalDate effectiveDate, @Nullable String legalBasis) {
}

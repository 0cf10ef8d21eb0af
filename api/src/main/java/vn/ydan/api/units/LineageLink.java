package vn.ydan.api.units;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A lineage link seen from one of its ends (the GraphQL {@code LineageLink}).
 *
 * @param unit the unit at the other end
 * @param relation whole, part or remainder
 * @param detail which part
 * @param effectiveDate when the change took effect
 * @param legalBasis the act and clause
 */
record LineageLink(Unit unit, LineageRelation relation, @Nullable String detail, LocalDate effectiveDate,
		@Nullable String legalBasis) {
}

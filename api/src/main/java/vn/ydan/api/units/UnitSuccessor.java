package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unit an old unit became by a date (the GraphQL {@code UnitSuccessor}).
 *
 * @param unit the unit on that date
 * @param relation whole, part or remainder
 * @param detail which part, in the resolution's words
 * @param share the share of the old unit's households it took (0 to 1), when known
 * @param effectiveDate when it became this; null when it is the old unit itself
 * @param legalBasis the act and clause
 * @param residentialGroups the old unit's residential groups that went to it
 */
record UnitSuccessor(Unit unit, LineageRelation relation, @Nullable String detail, @Nullable Double share,
		@Nullable LocalDate effectiveDate, @Nullable String legalBasis, List<Unit> residentialGroups) {

	static UnitSuccessor of(Successions.Successor successor, LocalDate asOf) {
		LocalDate groupsDay = (successor.effectiveDate() != null) ? successor.effectiveDate() : asOf;
		return new UnitSuccessor(Unit.at(successor.unit(), asOf), successor.relation(), successor.detail(),
				successor.share(), successor.effectiveDate(), successor.legalBasis(),
				successor.residentialGroups().stream().map((group) -> Unit.at(group, groupsDay)).toList());
	}

}

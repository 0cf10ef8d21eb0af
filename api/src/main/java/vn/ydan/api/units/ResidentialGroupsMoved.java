package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.List;

/**
 * Published after a restructuring is applied ({@link UnitRegistry#restructure}) when
 * residential groups moved to a new commune: features that hang data on groups (the
 * community teams) record the move in their own history. A group keeps its identity when
 * it moves, so what hangs on its id moves with it; the event is only for the history.
 * Published again when the same restructuring is applied again (a retry): listeners must
 * be idempotent per {@code restructuringKey}.
 *
 * @param restructuringKey the change's key (the plan's id)
 * @param effectiveDate the first day in the new commune
 * @param legalBasis the act of the change, if known
 * @param moves the groups that moved
 */
public record ResidentialGroupsMoved(String restructuringKey, LocalDate effectiveDate, String legalBasis,
		List<Move> moves) {

	/**
	 * @param groupId internal id of the residential group
	 * @param fromCommuneId internal id of its commune the day before
	 * @param toCommuneId internal id of its commune from the effective date
	 */
	public record Move(String groupId, String fromCommuneId, String toCommuneId) {
	}

}

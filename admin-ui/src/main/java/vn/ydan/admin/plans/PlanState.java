package vn.ydan.admin.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an edit of a draft answers with: the new version, the validation, and the new
 * units the edit changed (all of them when the edit added one). Kept small on purpose: an
 * edit's round trip is what the official waits for.
 *
 * @param id the plan's id
 * @param version its new revision
 * @param status where it stands
 * @param statusName the api's label of the status
 * @param proposedUnitCount new units in the plan
 * @param componentCount links in the plan
 * @param proposedUnits the new units asked for
 * @param validation the validation after the edit
 * @param applyProgress how applying went, when asked for
 */
public record PlanState(String id, int version, PlanStatus status, String statusName, int proposedUnitCount,
		int componentCount, @Nullable List<ProposedUnit> proposedUnits, @Nullable Validation validation,
		@Nullable ApplyProgress applyProgress) {

	public List<ProposedUnit> units() {
		return (this.proposedUnits != null) ? this.proposedUnits : List.of();
	}

}

package vn.ydan.admin.plans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * A plan as a row of the list.
 *
 * @param id the plan's id
 * @param title its title
 * @param status where it stands
 * @param statusName the api's Vietnamese label of the status
 * @param effectiveDate first day of the new units, if set
 * @param version its revision
 * @param scope the units it covers
 * @param proposedUnitCount new units
 * @param componentCount links from old units to new ones
 * @param validation the outcome of its validation (counts only)
 */
public record PlanSummary(String id, String title, PlanStatus status, String statusName,
		@Nullable LocalDate effectiveDate, int version, @Nullable List<UnitRef> scope, int proposedUnitCount,
		int componentCount, @Nullable Counts validation) {

	public List<UnitRef> scopeUnits() {
		return (this.scope != null) ? this.scope : List.of();
	}

	/**
	 * @param valid no error
	 * @param errorCount errors
	 * @param warningCount warnings
	 * @param unassignedCount old units no new unit takes yet
	 */
	public record Counts(boolean valid, int errorCount, int warningCount, int unassignedCount) {
	}

}

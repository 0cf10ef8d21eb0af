package vn.ydan.api.plans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A plan as other modules (consultations) need it: which old units it affects and what it
 * proposes for each.
 *
 * @param id id of the plan
 * @param title its title
 * @param status its status, by name ({@code PUBLISHED}…)
 * @param effectiveDate first day of the new units
 * @param scopeIds internal ids of its scope units
 * @param affected the old units the plan takes, in plan order
 */
public record PlanOutline(String id, String title, String status, @Nullable LocalDate effectiveDate,
		List<String> scopeIds, List<Affected> affected) {

	/** Whether the plan has been published and is not withdrawn or adopted yet. */
	public boolean openToConsultation() {
		return this.status.equals(PlanStatus.PUBLISHED.name()) || this.status.equals(PlanStatus.IN_CONSULTATION.name());
	}

	/**
	 * An old unit and the new unit(s) it goes to.
	 *
	 * @param unitId internal id of the old unit
	 * @param successors full names of the new units it goes to
	 * @param alternativeNames the names residents choose from for those new units: each
	 * one's proposed name, then its alternatives; empty when the plan offers no choice
	 */
	public record Affected(String unitId, List<String> successors, List<String> alternativeNames) {
	}

}

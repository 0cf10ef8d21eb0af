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
 * @param newUnits the units it forms, in plan order
 */
public record PlanOutline(String id, String title, String status, @Nullable LocalDate effectiveDate,
		List<String> scopeIds, List<Affected> affected, List<NewUnit> newUnits) {

	public PlanOutline(String id, String title, String status, @Nullable LocalDate effectiveDate, List<String> scopeIds,
			List<Affected> affected) {
		this(id, title, status, effectiveDate, scopeIds, affected, List.of());
	}

	/**
	 * A unit the plan forms, as residents are asked about it.
	 *
	 * @param key its key in the plan
	 * @param fullName its proposed full name ("Phường Đoài Phương")
	 * @param province whether it is a province (formed from whole old provinces)
	 * @param nameChoices the names residents choose from: the proposed name, then its
	 * alternatives; empty when there is no choice
	 * @param seatChoices the seats residents choose from, when the plan writes the seat
	 * with alternatives ("Trụ sở xã A (hoặc trụ sở xã B)"); empty otherwise
	 * @param oldUnitIds internal ids of the old units it takes
	 */
	public record NewUnit(String key, String fullName, boolean province, List<String> nameChoices,
			List<String> seatChoices, List<String> oldUnitIds) {
	}

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

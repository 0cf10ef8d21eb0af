package vn.ydan.api.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.units.UnitLevel;

/**
 * A restructuring plan: the aggregate, stored as one document. Immutable; every change
 * makes the next revision, and the store keeps each revision ({@link Plans}).
 *
 * @param id internal id
 * @param title title, e.g. "Phương án sắp xếp đơn vị hành chính cấp xã của thành phố Hà
 * Nội"
 * @param scopeIds internal ids of the units the plan covers (provinces or districts)
 * @param effectiveDate first day of the new units
 * @param abolishedLevels levels that end in the scope on the effective date
 * @param status where it stands
 * @param legalBasis the act that adopted it, once adopted
 * @param units the units it forms
 * @param groupPlacements residential groups of split communes → key of their new commune
 * @param revision 1 for a new plan, then one more per change
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 * @param apply how applying went, once started
 */
record Plan(String id, String title, List<String> scopeIds, @Nullable LocalDate effectiveDate,
		List<UnitLevel> abolishedLevels, PlanStatus status, @Nullable LegalBasis legalBasis, List<ProposedUnit> units,
		Map<String, String> groupPlacements, int revision, String createdBy, Instant createdAt, Instant updatedAt,
		@Nullable ApplyState apply) {

	static final int MAX_TITLE_LENGTH = 300;

	Plan {
		scopeIds = List.copyOf(scopeIds);
		abolishedLevels = List.copyOf(abolishedLevels);
		units = List.copyOf(units);
		groupPlacements = Map.copyOf(groupPlacements);
	}

	/** How the audit log names a plan, whose history it holds. */
	static String subject(String id) {
		return "plan:" + id;
	}

	@Nullable ProposedUnit unit(String key) {
		for (ProposedUnit unit : this.units) {
			if (unit.key().equals(key)) {
				return unit;
			}
		}
		return null;
	}

	/** The next revision, with {@code units} instead. */
	Plan withUnits(List<ProposedUnit> newUnits, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, newUnits, this.groupPlacements, this.revision + 1, this.createdBy, this.createdAt, at,
				this.apply);
	}

	Plan withUnit(ProposedUnit changed, Instant at) {
		List<ProposedUnit> newUnits = new ArrayList<>(this.units);
		newUnits.replaceAll((unit) -> unit.key().equals(changed.key()) ? changed : unit);
		if (unit(changed.key()) == null) {
			newUnits.add(changed);
		}
		return withUnits(newUnits, at);
	}

	Plan withSettings(String newTitle, List<String> newScope, @Nullable LocalDate newDate, List<UnitLevel> newLevels,
			Instant at) {
		return new Plan(this.id, newTitle, newScope, newDate, newLevels, this.status, this.legalBasis, this.units,
				this.groupPlacements, this.revision + 1, this.createdBy, this.createdAt, at, this.apply);
	}

	Plan withPlacements(Map<String, String> placements, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, this.units, placements, this.revision + 1, this.createdBy, this.createdAt, at,
				this.apply);
	}

	Plan withStatus(PlanStatus newStatus, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, newStatus,
				this.legalBasis, this.units, this.groupPlacements, this.revision + 1, this.createdBy, this.createdAt,
				at, this.apply);
	}

	Plan adopted(LegalBasis basis, LocalDate newEffectiveDate, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, newEffectiveDate, this.abolishedLevels, PlanStatus.ADOPTED,
				basis, this.units, this.groupPlacements, this.revision + 1, this.createdBy, this.createdAt, at,
				this.apply);
	}

	/** Progress of applying is not a change of the plan: the revision stays. */
	Plan withApply(ApplyState state) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, this.units, this.groupPlacements, this.revision, this.createdBy, this.createdAt,
				this.updatedAt, state);
	}

	/**
	 * The act that adopted the plan.
	 *
	 * @param number its number, e.g. {@code 1656/NQ-UBTVQH15}
	 * @param date the day it was passed
	 */
	record LegalBasis(String number, LocalDate date) {

		String describe() {
			return "Nghị quyết " + this.number + " ngày " + this.date;
		}

	}

	/**
	 * How applying the plan to the registry went.
	 *
	 * @param state RUNNING, FAILED or DONE
	 * @param done units stored so far
	 * @param total units to store
	 * @param message what failed, or a summary
	 * @param at when this state was recorded
	 */
	record ApplyState(String state, int done, int total, @Nullable String message, Instant at) {
	}

}

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
 * @param groupMergers residential groups it merges
 * @param revision 1 for a new plan, then one more per change
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 * @param apply how applying went, once started
 * @param adoptionOverride adoption without published consultation results: requested by
 * one official, confirmed by another (null when the plan followed the consultation)
 */
record Plan(String id, String title, List<String> scopeIds, @Nullable LocalDate effectiveDate,
		List<UnitLevel> abolishedLevels, PlanStatus status, @Nullable LegalBasis legalBasis, List<ProposedUnit> units,
		Map<String, String> groupPlacements, List<GroupMerger> groupMergers, int revision, String createdBy,
		Instant createdAt, Instant updatedAt, @Nullable ApplyState apply, @Nullable AdoptionOverride adoptionOverride) {

	static final int MAX_TITLE_LENGTH = 300;

	Plan {
		scopeIds = List.copyOf(scopeIds);
		abolishedLevels = List.copyOf(abolishedLevels);
		units = List.copyOf(units);
		groupPlacements = Map.copyOf(groupPlacements);
		groupMergers = List.copyOf(groupMergers);
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

	/**
	 * The next revision, with {@code units} instead. A unit whose parent goes whole into
	 * a new unit of the plan (an old province merged into a new one) hangs under that new
	 * unit: the plan is one whole, whatever order its parts were written in.
	 */
	Plan withUnits(List<ProposedUnit> newUnits, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, linkParents(newUnits), this.groupPlacements, this.groupMergers, this.revision + 1,
				this.createdBy, this.createdAt, at, this.apply, this.adoptionOverride);
	}

	/**
	 * The next revision with the units a file forms: they replace the plan's units that
	 * the file covers ({@code covered}: of a level the file forms, from the old provinces
	 * it names), and the others stay. A province merger table and the provincial tables
	 * of communes can so be imported in any order, into one plan per province or into one
	 * national plan, and a corrected table replaces only what it covers.
	 */
	Plan withImported(List<ProposedUnit> imported, java.util.function.Predicate<ProposedUnit> covered, Instant at) {
		java.util.Set<String> importedKeys = new java.util.HashSet<>();
		imported.forEach((unit) -> importedKeys.add(unit.key()));
		List<ProposedUnit> kept = new ArrayList<>();
		for (ProposedUnit unit : this.units) {
			if (!covered.test(unit) && !importedKeys.contains(unit.key())) {
				kept.add(unit);
			}
		}
		kept.addAll(imported);
		kept.sort(java.util.Comparator.comparing((ProposedUnit unit) -> unit.type().level()));
		return withUnits(kept, at);
	}

	/** Old unit ids of the plan's kept identities (unchanged or renamed units). */
	java.util.Set<String> continuedUnitIds() {
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (ProposedUnit unit : this.units) {
			String continued = unit.continuedUnitId();
			if (continued != null) {
				ids.add(continued);
			}
		}
		return ids;
	}

	private static List<ProposedUnit> linkParents(List<ProposedUnit> units) {
		Map<String, ProposedUnit> byKey = new java.util.HashMap<>();
		Map<String, ProposedUnit> takerOfWhole = new java.util.HashMap<>();
		for (ProposedUnit unit : units) {
			byKey.put(unit.key(), unit);
			for (PlanComponent component : unit.components()) {
				if (component.kind().isWhole() && !component.kind().keepsIdentity()) {
					takerOfWhole.put(component.unitId(), unit);
				}
			}
		}
		List<ProposedUnit> linked = new ArrayList<>(units.size());
		for (ProposedUnit unit : units) {
			ProposedUnit parent = (unit.parentKey() != null) ? byKey.get(unit.parentKey()) : null;
			if (parent == null && unit.parentId() != null) {
				parent = takerOfWhole.get(unit.parentId());
			}
			boolean above = parent != null && parent.type().level().isAbove(unit.type().level());
			String parentKey = above ? parent.key() : null;
			linked.add(java.util.Objects.equals(parentKey, unit.parentKey()) ? unit : unit.withParentKey(parentKey));
		}
		return linked;
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
				this.groupPlacements, this.groupMergers, this.revision + 1, this.createdBy, this.createdAt, at,
				this.apply, this.adoptionOverride);
	}

	Plan withPlacements(Map<String, String> placements, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, this.units, placements, this.groupMergers, this.revision + 1, this.createdBy,
				this.createdAt, at, this.apply, this.adoptionOverride);
	}

	Plan withGroupMergers(List<GroupMerger> mergers, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, this.units, this.groupPlacements, mergers, this.revision + 1, this.createdBy,
				this.createdAt, at, this.apply, this.adoptionOverride);
	}

	@Nullable GroupMerger groupMerger(String key) {
		for (GroupMerger merger : this.groupMergers) {
			if (merger.key().equals(key)) {
				return merger;
			}
		}
		return null;
	}

	/** This plan as one revision after {@code base} (changes chained in one step). */
	Plan renumbered(Plan base) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, this.units, this.groupPlacements, this.groupMergers, base.revision() + 1,
				this.createdBy, this.createdAt, this.updatedAt, this.apply, this.adoptionOverride);
	}

	Plan withStatus(PlanStatus newStatus, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, newStatus,
				this.legalBasis, this.units, this.groupPlacements, this.groupMergers, this.revision + 1, this.createdBy,
				this.createdAt, at, this.apply, this.adoptionOverride);
	}

	Plan adopted(LegalBasis basis, LocalDate newEffectiveDate, @Nullable AdoptionOverride override, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, newEffectiveDate, this.abolishedLevels, PlanStatus.ADOPTED,
				basis, this.units, this.groupPlacements, this.groupMergers, this.revision + 1, this.createdBy,
				this.createdAt, at, this.apply, override);
	}

	/**
	 * The next revision, with an adoption override requested and awaiting a second
	 * official.
	 */
	Plan withOverrideRequested(AdoptionOverride override, Instant at) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, this.units, this.groupPlacements, this.groupMergers, this.revision + 1, this.createdBy,
				this.createdAt, at, this.apply, override);
	}

	/** Progress of applying is not a change of the plan: the revision stays. */
	Plan withApply(ApplyState state) {
		return new Plan(this.id, this.title, this.scopeIds, this.effectiveDate, this.abolishedLevels, this.status,
				this.legalBasis, this.units, this.groupPlacements, this.groupMergers, this.revision, this.createdBy,
				this.createdAt, this.updatedAt, state, this.adoptionOverride);
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

	/**
	 * Adoption without published consultation results, which the process otherwise
	 * requires: one official asks for it with a reason and the act, a second one (another
	 * person) confirms the same act, and only then is the plan adopted. Kept on the plan
	 * for good, and public with it.
	 *
	 * @param reason why the results are not needed or not available
	 * @param number the act's number as requested
	 * @param date the act's date as requested
	 * @param effectiveDate the effective date as requested
	 * @param requestedBy who asked
	 * @param requestedAt when
	 * @param confirmedBy who confirmed, null while it waits
	 * @param confirmedAt when, null while it waits
	 */
	record AdoptionOverride(String reason, String number, LocalDate date, LocalDate effectiveDate, String requestedBy,
			Instant requestedAt, @Nullable String confirmedBy, @Nullable Instant confirmedAt) {

		boolean isConfirmed() {
			return this.confirmedBy != null;
		}

		/**
		 * Whether {@code other} asks for the same act (what a confirmation must match).
		 */
		boolean sameAct(String otherNumber, LocalDate otherDate, LocalDate otherEffectiveDate) {
			return this.number.equals(otherNumber) && this.date.equals(otherDate)
					&& this.effectiveDate.equals(otherEffectiveDate);
		}

		AdoptionOverride confirmed(String by, Instant at) {
			return new AdoptionOverride(this.reason, this.number, this.date, this.effectiveDate, this.requestedBy,
					this.requestedAt, by, at);
		}

	}

}

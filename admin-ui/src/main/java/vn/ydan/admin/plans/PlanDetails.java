package vn.ydan.admin.plans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * A plan as the editor shows it. The edits answer with a {@link PlanState} that carries
 * only what an edit can change.
 *
 * @param id the plan's id
 * @param title its title
 * @param status where it stands
 * @param statusName the api's Vietnamese label of the status
 * @param effectiveDate first day of the new units, if set
 * @param abolishedLevels levels that end in the scope
 * @param version its revision, to pass back as {@code expectedVersion}
 * @param createdBy who created it
 * @param legalBasis the act that adopted it, once adopted
 * @param scope the units it covers
 * @param proposedUnits its new units
 * @param validation its validation
 * @param applyProgress how applying went, once started
 */
public record PlanDetails(String id, String title, PlanStatus status, String statusName,
		@Nullable LocalDate effectiveDate, @Nullable List<String> abolishedLevels, int version,
		@Nullable String createdBy, @Nullable LegalBasis legalBasis, @Nullable List<UnitRef> scope,
		@Nullable List<ProposedUnit> proposedUnits, @Nullable Validation validation,
		@Nullable ApplyProgress applyProgress, @Nullable AdoptionOverride adoptionOverride,
		@Nullable List<ChosenName> chosenNames) {

	/**
	 * The name residents chose for a new unit (published results), which adoption offers.
	 *
	 * @param unitKey the new unit's key
	 * @param proposedName the name the plan proposes
	 * @param chosenName the name most chosen
	 */
	public record ChosenName(String unitKey, String proposedName, String chosenName) {
	}

	/** The names residents chose that differ from the proposed ones. */
	public List<ChosenName> otherChosenNames() {
		return (this.chosenNames != null)
				? this.chosenNames.stream().filter((name) -> !name.chosenName().equals(name.proposedName())).toList()
				: List.of();
	}

	/** An adoption override requested and not yet confirmed, or null. */
	public @Nullable AdoptionOverride pendingOverride() {
		return (this.adoptionOverride != null && this.adoptionOverride.confirmedBy() == null) ? this.adoptionOverride
				: null;
	}

	/**
	 * Adoption without published consultation results: requested by one official,
	 * confirmed by another.
	 *
	 * @param reason why
	 * @param number the act's number requested
	 * @param date the act's date requested
	 * @param effectiveDate the effective date requested
	 * @param requestedBy who asked
	 * @param confirmedBy who confirmed; null while it waits
	 */
	public record AdoptionOverride(String reason, String number, LocalDate date, LocalDate effectiveDate,
			String requestedBy, @Nullable String confirmedBy) {
	}

	public List<UnitRef> scopeUnits() {
		return (this.scope != null) ? this.scope : List.of();
	}

	public List<ProposedUnit> units() {
		return (this.proposedUnits != null) ? this.proposedUnits : List.of();
	}

	public Validation checks() {
		return (this.validation != null) ? this.validation : Validation.NONE;
	}

	public List<String> abolished() {
		return (this.abolishedLevels != null) ? this.abolishedLevels : List.of();
	}

	/** The day before the effective date: the registry the plan starts from. */
	public @Nullable LocalDate dayBefore() {
		return (this.effectiveDate != null) ? this.effectiveDate.minusDays(1) : null;
	}

	/**
	 * @param number number of the act, e.g. {@code 1656/NQ-UBTVQH15}
	 * @param date the day it was passed
	 */
	public record LegalBasis(String number, LocalDate date) {
	}

}

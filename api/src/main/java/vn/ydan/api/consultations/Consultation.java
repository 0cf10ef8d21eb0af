package vn.ydan.api.consultations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.units.UnitLevel;

/**
 * A consultation on a plan: the communes asked, its window, its pass rule, where it
 * stands, and which units' results have been certified. Stored as one document.
 *
 * @param id id
 * @param planId the plan consulted on
 * @param title title
 * @param opensAt first instant answers are taken
 * @param closesAt instant answers stop
 * @param rule when a commune agrees
 * @param status where it stands
 * @param round 1, or 2 for a second round of units that failed
 * @param previousId the first round, for a second round
 * @param units the communes asked, with their question
 * @param certifications certified units (communes, districts, provinces) by id
 * @param revision one more per change
 * @param createdBy who created it
 * @param createdAt when
 */
record Consultation(String id, String planId, String title, Instant opensAt, Instant closesAt, PassRule rule,
		ConsultationStatus status, int round, @Nullable String previousId, List<ConsultedUnit> units,
		Map<String, Certification> certifications, int revision, String createdBy, Instant createdAt) {

	Consultation {
		units = List.copyOf(units);
		certifications = Map.copyOf(certifications);
	}

	@Nullable ConsultedUnit unit(String unitId) {
		for (ConsultedUnit unit : this.units) {
			if (unit.unitId().equals(unitId)) {
				return unit;
			}
		}
		return null;
	}

	boolean isOpenAt(Instant now) {
		return this.status == ConsultationStatus.OPEN && !now.isBefore(this.opensAt) && now.isBefore(this.closesAt);
	}

	Consultation withStatus(ConsultationStatus newStatus) {
		return new Consultation(this.id, this.planId, this.title, this.opensAt, this.closesAt, this.rule, newStatus,
				this.round, this.previousId, this.units, this.certifications, this.revision + 1, this.createdBy,
				this.createdAt);
	}

	Consultation withCertification(Certification certification) {
		Map<String, Certification> all = new java.util.LinkedHashMap<>(this.certifications);
		all.put(certification.unitId(), certification);
		return new Consultation(this.id, this.planId, this.title, this.opensAt, this.closesAt, this.rule, this.status,
				this.round, this.previousId, this.units, all, this.revision + 1, this.createdBy, this.createdAt);
	}

	/**
	 * A commune asked: "do you agree with the plan for this unit?", and which name where
	 * the plan offers a choice.
	 *
	 * @param unitId internal id of the commune (as it stands before the plan)
	 * @param successors the new units it goes to
	 * @param nameChoices names offered, empty when there is no choice
	 */
	record ConsultedUnit(String unitId, List<String> successors, List<String> nameChoices) {
	}

	/**
	 * @param unitId the unit whose results are certified
	 * @param level its level
	 * @param by who certified
	 * @param at when
	 */
	record Certification(String unitId, UnitLevel level, String by, Instant at) {
	}

}

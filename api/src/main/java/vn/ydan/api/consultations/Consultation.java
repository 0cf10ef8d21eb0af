package vn.ydan.api.consultations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;
import vn.ydan.api.store.Change;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.protocol.VietnamTime;

/**
 * A consultation on a plan: the communes asked, its window, its pass rule, where it
 * stands, and which units' results have been certified. Stored as one document.
 * <p>
 * It guards its own steps: scheduled → open → closed → certified (unit by unit, up to the
 * provinces) → published. A step that its state does not allow is refused with the
 * reason, in the caller's words; {@link ConsultationService} checks what needs the
 * registry, the register or the counts, and stores the result.
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

	/**
	 * Whether {@code other} asks what this one asked: same plan, round, title, window,
	 * rule and communes (what makes a retried create the same request).
	 */
	boolean sameRequestAs(Consultation other) {
		return this.planId.equals(other.planId) && this.round == other.round
				&& java.util.Objects.equals(this.previousId, other.previousId) && this.title.equals(other.title)
				&& this.opensAt.equals(other.opensAt) && this.closesAt.equals(other.closesAt)
				&& this.rule.equals(other.rule)
				&& this.units.stream()
					.map(ConsultedUnit::unitId)
					.toList()
					.equals(other.units.stream().map(ConsultedUnit::unitId).toList());
	}

	boolean isOpenAt(Instant now) {
		return this.status == ConsultationStatus.OPEN && !now.isBefore(this.opensAt) && now.isBefore(this.closesAt);
	}

	/**
	 * The day its units are read on (names, parents, residential groups): the day it
	 * opens, in Vietnam.
	 */
	LocalDate referenceDate() {
		return LocalDate.ofInstant(this.opensAt, VietnamTime.ZONE);
	}

	/**
	 * A commune's outcome: pending until the consultation has closed and every group has
	 * reported, then whether its pass rule holds.
	 */
	Outcome outcome(ResultBoard.Figures figures) {
		boolean closed = this.status.compareTo(ConsultationStatus.CLOSED) >= 0;
		if (!closed || figures.groupsReported() < figures.groups()) {
			return Outcome.PENDING;
		}
		return this.rule.passes(figures.agree(), figures.households()) ? Outcome.PASS : Outcome.FAIL;
	}

	boolean isCertified(String unitId) {
		return this.certifications.containsKey(unitId);
	}

	/** Whether its results are certified up to the provinces (or published). */
	boolean hasCertifiedResults() {
		return this.status.compareTo(ConsultationStatus.CERTIFIED) >= 0;
	}

	/** Opens it: answers are taken from now on, within its window. */
	Change<Consultation, UserError> open() {
		if (this.status != ConsultationStatus.SCHEDULED) {
			return refused(null, "Chỉ mở được đợt đã lên lịch", "STATUS_TRANSITION_INVALID");
		}
		return Change.to(withStatus(ConsultationStatus.OPEN));
	}

	/** Closes it: no more answers; paper tallies go on until certification. */
	Change<Consultation, UserError> close() {
		if (this.status != ConsultationStatus.OPEN) {
			return refused(null, "Chỉ kết thúc được đợt đang lấy ý kiến", "STATUS_TRANSITION_INVALID");
		}
		return Change.to(withStatus(ConsultationStatus.CLOSED));
	}

	/**
	 * Why a unit's results cannot be certified now, or null: only after closing, and once
	 * per unit.
	 * @param unitName how people call the unit, for the reason
	 */
	@Nullable UserError refusesToCertify(String unitId, String unitName) {
		if (this.status != ConsultationStatus.CLOSED) {
			return UserError.of(null, "Chỉ xác nhận kết quả sau khi đợt đã kết thúc", "NOT_CLOSED");
		}
		if (isCertified(unitId)) {
			return UserError.of(null, unitName + " đã được xác nhận", "ALREADY_CERTIFIED");
		}
		return null;
	}

	/**
	 * Certifies a unit's results (checked first with {@link #refusesToCertify}); with the
	 * last of {@code provinceIds}, the whole consultation is certified.
	 * @param provinceIds the provinces of the communes asked
	 */
	Consultation certified(Certification certification, Collection<String> provinceIds) {
		if (refusesToCertify(certification.unitId(), certification.unitId()) != null) {
			throw new IllegalStateException("Consultation " + this.id + " cannot certify " + certification.unitId());
		}
		Consultation certified = withCertification(certification);
		return provinceIds.stream().allMatch(certified::isCertified)
				? certified.withStatus(ConsultationStatus.CERTIFIED) : certified;
	}

	/** Publishes the certified results: they become public. */
	Change<Consultation, UserError> publish() {
		if (this.status != ConsultationStatus.CERTIFIED) {
			return refused(null, "Chỉ công bố được kết quả đã xác nhận đến cấp tỉnh", "NOT_CERTIFIED");
		}
		return Change.to(withStatus(ConsultationStatus.PUBLISHED));
	}

	/**
	 * Why a commune's paper tallies are not taken now, or null: only while open or
	 * closed, and not once its results are certified.
	 * @param communeName how people call the commune, for the reason
	 */
	@Nullable UserError refusesTallies(String communeId, String communeName) {
		if (this.status != ConsultationStatus.OPEN && this.status != ConsultationStatus.CLOSED) {
			return UserError.of(null, "Không nhập phiếu khi đợt đang \"" + this.status.label() + "\"", "NOT_OPEN");
		}
		if (isCertified(communeId)) {
			return UserError.of(null, "Kết quả của " + communeName + " đã được xác nhận: không sửa được", "CERTIFIED");
		}
		return null;
	}

	/**
	 * This state again, stored over {@code next}: what undoes a step whose consequence
	 * (moving the plan) failed.
	 */
	Consultation restoredOver(Consultation next) {
		return new Consultation(this.id, this.planId, this.title, this.opensAt, this.closesAt, this.rule, this.status,
				this.round, this.previousId, this.units, this.certifications, next.revision() + 1, this.createdBy,
				this.createdAt);
	}

	private static Change<Consultation, UserError> refused(@Nullable String field, String message, String code) {
		return Change.refused(UserError.of(field, message, code));
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

	/** Whether a commune agreed, once it can be told. */
	enum Outcome {

		PASS, FAIL, PENDING

	}

	/**
	 * A commune asked: "do you agree with the plan for this unit?", which name and seat
	 * where the plan offers a choice, and, when its province merges, the province merger
	 * and the province's name ({@link #questions}).
	 *
	 * @param unitId internal id of the commune (as it stands before the plan)
	 * @param successors the new units it goes to
	 * @param nameChoices names offered, empty when there is no choice
	 * @param seatChoices seats offered, empty when there is no choice
	 * @param province the merger of its province, when the plan merges it
	 */
	record ConsultedUnit(String unitId, List<String> successors, List<String> nameChoices, List<String> seatChoices,
			@Nullable ProvinceMerger province) {

		ConsultedUnit {
			successors = List.copyOf(successors);
			nameChoices = List.copyOf(nameChoices);
			seatChoices = List.copyOf(seatChoices);
		}

		ConsultedUnit(String unitId, List<String> successors, List<String> nameChoices) {
			this(unitId, successors, nameChoices, List.of(), null);
		}

		/** Its form, question by question. */
		List<Question> questions() {
			return Question.of(this);
		}

		@Nullable Question question(Question.Key key) {
			return questions().stream().filter((question) -> question.key() == key).findFirst().orElse(null);
		}

	}

	/**
	 * The merger of a consulted commune's province.
	 *
	 * @param newProvince the new province's proposed full name
	 * @param nameChoices names offered for it, empty when there is no choice
	 */
	record ProvinceMerger(String newProvince, List<String> nameChoices) {

		ProvinceMerger {
			nameChoices = List.copyOf(nameChoices);
		}

	}

	/**
	 * @param unitId the unit whose results are certified
	 * @param level its level
	 * @param by who certified
	 * @param at when
	 */
	record Certification(String unitId, UnitLevel level, String by, Instant at, @Nullable Reopening reopening) {

		Certification(String unitId, UnitLevel level, String by, Instant at) {
			this(unitId, level, by, at, null);
		}

		Certification withReopening(Reopening request) {
			return new Certification(this.unitId, this.level, this.by, this.at, request);
		}

	}

	/**
	 * A request to reopen a certified unit, awaiting a second person.
	 *
	 * @param by who asked
	 * @param at when
	 * @param reason why
	 */
	record Reopening(String by, Instant at, String reason) {
	}

	/**
	 * The certifications of {@code unitIds} withdrawn (a reopened unit and the units
	 * above it, whose certification rested on it); a consultation certified as a whole is
	 * closed again.
	 */
	Consultation reopened(java.util.Set<String> unitIds) {
		Map<String, Certification> kept = new java.util.LinkedHashMap<>(this.certifications);
		kept.keySet().removeAll(unitIds);
		ConsultationStatus status = (this.status == ConsultationStatus.CERTIFIED) ? ConsultationStatus.CLOSED
				: this.status;
		return new Consultation(this.id, this.planId, this.title, this.opensAt, this.closesAt, this.rule, status,
				this.round, this.previousId, this.units, kept, this.revision + 1, this.createdBy, this.createdAt);
	}

}

package vn.ydan.api.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Roles;
import vn.ydan.api.protocol.VietnamTime;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.UnitRegistry;

/**
 * What a signed-in resident sees of their own household ({@code myHousehold}): its
 * commune and group, and each consultation that asks it, with the question, whether an
 * answer is taken now and the answer already given. Only the household the token binds
 * the caller to ({@link ConsultationAccess#household}); nothing about any other
 * household, so a resident app and the console show the same and nothing more.
 */
@Component
class ResidentHouseholds {

	private final ConsultationAccess access;

	private final Consultations consultations;

	private final Households households;

	private final Answers answers;

	private final ResultBoard board;

	private final UnitRegistry registry;

	private final Clock clock;

	ResidentHouseholds(ConsultationAccess access, Consultations consultations, Households households, Answers answers,
			ResultBoard board, UnitRegistry registry, Clock clock) {
		this.access = access;
		this.consultations = consultations;
		this.households = households;
		this.answers = answers;
		this.board = board;
		this.registry = registry;
		this.clock = clock;
	}

	/** The caller's household; null when the token binds them to none. */
	@PreAuthorize(Roles.IS_RESIDENT)
	@Nullable MyHousehold mine() {
		String householdId = this.access.household();
		if (householdId == null) {
			return null;
		}
		LocalDate today = VietnamTime.today(this.clock);
		Instant now = this.clock.instant();
		Households.Household registered = this.households.registered(householdId);
		List<MyConsultation> asked = new ArrayList<>();
		for (Consultation consultation : this.consultations.findAll()) {
			MyConsultation mine = ask(consultation, householdId, registered, now);
			if (mine != null) {
				asked.add(mine);
			}
		}
		return new MyHousehold(householdId,
				(registered != null) ? this.registry.view(registered.communeId(), today) : null,
				(registered != null) ? this.registry.view(registered.groupId(), today) : null, asked);
	}

	/**
	 * What {@code consultation} asks the household, or null when it does not: once open,
	 * the frozen register says (the household may have moved since); before, today's
	 * register and the consultation's communes.
	 */
	private @Nullable MyConsultation ask(Consultation consultation, String householdId,
			Households.@Nullable Household registered, Instant now) {
		Households.Household frozen = (consultation.status() == ConsultationStatus.SCHEDULED) ? null
				: this.households.frozen(consultation.id(), householdId);
		Households.Household household = (consultation.status() == ConsultationStatus.SCHEDULED) ? registered : frozen;
		Consultation.ConsultedUnit unit = (household != null) ? consultation.unit(household.communeId()) : null;
		if (household == null || unit == null) {
			return null;
		}
		Answers.Answer answer = this.answers.find(consultation.id(), householdId);
		String reason = null;
		if (answer != null) {
			reason = "ALREADY_ANSWERED";
		}
		else if (!consultation.isOpenAt(now)) {
			reason = "OUTSIDE_WINDOW";
		}
		else if (this.board.of(consultation).paperVerified(household.groupId())) {
			// As answerConsultation: the group's paper count holds for its households.
			reason = "GROUP_TALLY_VERIFIED";
		}
		Map<String, Object> question = new LinkedHashMap<>();
		question.put("unit", this.registry.view(unit.unitId(), consultation.referenceDate()));
		question.put("successors", unit.successors());
		question.put("nameChoices", unit.nameChoices());
		question.put("households", this.board.of(consultation).commune(unit.unitId()).households());
		return new MyConsultation(consultation, question, reason == null, reason, answer);
	}

	/**
	 * @param householdId the caller's household (opaque id)
	 * @param unit its commune in today's register; null when not registered
	 * @param group its residential group, likewise
	 * @param consultations the consultations that ask it, newest first
	 */
	record MyHousehold(String householdId, @Nullable Unit unit, @Nullable Unit group,
			List<MyConsultation> consultations) {
	}

	/**
	 * @param consultation the consultation
	 * @param question the household's commune in it, as {@code ConsultedUnit}
	 * @param mayAnswer whether an answer is taken now
	 * @param reason why not, as {@code answerConsultation}'s codes; null when it is
	 * @param answer the answer given, if any
	 */
	record MyConsultation(Consultation consultation, Map<String, Object> question, boolean mayAnswer,
			@Nullable String reason, Answers.@Nullable Answer answer) {
	}

}

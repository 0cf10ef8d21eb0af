package vn.ydan.api.consultations;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.ydan.api.plans.ConsultationVerdicts;
import vn.ydan.api.plans.PlanOutline;
import vn.ydan.api.plans.PlanOutlines;

/**
 * What residents said of a plan, round by round (a commune asked again in a second round
 * is judged by that round): the communes that rejected it, and the names they chose.
 */
@Component
class PlanVerdicts implements ConsultationVerdicts {

	private final Consultations consultations;

	private final ResultBoard board;

	private final PlanOutlines plans;

	PlanVerdicts(Consultations consultations, ResultBoard board, PlanOutlines plans) {
		this.plans = plans;
		this.consultations = consultations;
		this.board = board;
	}

	@Override
	public Map<String, String> chosenNames(String planId) {
		PlanOutline plan = this.plans.outline(planId);
		if (plan == null) {
			return Map.of();
		}
		Map<String, Consultation.ConsultedUnit> asked = new HashMap<>();
		Map<String, ResultBoard.Figures> figures = new HashMap<>();
		for (Consultation consultation : published(planId)) {
			ResultBoard.Board counts = this.board.of(consultation);
			for (Consultation.ConsultedUnit unit : consultation.units()) {
				asked.put(unit.unitId(), unit);
				figures.put(unit.unitId(), counts.commune(unit.unitId()));
			}
		}
		Map<String, String> chosen = new java.util.LinkedHashMap<>();
		for (WinningNames.Winner winner : WinningNames.of(plan.newUnits(), asked, figures)) {
			if (winner.name() != null) {
				chosen.put(winner.unitKey(), winner.name());
			}
		}
		return chosen;
	}

	/** The plan's published consultations, first round first. */
	private List<Consultation> published(String planId) {
		return this.consultations.findAll()
			.stream()
			.filter((consultation) -> consultation.planId().equals(planId))
			.filter((consultation) -> consultation.status() == ConsultationStatus.PUBLISHED)
			.sorted(Comparator.comparingInt(Consultation::round))
			.toList();
	}

	@Override
	public Set<String> rejectedUnitIds(String planId) {
		List<Consultation> published = published(planId);
		Map<String, Consultation.Outcome> latest = new HashMap<>();
		for (Consultation consultation : published) {
			ResultBoard.Board counts = this.board.of(consultation);
			for (Consultation.ConsultedUnit unit : consultation.units()) {
				latest.put(unit.unitId(), consultation.outcome(counts.commune(unit.unitId())));
			}
		}
		Set<String> rejected = new HashSet<>();
		latest.forEach((unitId, outcome) -> {
			if (outcome == Consultation.Outcome.FAIL) {
				rejected.add(unitId);
			}
		});
		return rejected;
	}

}

package vn.ydan.api.consultations;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.ydan.api.plans.ConsultationVerdicts;

/**
 * The communes whose residents rejected a plan, round by round: a commune asked again in
 * a second round is judged by that round.
 */
@Component
class PlanVerdicts implements ConsultationVerdicts {

	private final Consultations consultations;

	private final ResultBoard board;

	PlanVerdicts(Consultations consultations, ResultBoard board) {
		this.consultations = consultations;
		this.board = board;
	}

	@Override
	public Set<String> rejectedUnitIds(String planId) {
		List<Consultation> published = this.consultations.findAll()
			.stream()
			.filter((consultation) -> consultation.planId().equals(planId))
			.filter((consultation) -> consultation.status() == ConsultationStatus.PUBLISHED)
			.sorted(Comparator.comparingInt(Consultation::round))
			.toList();
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

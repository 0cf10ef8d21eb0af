package vn.ydan.api.consultations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.ydan.api.plans.PlanOutline;
import vn.ydan.api.plans.PlanOutlines;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

/**
 * Results as the API shows them, computed from the live counts ({@link ResultBoard}); a
 * published consultation's are computed once and kept, since they no longer change.
 * <p>
 * Before publication results are not public, and each caller sees only his part of them
 * ({@link #forCaller}): administrators everything; officials and clerks the communes
 * within their scope, with the roll-ups (districts, provinces, total) computed over those
 * communes only (see {@code docs/decisions/0008-scoped-roles.md}).
 */
@Component
class ResultViews {

	private final ResultBoard board;

	private final ConsultationService service;

	private final UnitRegistry registry;

	private final PlanOutlines plans;

	private final Map<String, Results> published = new ConcurrentHashMap<>();

	ResultViews(ResultBoard board, ConsultationService service, UnitRegistry registry, PlanOutlines plans) {
		this.plans = plans;
		this.board = board;
		this.service = service;
		this.registry = registry;
	}

	/** All the results, whoever asks: for published ones, or for callers checked. */
	Results of(Consultation consultation) {
		if (consultation.status() == ConsultationStatus.PUBLISHED) {
			return this.published.computeIfAbsent(consultation.id(), (id) -> compute(consultation));
		}
		return compute(consultation);
	}

	/**
	 * The results the caller may see: all once published; before, null for callers who
	 * may see none ({@link ConsultationService#maySeeUnpublished}), else those of the
	 * communes in the caller's scope
	 * ({@link ConsultationService#communesSeenUnpublished}).
	 */
	@Nullable Results forCaller(Consultation consultation) {
		if (consultation.status() == ConsultationStatus.PUBLISHED) {
			return of(consultation);
		}
		if (!this.service.maySeeUnpublished(consultation)) {
			return null;
		}
		return restrict(consultation, compute(consultation), this.service.communesSeenUnpublished(consultation));
	}

	/**
	 * The results of the given communes only, rolled up over them (districts and
	 * provinces without any of them left out); published results and a null set are
	 * returned whole.
	 * @param consultation the consultation the results are of
	 * @param all its results, all communes
	 * @param communeIds the communes kept (internal ids), null for all
	 */
	Results restrict(Consultation consultation, Results all, @Nullable Set<String> communeIds) {
		if (all.published() || communeIds == null) {
			return all;
		}
		List<CommuneResult> kept = all.communes()
			.stream()
			.filter((commune) -> communeIds.contains(commune.communeId()))
			.toList();
		if (kept.size() == all.communes().size()) {
			return all;
		}
		return assemble(consultation, kept);
	}

	private Results compute(Consultation consultation) {
		LocalDate date = consultation.referenceDate();
		ResultBoard.Board counts = this.board.of(consultation);
		Map<String, ResultBoard.Figures> figures = counts.communes();
		List<CommuneResult> communes = new ArrayList<>();
		for (Consultation.ConsultedUnit unit : consultation.units()) {
			ResultBoard.Figures commune = figures.get(unit.unitId());
			communes.add(new CommuneResult(unit.unitId(), this.registry.view(unit.unitId(), date), commune,
					consultation.outcome(commune), consultation.certifications().get(unit.unitId()), unit.questions()));
		}
		return assemble(consultation, communes);
	}

	private Results assemble(Consultation consultation, List<CommuneResult> communes) {
		LocalDate date = consultation.referenceDate();
		Map<String, CommuneResult> byId = new java.util.HashMap<>();
		communes.forEach((commune) -> byId.put(commune.communeId(), commune));
		List<RollUp> districts = new ArrayList<>();
		List<RollUp> provinces = new ArrayList<>();
		Map<String, List<String>> below = this.service.hierarchy(consultation);
		for (String parentId : below.keySet()) {
			UnitRecord parent = this.registry.unit(parentId, date);
			if (parent == null) {
				continue;
			}
			List<CommuneResult> under = communesBelow(parentId, below, byId);
			if (under.isEmpty()) {
				continue;
			}
			Consultation.Certification certification = consultation.certifications().get(parentId);
			RollUp rollUp = rollUp(this.registry.view(parentId, date), under, certification != null, certification);
			if (parent.level() == UnitLevel.DISTRICT) {
				districts.add(rollUp);
			}
			else if (parent.level() == UnitLevel.PROVINCE) {
				provinces.add(rollUp);
			}
		}
		RollUp total = rollUp(null, communes, consultation.status().compareTo(ConsultationStatus.CERTIFIED) >= 0, null);
		PlanOutline plan = this.plans.outline(consultation.planId());
		Map<String, Consultation.ConsultedUnit> asked = new java.util.LinkedHashMap<>();
		Map<String, ResultBoard.Figures> shown = new java.util.HashMap<>();
		for (CommuneResult commune : communes) {
			Consultation.ConsultedUnit unit = consultation.unit(commune.communeId());
			if (unit != null) {
				asked.put(commune.communeId(), unit);
				shown.put(commune.communeId(), commune.figures());
			}
		}
		List<WinningNames.Winner> winners = (plan != null) ? WinningNames.of(plan.newUnits(), asked, shown) : List.of();
		return new Results(consultation.status() == ConsultationStatus.PUBLISHED, communes, districts, provinces, total,
				winners);
	}

	private static List<CommuneResult> communesBelow(String parentId, Map<String, List<String>> below,
			Map<String, CommuneResult> byId) {
		List<CommuneResult> found = new ArrayList<>();
		for (String child : below.getOrDefault(parentId, List.of())) {
			CommuneResult commune = byId.get(child);
			if (commune != null) {
				found.add(commune);
			}
			else {
				found.addAll(communesBelow(child, below, byId));
			}
		}
		return found;
	}

	private static RollUp rollUp(@Nullable Unit unit, List<CommuneResult> communes, boolean certified,
			Consultation.@Nullable Certification certification) {
		int passed = 0;
		int failed = 0;
		int pending = 0;
		long households = 0;
		long tookPart = 0;
		long agree = 0;
		long disagree = 0;
		for (CommuneResult commune : communes) {
			switch (commune.outcome()) {
				case PASS -> passed++;
				case FAIL -> failed++;
				default -> pending++;
			}
			households += commune.households();
			tookPart += commune.tookPart();
			agree += commune.agree();
			disagree += commune.disagree();
		}
		return new RollUp(unit, communes.size(), passed, failed, pending, households, tookPart, agree, disagree,
				certified, certification);
	}

	/**
	 * @param published whether final and public
	 * @param communes per commune
	 * @param districts per district
	 * @param provinces per province
	 * @param total all communes
	 * @param winningNames the name chosen per new unit whose name was asked
	 */
	record Results(boolean published, List<CommuneResult> communes, List<RollUp> districts, List<RollUp> provinces,
			RollUp total, List<WinningNames.Winner> winningNames) {
	}

	/**
	 * The GraphQL {@code CommuneResult}.
	 *
	 * @param communeId the commune's internal id
	 * @param unit the commune
	 * @param figures its counts
	 * @param outcome pass, fail or pending
	 * @param certification who certified it and when, once certified
	 * @param asked the questions of its form
	 */
	record CommuneResult(String communeId, @Nullable Unit unit, ResultBoard.Figures figures,
			Consultation.Outcome outcome, Consultation.@Nullable Certification certification, List<Question> asked) {

		/** Every question of its form with its counts, in the form's order. */
		public List<QuestionResult> questions() {
			List<QuestionResult> results = new ArrayList<>();
			for (Question question : this.asked) {
				long agreeing = 0;
				long disagreeing = 0;
				Map<String, Long> chosen = Map.of();
				switch (question.key()) {
					case ARRANGEMENT -> {
						agreeing = this.figures.agree();
						disagreeing = this.figures.disagree();
					}
					case NAME -> chosen = this.figures.names();
					default -> {
						Map<String, Long> answers = this.figures.further().getOrDefault(question.key(), Map.of());
						if (question.isChoice()) {
							chosen = answers;
						}
						else {
							agreeing = answers.getOrDefault("true", 0L);
							disagreeing = answers.getOrDefault("false", 0L);
						}
					}
				}
				List<NameCount> choices = new ArrayList<>();
				String leading = null;
				long top = 0;
				for (String choice : question.choices()) {
					long count = chosen.getOrDefault(choice, 0L);
					choices.add(new NameCount(choice, count));
					if (count > top) {
						top = count;
						leading = choice;
					}
				}
				results
					.add(new QuestionResult(question.key(), question.text(), agreeing, disagreeing, choices, leading));
			}
			return results;
		}

		public boolean certified() {
			return this.certification != null;
		}

		public @Nullable String certifiedBy() {
			return (this.certification != null) ? this.certification.by() : null;
		}

		public @Nullable String certifiedAt() {
			return (this.certification != null) ? this.certification.at().toString() : null;
		}

		public long households() {
			return this.figures.households();
		}

		public long tookPart() {
			return this.figures.tookPart();
		}

		public long online() {
			return this.figures.online();
		}

		public long paperReturned() {
			return this.figures.paperReturned();
		}

		public long agree() {
			return this.figures.agree();
		}

		public long disagree() {
			return this.figures.disagree();
		}

		public long invalid() {
			return this.figures.invalid();
		}

		public double agreeShare() {
			return share(this.figures.agree());
		}

		public double turnout() {
			return share(this.figures.tookPart());
		}

		public int groups() {
			return this.figures.groups();
		}

		public int groupsReported() {
			return this.figures.groupsReported();
		}

		public List<NameCount> names() {
			return this.figures.names()
				.entrySet()
				.stream()
				.map((entry) -> new NameCount(entry.getKey(), entry.getValue()))
				.toList();
		}

		private double share(long count) {
			return (this.figures.households() > 0) ? Math.round(count * 10000.0 / this.figures.households()) / 100.0
					: 0;
		}

	}

	/**
	 * @param name a name
	 * @param count how many chose it
	 */
	record NameCount(String name, long count) {
	}

	/**
	 * The GraphQL {@code QuestionResult}.
	 *
	 * @param question which question
	 * @param text the question
	 * @param agree households that agree (agree / disagree questions)
	 * @param disagree households that disagree
	 * @param choices every choice offered with its count (choices)
	 * @param leading the choice most chosen (ties: the plan's order), null when none
	 */
	record QuestionResult(Question.Key question, String text, long agree, long disagree, List<NameCount> choices,
			@Nullable String leading) {
	}

	/**
	 * The GraphQL {@code RollUp}.
	 *
	 * @param unit the unit, null for the total
	 * @param communes communes asked
	 * @param passed communes that pass
	 * @param failed communes that fail
	 * @param pending communes pending
	 * @param households households
	 * @param tookPart households that took part
	 * @param agree households that agree
	 * @param disagree households that disagree
	 * @param certified whether certified (the total: the whole consultation)
	 * @param certification who certified the unit and when, once certified
	 */
	record RollUp(@Nullable Unit unit, int communes, int passed, int failed, int pending, long households,
			long tookPart, long agree, long disagree, boolean certified,
			Consultation.@Nullable Certification certification) {

		public @Nullable String certifiedBy() {
			return (this.certification != null) ? this.certification.by() : null;
		}

		public @Nullable String certifiedAt() {
			return (this.certification != null) ? this.certification.at().toString() : null;
		}

	}

}

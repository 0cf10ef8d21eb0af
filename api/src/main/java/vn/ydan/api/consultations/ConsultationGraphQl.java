package vn.ydan.api.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.ydan.api.access.Roles;
import vn.ydan.api.consultations.Payloads.AnswerPayload;
import vn.ydan.api.consultations.Payloads.ConsultationPayload;
import vn.ydan.api.consultations.Payloads.HouseholdImportResult;
import vn.ydan.api.consultations.Payloads.TallyPayload;
import vn.ydan.api.protocol.BadRequestException;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.RegistryChanges;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.protocol.VietnamTime;

/**
 * The consultation queries, mutations and fields; who may call what is decided by
 * {@link ConsultationService}.
 */
@Controller
class ConsultationGraphQl {

	private final ConsultationService service;

	private final ResultViews results;

	private final ResultBoard board;

	private final Tallies tallies;

	private final ConsultationAccess access;

	private final UnitRegistry registry;

	private final Clock clock;

	private final RegistryChanges changes;

	ConsultationGraphQl(ConsultationService service, ResultViews results, ResultBoard board, Tallies tallies,
			ConsultationAccess access, UnitRegistry registry, Clock clock, RegistryChanges changes) {
		this.changes = changes;
		this.service = service;
		this.results = results;
		this.board = board;
		this.tallies = tallies;
		this.access = access;
		this.registry = registry;
		this.clock = clock;
	}

	@QueryMapping
	List<Consultation> consultations() {
		return this.service.all();
	}

	@QueryMapping
	@Nullable Consultation consultation(@Argument String id) {
		return this.service.find(id);
	}

	@SchemaMapping(typeName = "Consultation")
	String statusName(Consultation consultation) {
		return consultation.status().label();
	}

	@SchemaMapping(typeName = "Consultation")
	String opensAt(Consultation consultation) {
		return consultation.opensAt().toString();
	}

	@SchemaMapping(typeName = "Consultation")
	String closesAt(Consultation consultation) {
		return consultation.closesAt().toString();
	}

	@SchemaMapping(typeName = "Consultation")
	Map<String, Object> passRule(Consultation consultation) {
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("operator", consultation.rule().operator());
		rule.put("percent", consultation.rule().percent());
		rule.put("description", consultation.rule().describe());
		return rule;
	}

	@SchemaMapping(typeName = "Consultation")
	List<Map<String, Object>> units(Consultation consultation) {
		LocalDate date = consultation.referenceDate();
		ResultBoard.Board counts = this.board.of(consultation);
		List<Map<String, Object>> units = new ArrayList<>();
		for (Consultation.ConsultedUnit unit : consultation.units()) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("unit", this.registry.view(unit.unitId(), date));
			view.put("successors", unit.successors());
			view.put("nameChoices", unit.nameChoices());
			view.put("households", counts.commune(unit.unitId()).households());
			view.put("questions",
					unit.questions()
						.stream()
						.map((question) -> Map.of("question", question.key(), "text", question.text(), "choice",
								question.isChoice(), "choices", question.choices()))
						.toList());
			units.add(view);
		}
		return units;
	}

	@SchemaMapping(typeName = "Consultation")
	long answerCount(Consultation consultation) {
		// From the live counts: the console asks every second while a consultation is
		// open,
		// and the store would scan every answer each time.
		return this.board.of(consultation).online();
	}

	@SchemaMapping(typeName = "Consultation")
	ResultViews.@Nullable Results results(Consultation consultation) {
		// Before publication, only the communes within the caller's scope.
		return this.results.forCaller(consultation);
	}

	@SchemaMapping(typeName = "Consultation")
	List<Map<String, Object>> tallies(Consultation consultation, @Argument @Nullable String unitId) {
		String communeId = (unitId != null) ? this.registry.idOf(unitId) : null;
		LocalDate date = consultation.referenceDate();
		List<Map<String, Object>> views = new ArrayList<>();
		for (Tally tally : this.tallies.all(consultation.id())) {
			if ((communeId == null || communeId.equals(tally.communeId())) && this.access.mayTally(tally.communeId())) {
				views.add(tallyView(tally, date));
			}
		}
		return views;
	}

	@MutationMapping
	ConsultationPayload createConsultation(@Argument CreateConsultationInput input) {
		return this.service.create(input.planId(), input.title(), instant(input.opensAt(), "opensAt"),
				instant(input.closesAt(), "closesAt"), input.operator(), input.percent(), input.previousId(),
				(input.unitIds() != null) ? input.unitIds().stream().map(this.registry::idOf).toList() : null);
	}

	@MutationMapping
	ConsultationPayload openConsultation(@Argument String id) {
		return this.service.open(id);
	}

	@MutationMapping
	ConsultationPayload closeConsultation(@Argument String id, @Argument @Nullable String reason) {
		return this.service.close(id, reason);
	}

	@MutationMapping
	HouseholdImportResult importHouseholds(@Argument ImportHouseholdsInput input) {
		return this.service.importHouseholds(input.csv(), input.asOf());
	}

	@MutationMapping
	AnswerPayload answerConsultation(@Argument AnswerConsultationInput input) {
		return this.service.answer(input.consultationId(),
				(input.unitId() != null) ? this.registry.idOf(input.unitId()) : null, input.agree(), input.nameChoice(),
				(input.answers() != null) ? input.answers() : List.of(), input.idempotencyKey());
	}

	@MutationMapping
	TallyPayload enterTally(@Argument EnterTallyInput input) {
		String groupId = this.registry.idOf(input.groupId());
		PaperCounts counts = input.counts().toCounts();
		return (input.reason() != null)
				? this.service.correctTally(input.consultationId(), groupId, counts, input.reason())
				: this.service.enterTally(input.consultationId(), groupId, counts);
	}

	@MutationMapping
	TallyPayload settleTally(@Argument SettleTallyInput input) {
		return this.service.settleTally(input.consultationId(), this.registry.idOf(input.groupId()),
				input.counts().toCounts(), input.reason());
	}

	@SchemaMapping(typeName = "Consultation")
	List<Map<String, Object>> tallyClerks(Consultation consultation) {
		return this.service.clerkFigures(consultation)
			.stream()
			.map((figures) -> Map.<String, Object>of("clerk", figures.clerk(), "entries", figures.entries(),
					"mismatched", figures.mismatched(), "mismatchRate", figures.mismatchRate()))
			.toList();
	}

	@MutationMapping
	ConsultationPayload certifyResults(@Argument String consultationId, @Argument String unitId) {
		return this.service.certify(consultationId, this.registry.idOf(unitId));
	}

	@MutationMapping
	ConsultationPayload reopenCertification(@Argument String consultationId, @Argument String unitId,
			@Argument String reason) {
		return this.service.reopen(consultationId, this.registry.idOf(unitId), reason);
	}

	@MutationMapping
	ConsultationPayload publishResults(@Argument String consultationId) {
		ConsultationPayload payload = this.service.publish(consultationId);
		Consultation published = payload.consultation();
		if (published != null && published.status() == ConsultationStatus.PUBLISHED) {
			// The public change feed (registryChanges); once per consultation.
			this.changes.resultsPublished(published.id(), published.planId(), published.title());
		}
		return payload;
	}

	@SchemaMapping(typeName = "ConsultationAnswer")
	@Nullable Unit unit(Answers.Answer answer) {
		return this.registry.view(answer.communeId(), VietnamTime.today(this.clock));
	}

	@SchemaMapping(typeName = "ConsultationAnswer")
	String at(Answers.Answer answer) {
		return answer.at().toString();
	}

	@SchemaMapping(typeName = "ConsultationAnswer")
	List<QuestionAnswer> answers(Answers.Answer answer) {
		List<QuestionAnswer> answers = new ArrayList<>();
		answers.add(new QuestionAnswer(Question.Key.ARRANGEMENT, answer.agree(), null));
		if (answer.nameChoice() != null) {
			answers.add(new QuestionAnswer(Question.Key.NAME, null, answer.nameChoice()));
		}
		answer.further()
			.forEach((key, value) -> answers.add(key.isChoiceQuestion() ? new QuestionAnswer(key, null, value)
					: new QuestionAnswer(key, Boolean.valueOf(value), null)));
		answers.sort(java.util.Comparator.comparing(QuestionAnswer::question));
		return answers;
	}

	@SchemaMapping(typeName = "TallyPayload", field = "tally")
	@Nullable Map<String, Object> tally(TallyPayload payload) {
		if (payload.tally() == null) {
			return null;
		}
		return tallyView(payload.tally(), VietnamTime.today(this.clock));
	}

	private Map<String, Object> tallyView(Tally tally, LocalDate date) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("group", this.registry.view(tally.groupId(), date));
		view.put("state", tally.state());
		// Blind double entry: until verified, a clerk sees only their own entries; a
		// supervisor (who manages the commune) sees both sides of a mismatch to settle
		// it.
		boolean all = tally.state() == Tally.State.VERIFIED
				|| (tally.state() == Tally.State.MISMATCH && this.service.seesAllEntries(tally));
		String caller = ConsultationAccess.actor();
		view.put("entries", tally.entries()
			.stream()
			.filter((entry) -> all || entry.by().equals(caller))
			.map((entry) -> Map.of("by", entry.by(), "at", entry.at().toString(), "counts", counts(entry.counts())))
			.toList());
		view.put("verified", (tally.verified() != null) ? counts(tally.verified()) : null);
		view.put("corrections", tally.corrections().stream().map(ConsultationGraphQl::correction).toList());
		view.put("pendingCorrection",
				(tally.pendingCorrection() != null) ? correction(tally.pendingCorrection()) : null);
		Tally.Settlement settlement = tally.settlement();
		view.put("settlement", (settlement != null) ? Map.of("by", settlement.by(), "at", settlement.at().toString(),
				"reason", settlement.reason(), "counts", counts(settlement.counts())) : null);
		return view;
	}

	private static Map<String, Object> correction(Tally.Correction correction) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("by", correction.by());
		view.put("at", correction.at().toString());
		view.put("reason", correction.reason());
		view.put("before", counts(correction.before()));
		view.put("after", counts(correction.after()));
		view.put("confirmedBy", correction.confirmedBy());
		view.put("confirmedAt", (correction.confirmedAt() != null) ? correction.confirmedAt().toString() : null);
		return view;
	}

	private static Map<String, Object> counts(PaperCounts counts) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("issued", counts.issued());
		view.put("returned", counts.returned());
		view.put("valid", counts.valid());
		view.put("invalid", counts.invalid());
		view.put("agree", counts.agree());
		view.put("disagree", counts.disagree());
		view.put("names",
				counts.names()
					.entrySet()
					.stream()
					.map((entry) -> Map.of("name", entry.getKey(), "count", entry.getValue()))
					.toList());
		List<Map<String, Object>> questions = new ArrayList<>();
		counts.further().forEach((key, answers) -> {
			boolean choice = key.isChoiceQuestion();
			questions.add(Map.of("question", key, "agree", choice ? 0 : answers.getOrDefault(PaperCounts.AGREE, 0),
					"disagree", choice ? 0 : answers.getOrDefault(PaperCounts.DISAGREE, 0), "choices",
					choice ? answers.entrySet()
						.stream()
						.map((entry) -> Map.of("name", entry.getKey(), "count", entry.getValue()))
						.toList() : List.of()));
		});
		view.put("questions", questions);
		return view;
	}

	private static Instant instant(String text, String field) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(field + " must be an ISO-8601 date-time with an offset, e.g. "
					+ "2025-04-18T07:00:00+07:00: " + text);
		}
	}

	record CreateConsultationInput(String planId, String title, String opensAt, String closesAt,
			PassRule.@Nullable Operator operator, @Nullable Double percent, @Nullable String previousId,
			@Nullable List<String> unitIds) {
	}

	record ImportHouseholdsInput(String csv, @Nullable LocalDate asOf) {
	}

	record AnswerConsultationInput(String consultationId, @Nullable String unitId, boolean agree,
			@Nullable String nameChoice, @Nullable List<QuestionAnswer> answers, String idempotencyKey) {
	}

	record NameCountInput(String name, int count) {
	}

	record PaperCountsInput(int issued, int returned, int valid, int invalid, int agree, int disagree,
			@Nullable List<NameCountInput> names, @Nullable List<QuestionCountsInput> questions) {

		PaperCounts toCounts() {
			// Names as typed, NFC: then compared exactly with the choices.
			Map<Question.Key, Map<String, Integer>> further = new java.util.EnumMap<>(Question.Key.class);
			if (this.questions != null) {
				for (QuestionCountsInput question : this.questions) {
					Map<String, Integer> answers = further.computeIfAbsent(question.question(),
							(key) -> new LinkedHashMap<>());
					if (question.agree() != null) {
						answers.merge(PaperCounts.AGREE, question.agree(), Integer::sum);
					}
					if (question.disagree() != null) {
						answers.merge(PaperCounts.DISAGREE, question.disagree(), Integer::sum);
					}
					answers.putAll(byName(question.choices()));
				}
			}
			return new PaperCounts(this.issued, this.returned, this.valid, this.invalid, this.agree, this.disagree,
					byName(this.names), further);
		}

		private static Map<String, Integer> byName(@Nullable List<NameCountInput> names) {
			Map<String, Integer> byName = new LinkedHashMap<>();
			if (names != null) {
				names.forEach((name) -> byName.merge(Question.nfc(name.name()), name.count(), Integer::sum));
			}
			return byName;
		}

	}

	record QuestionCountsInput(Question.Key question, @Nullable Integer agree, @Nullable Integer disagree,
			@Nullable List<NameCountInput> choices) {
	}

	record EnterTallyInput(String consultationId, String groupId, PaperCountsInput counts, @Nullable String reason) {
	}

	record SettleTallyInput(String consultationId, String groupId, PaperCountsInput counts, String reason) {
	}

}

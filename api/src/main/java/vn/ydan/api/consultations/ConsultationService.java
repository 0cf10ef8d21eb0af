package vn.ydan.api.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import vn.ydan.api.access.Roles;
import vn.ydan.api.audit.AuditTrail;
import vn.ydan.api.audit.AuditedChange;
import vn.ydan.api.consultations.Payloads.AnswerPayload;
import vn.ydan.api.consultations.Payloads.ConsultationPayload;
import vn.ydan.api.consultations.Payloads.HouseholdImportResult;
import vn.ydan.api.consultations.Payloads.TallyPayload;
import vn.ydan.api.plans.PlanOutline;
import vn.ydan.api.plans.PlanOutlines;
import vn.ydan.api.store.Change;
import vn.ydan.api.store.Monitors;
import vn.ydan.api.protocol.UserError;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.protocol.VietnamTime;

/**
 * Running a consultation: the household register, creating it from a published plan,
 * opening it (the register freezes), answers, paper tallies, closing, certification level
 * by level, publication. Who may do what is checked here ({@link ConsultationAccess});
 * which step its state allows, by the {@link Consultation} itself. What each change did
 * goes to the mutation's audit entry: the state before and after, and the units it
 * concerns.
 */
@Service
class ConsultationService {

	private static final Logger log = LoggerFactory.getLogger(ConsultationService.class);

	private final Consultations consultations;

	private final Households households;

	private final Answers answers;

	private final Tallies tallies;

	private final ResultBoard board;

	private final ConsultationAccess access;

	private final PlanOutlines plans;

	private final UnitRegistry registry;

	private final Clock clock;

	private final AuditTrail audit;

	private final Monitors monitors = new Monitors(256);

	ConsultationService(Consultations consultations, Households households, Answers answers, Tallies tallies,
			ResultBoard board, ConsultationAccess access, PlanOutlines plans, UnitRegistry registry, Clock clock,
			AuditTrail audit) {
		this.consultations = consultations;
		this.households = households;
		this.answers = answers;
		this.tallies = tallies;
		this.board = board;
		this.access = access;
		this.plans = plans;
		this.registry = registry;
		this.clock = clock;
		this.audit = audit;
	}

	List<Consultation> all() {
		return this.consultations.findAll();
	}

	@Nullable Consultation find(String id) {
		return this.consultations.findById(id);
	}

	/**
	 * Registers households from a file ({@link HouseholdImport}): all or nothing, only in
	 * communes the caller manages, the groups as they stand on {@code asOf} (today when
	 * absent). Households already registered are updated, and moved only out of communes
	 * the caller also manages.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	HouseholdImportResult importHouseholds(String csv, @Nullable LocalDate asOf) {
		long started = System.nanoTime();
		LocalDate date = (asOf != null) ? asOf : VietnamTime.today(this.clock);
		HouseholdImport.Result read = HouseholdImport.read(csv, this.registry, date, this.access::mayManage,
				this.households::registeredCommunes);
		if (read.errors().isEmpty()) {
			AuditedChange entry = this.audit.current().summary("Nhập danh sách " + read.households().size() + " hộ");
			read.households()
				.stream()
				.map(Households.Household::communeId)
				.distinct()
				.forEach((commune) -> entry.touched(this.registry.globalIdOf(commune)));
			this.households.saveAll(read.households());
		}
		return new HouseholdImportResult(read.rows(), read.households().size(), read.errors(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A consultation of every commune the plan affects; a second round
	 * ({@code previousId}) asks only {@code unitIds}, which must have failed in the
	 * first.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload create(String planId, String title, Instant opensAt, Instant closesAt,
			PassRule.@Nullable Operator operator, @Nullable Double percent, @Nullable String previousId,
			@Nullable List<String> unitIds) {
		PlanOutline plan = this.plans.outline(planId);
		if (plan == null) {
			return ConsultationPayload.refused(UserError.of("planId", "Không tìm thấy phương án", "NOT_FOUND"));
		}
		checkManages(plan.scopeIds());
		String cleanTitle = title.strip();
		if (cleanTitle.isEmpty() || cleanTitle.length() > 300) {
			return ConsultationPayload
				.refused(UserError.of("title", "Tên đợt lấy ý kiến từ 1 đến 300 ký tự", "TITLE_INVALID"));
		}
		if (!closesAt.isAfter(opensAt)) {
			return ConsultationPayload
				.refused(UserError.of("closesAt", "Thời điểm kết thúc phải sau thời điểm bắt đầu", "WINDOW_INVALID"));
		}
		if (percent != null && !(percent >= 0 && percent <= 100)) {
			return ConsultationPayload.refused(UserError.of("percent", "Tỷ lệ từ 0 đến 100", "RULE_INVALID"));
		}
		if (previousId == null && !plan.openToConsultation()) {
			return ConsultationPayload.refused(UserError.of("planId",
					"Chỉ lấy ý kiến về phương án đã công bố (phương án đang: " + plan.status() + ")",
					"PLAN_NOT_PUBLISHED"));
		}
		LocalDate date = LocalDate.ofInstant(opensAt, VietnamTime.ZONE);
		List<Consultation.ConsultedUnit> units = new ArrayList<>();
		int round = 1;
		if (previousId != null) {
			Consultation previous = this.consultations.findById(previousId);
			if (previous == null || !previous.planId().equals(planId)) {
				return ConsultationPayload
					.refused(UserError.of("previousId", "Không tìm thấy đợt lấy ý kiến trước", "NOT_FOUND"));
			}
			if (!previous.hasCertifiedResults()) {
				return ConsultationPayload.refused(UserError.of("previousId",
						"Chỉ lấy ý kiến lại sau khi đợt trước đã xác nhận kết quả", "PREVIOUS_NOT_CERTIFIED"));
			}
			ResultBoard.Board counts = this.board.of(previous);
			for (String unitId : (unitIds != null) ? unitIds : List.<String>of()) {
				Consultation.ConsultedUnit unit = previous.unit(unitId);
				if (unit == null || previous.outcome(counts.commune(unitId)) != Consultation.Outcome.FAIL) {
					return ConsultationPayload.refused(UserError.of("unitIds",
							"Chỉ lấy ý kiến lại ở đơn vị không đạt trong đợt trước", "UNIT_DID_NOT_FAIL"));
				}
				units.add(unit);
			}
			if (units.isEmpty()) {
				return ConsultationPayload
					.refused(UserError.of("unitIds", "Chọn ít nhất một đơn vị để lấy ý kiến lại", "UNITS_MISSING"));
			}
			round = previous.round() + 1;
		}
		else {
			for (PlanOutline.Affected affected : plan.affected()) {
				UnitRecord unit = this.registry.unit(affected.unitId(), date);
				if (unit != null && unit.level() == UnitLevel.COMMUNE) {
					units.add(new Consultation.ConsultedUnit(unit.id(), affected.successors(),
							affected.alternativeNames(), seatChoices(plan, unit.id()),
							provinceMerger(plan, unit, date)));
				}
			}
			if (units.isEmpty()) {
				return ConsultationPayload.refused(UserError.of("planId",
						"Phương án không có đơn vị cấp xã nào còn hiệu lực vào ngày " + date, "UNITS_MISSING"));
			}
		}
		PassRule rule = (operator != null || percent != null)
				? new PassRule((operator != null) ? operator : PassRule.Operator.GT, (percent != null) ? percent : 50)
				: PassRule.DEFAULT;
		Consultation consultation = new Consultation(UUID.randomUUID().toString(), planId, cleanTitle, opensAt,
				closesAt, rule, ConsultationStatus.SCHEDULED, round, previousId, units, Map.of(), 1,
				ConsultationAccess.actor(), this.clock.instant());
		// One consultation per plan and round (a unique index): a retry gets the one
		// created first, a different request is refused.
		Consultation existing = this.consultations.findByPlanAndRound(planId, round);
		if (existing == null && !this.consultations.save(consultation, 0)) {
			existing = this.consultations.findByPlanAndRound(planId, round);
		}
		if (existing != null) {
			return existing.sameRequestAs(
					consultation)
							? ConsultationPayload.of(existing)
							: ConsultationPayload.refused(
									UserError.of("planId",
											"Phương án đã có đợt lấy ý kiến vòng " + round + " (\"" + existing.title()
													+ "\"); không tạo đợt thứ hai cho cùng vòng",
											"CONSULTATION_EXISTS"));
		}
		AuditedChange entry = this.audit.current()
			.summary("Tạo đợt lấy ý kiến \"" + cleanTitle + "\"")
			.after(Consultations.toDocument(consultation));
		plan.scopeIds().forEach((id) -> entry.touched(this.registry.globalIdOf(id)));
		return ConsultationPayload.of(consultation);
	}

	/** The seats offered for the new units that take {@code communeId}. */
	private static List<String> seatChoices(PlanOutline plan, String communeId) {
		List<String> seats = new ArrayList<>();
		for (PlanOutline.NewUnit unit : plan.newUnits()) {
			if (!unit.province() && unit.oldUnitIds().contains(communeId)) {
				unit.seatChoices().stream().filter((seat) -> !seats.contains(seat)).forEach(seats::add);
			}
		}
		return seats;
	}

	/**
	 * The merger of the commune's province, when the plan forms a province from it and at
	 * least one other (decision 0011: the new province is a unit of the plan whose
	 * components are the old provinces).
	 */
	private Consultation.@Nullable ProvinceMerger provinceMerger(PlanOutline plan, UnitRecord commune, LocalDate date) {
		String provinceId = null;
		UnitRecord above = commune;
		while (above != null && above.parentId() != null) {
			above = this.registry.unit(above.parentId(), date);
			if (above != null && above.level() == UnitLevel.PROVINCE) {
				provinceId = above.id();
				break;
			}
		}
		for (PlanOutline.NewUnit unit : plan.newUnits()) {
			if (unit.province() && unit.oldUnitIds().size() > 1 && unit.oldUnitIds().contains(provinceId)) {
				return new Consultation.ProvinceMerger(unit.fullName(), unit.nameChoices());
			}
		}
		return null;
	}

	/**
	 * Opens a scheduled consultation: the register of its communes freezes, and its plan
	 * goes into consultation.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload open(String id) {
		return change(id, "mở đợt lấy ý kiến", (consultation) -> {
			if (this.clock.instant().isBefore(consultation.opensAt())) {
				return refuse(
						"Đợt lấy ý kiến chỉ mở được từ " + consultation.opensAt() + " (thời điểm bắt đầu đã định)",
						"OPENS_LATER");
			}
			Change<Consultation, UserError> opened = consultation.open();
			if (opened.isRefused()) {
				return opened;
			}
			List<String> communes = communes(consultation);
			Map<String, Integer> register = this.households.countByCommune(communes);
			List<String> empty = communes.stream().filter((commune) -> !register.containsKey(commune)).toList();
			if (!empty.isEmpty()) {
				return refuse(empty.size() + " đơn vị chưa có danh sách hộ, ví dụ " + name(empty.get(0), consultation),
						"ELECTORATE_MISSING");
			}
			// Idempotent: should storing the step be refused, opening again freezes it
			// again.
			if (!this.households.freeze(consultation.id(), register)) {
				return refuse(
						"Đợt lấy ý kiến đang được mở (đóng băng danh sách hộ) ở một phiên bản api khác; hãy tải lại",
						"OPENING_ELSEWHERE");
			}
			return opened;
		});
	}

	/**
	 * Closes an open consultation. Before its {@code closesAt}, only with a reason
	 * (households still had time to answer): the reason goes to the audit entry.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload close(String id, @Nullable String reason) {
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (why != null && why.length() > 1000) {
			return ConsultationPayload.refused(UserError.of("reason", "Lý do tối đa 1000 ký tự", "REASON_INVALID"));
		}
		String what = (why != null) ? "kết thúc đợt lấy ý kiến (lý do: " + why + ")" : "kết thúc đợt lấy ý kiến";
		return change(id, what, (consultation) -> {
			Instant now = this.clock.instant();
			if (why == null && now.isBefore(consultation.closesAt())
					&& consultation.status() == ConsultationStatus.OPEN) {
				return Change.refused(UserError.of("reason",
						"Đợt lấy ý kiến đến " + consultation.closesAt() + " mới hết hạn; kết thúc sớm phải ghi lý do",
						"CLOSE_REASON_MISSING"));
			}
			return consultation.close();
		});
	}

	/**
	 * A household's answer, once per consultation whatever the channel: a second answer
	 * is refused and changes nothing; a retry with the same idempotency key gets the
	 * first answer back.
	 */
	@PreAuthorize(Roles.MAY_ANSWER_FOR_HOUSEHOLD)
	AnswerPayload answer(String consultationId, @Nullable String unitId, boolean agree, @Nullable String nameChoice,
			String idempotencyKey) {
		return answer(consultationId, unitId, agree, nameChoice, List.of(), idempotencyKey);
	}

	/**
	 * The same, with the answers to the form's other questions ({@code answers}: the
	 * seat, the province merger and name; the arrangement and the name may be repeated
	 * there, the same as {@code agree} and {@code nameChoice}). Every agree / disagree
	 * question asked must be answered ({@code QUESTION_UNANSWERED}); a choice may be left
	 * blank; a choice is one of those offered, compared exactly after NFC.
	 */
	@PreAuthorize(Roles.MAY_ANSWER_FOR_HOUSEHOLD)
	AnswerPayload answer(String consultationId, @Nullable String unitId, boolean agree, @Nullable String nameChoice,
			List<QuestionAnswer> more, String idempotencyKey) {
		QuestionAnswer.Answered given = QuestionAnswer.read(agree, nameChoice, more);
		if (given.refusal() != null) {
			return AnswerPayload.refused(given.refusal());
		}
		String choice = given.nameChoice();
		Map<Question.Key, String> further = given.further();
		String householdId = this.access.household();
		if (householdId == null) {
			return AnswerPayload
				.refused(UserError.of(null, "Tài khoản chưa được gắn với hộ gia đình nào", "HOUSEHOLD_MISSING"));
		}
		String key = idempotencyKey.strip();
		if (key.isEmpty() || key.length() > 100) {
			return AnswerPayload.refused(
					UserError.of("idempotencyKey", "Khoá chống gửi lặp từ 1 đến 100 ký tự", "IDEMPOTENCY_KEY_INVALID"));
		}
		Consultation consultation = this.consultations.findById(consultationId);
		if (consultation == null) {
			return AnswerPayload.refused(UserError.of("consultationId", "Không tìm thấy đợt lấy ý kiến", "NOT_FOUND"));
		}
		// The answer is looked for only when refused: a retry then gets the first answer
		// back, whatever changed since; the usual answer costs one read and one write.
		Instant now = this.clock.instant();
		if (!consultation.isOpenAt(now)) {
			return replayOr(consultationId, householdId, key, agree, choice, further,
					UserError.of(null,
							"Đợt lấy ý kiến không mở vào lúc này (từ " + consultation.opensAt() + " đến "
									+ consultation.closesAt() + ", đang: " + consultation.status().label() + ")",
							"OUTSIDE_WINDOW"));
		}
		Households.Household household = this.households.frozen(consultationId, householdId);
		if (household == null) {
			return replayOr(consultationId, householdId, key, agree, choice, further, UserError.of(null,
					"Hộ của bạn không có trong danh sách lấy ý kiến của đợt này", "NOT_IN_ELECTORATE"));
		}
		if (unitId != null && !unitId.equals(household.communeId())) {
			return replayOr(consultationId, householdId, key, agree, choice, further,
					UserError.of("unitId",
							"Hộ của bạn thuộc " + name(household.communeId(), consultation) + ", không phải đơn vị này",
							"WRONG_UNIT"));
		}
		Consultation.ConsultedUnit unit = consultation.unit(household.communeId());
		if (choice != null && (unit == null || !unit.nameChoices().contains(choice))) {
			return replayOr(consultationId, householdId, key, agree, choice, further, UserError.of("nameChoice",
					"Tên \"" + choice + "\" không có trong các tên được hỏi", "NAME_CHOICE_INVALID"));
		}
		UserError unanswered = (unit != null) ? QuestionAnswer.problem(unit, further) : null;
		if (unanswered != null) {
			return replayOr(consultationId, householdId, key, agree, choice, further, unanswered);
		}
		Answers.Answer answer = new Answers.Answer(consultationId, householdId, household.communeId(),
				household.groupId(), agree, choice, ConsultationAccess.actor(), ConsultationAccess.clientId(), now, key,
				further);
		// The board before the insert: built from the store, it must not count this
		// answer
		// and then be told of it again.
		ResultBoard.Board counts = this.board.of(consultation);
		// One answer per household across channels: once the group's paper count is
		// verified, it accounts for the group's households (paper and online together),
		// and a late online answer would count someone twice or break the reconciliation.
		if (counts.paperVerified(household.groupId())) {
			return replayOr(consultationId, householdId, key, agree, choice, further, UserError.of(null,
					"Tổ dân phố, thôn của hộ đã chốt số liệu phiếu giấy; không nhận thêm câu trả lời trực tuyến",
					"GROUP_TALLY_VERIFIED"));
		}
		// In a mutation the answer's audit entry is committed before the reply, and with
		// it the answer: one commit (and fsync) of the store per answer, not two.
		AuditedChange entry = this.audit.current();
		boolean stored = entry.commitsWithEntry() ? this.answers.insertCommittedLater(answer)
				: this.answers.insert(answer);
		if (!stored) {
			return replayOr(consultationId, householdId, key, agree, choice, further,
					UserError.of(null, "Hộ đã trả lời", "ALREADY_ANSWERED"));
		}
		counts.answered(answer.groupId(), agree, choice, further);
		entry.touched(this.registry.globalIdOf(answer.communeId())).touched(this.registry.globalIdOf(answer.groupId()));
		return new AnswerPayload(answer, false, List.of());
	}

	/**
	 * Enters a residential group's paper count: the first entry waits for a second one by
	 * another person; matching entries verify it; a mismatch shows both until an entry
	 * matches one of them.
	 */
	@PreAuthorize(Roles.IS_TALLIER)
	TallyPayload enterTally(String consultationId, String groupId, PaperCounts counts) {
		return tally(consultationId, groupId, counts, null);
	}

	/**
	 * Settles a mismatch by a supervisor's decision (an official or administrator who
	 * manages the commune): {@code counts} hold, with the reason.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	TallyPayload settleTally(String consultationId, String groupId, PaperCounts counts, String reason) {
		String why = reason.strip();
		if (why.isEmpty()) {
			return TallyPayload.refused(List.of(UserError.of("reason",
					"Quyết định số liệu khi hai lần nhập lệch phải ghi lý do", "REASON_MISSING")));
		}
		return checkedTally(consultationId, groupId, counts, this.access::mayManage,
				(communeId, counted) -> settle(consultationId, groupId, counts, why, communeId, counted));
	}

	private TallyPayload settle(String consultationId, String groupId, PaperCounts counts, String why, String communeId,
			ResultBoard.Board counted) {
		synchronized (lock(consultationId + "|" + groupId)) {
			Tally tally = this.tallies.find(consultationId, groupId);
			if (tally == null || tally.state() != Tally.State.MISMATCH) {
				return TallyPayload.refused(List
					.of(UserError.of(null, "Chỉ quyết định số liệu khi hai lần nhập lệch nhau", "NOT_MISMATCHED")));
			}
			Tally next = tally
				.settled(new Tally.Settlement(ConsultationAccess.actor(), this.clock.instant(), why, counts));
			AuditedChange entry = this.audit.current()
				.touched(this.registry.globalIdOf(communeId))
				.before(Tallies.toDocument(tally));
			if (!this.tallies.save(next, tally.revision())) {
				return TallyPayload.refused(List
					.of(UserError.of(null, "Số liệu vừa được người khác nhập; hãy tải lại", "VERSION_CONFLICT")));
			}
			entry.after(Tallies.toDocument(next));
			counted.paper(groupId, counts);
			return new TallyPayload(next, List.of());
		}
	}

	/**
	 * Per person who entered tallies in the communes the caller manages: how many
	 * entries, and how many of them disagree with the counts that hold (or, unsettled,
	 * with another entry).
	 */
	List<ClerkFigures> clerkFigures(Consultation consultation) {
		Map<String, int[]> byClerk = new java.util.TreeMap<>();
		for (Tally tally : this.tallies.all(consultation.id())) {
			if (!this.access.mayManage(tally.communeId())) {
				continue;
			}
			for (Tally.Entry entry : tally.entries()) {
				int[] figures = byClerk.computeIfAbsent(entry.by(), (clerk) -> new int[2]);
				figures[0]++;
				boolean wrong = (tally.verified() != null) ? !entry.counts().equals(tally.verified())
						: tally.state() == Tally.State.MISMATCH;
				if (wrong) {
					figures[1]++;
				}
			}
		}
		List<ClerkFigures> figures = new ArrayList<>();
		byClerk.forEach((clerk, counted) -> figures.add(new ClerkFigures(clerk, counted[0], counted[1])));
		return figures;
	}

	/**
	 * @param clerk who entered
	 * @param entries how many entries
	 * @param mismatched how many disagreed with the counts that hold
	 */
	record ClerkFigures(String clerk, int entries, int mismatched) {

		double mismatchRate() {
			return (this.entries == 0) ? 0 : (double) this.mismatched / this.entries;
		}

	}

	/** Whether the caller sees every entry of a tally not yet verified (a supervisor). */
	boolean seesAllEntries(Tally tally) {
		return this.access.mayManage(tally.communeId());
	}

	/**
	 * Corrects a verified tally, with a reason: the first call asks, a second person
	 * confirming the same counts applies it; the counts before are kept.
	 */
	@PreAuthorize(Roles.IS_TALLIER)
	TallyPayload correctTally(String consultationId, String groupId, PaperCounts counts, String reason) {
		if (reason.isBlank()) {
			return TallyPayload
				.refused(List.of(UserError.of("reason", "Sửa số liệu đã xác minh phải ghi lý do", "REASON_MISSING")));
		}
		return tally(consultationId, groupId, counts, reason.strip());
	}

	private TallyPayload tally(String consultationId, String groupId, PaperCounts counts, @Nullable String reason) {
		return checkedTally(consultationId, groupId, counts, this.access::mayTally,
				(communeId, counted) -> enter(consultationId, groupId, counts, reason, communeId, counted));
	}

	/**
	 * What every paper count passes before it is written: the consultation and the
	 * group's commune exist, the caller may act there ({@code mayAct}: a clerk's entry or
	 * a supervisor's decision), the commune still takes tallies, the counts add up.
	 */
	private TallyPayload checkedTally(String consultationId, String groupId, PaperCounts counts,
			Predicate<String> mayAct, BiFunction<String, ResultBoard.Board, TallyPayload> write) {
		Consultation consultation = this.consultations.findById(consultationId);
		if (consultation == null) {
			return TallyPayload
				.refused(List.of(UserError.of("consultationId", "Không tìm thấy đợt lấy ý kiến", "NOT_FOUND")));
		}
		// The group counted again from the store: its answers may have come through other
		// api instances.
		ResultBoard.Board counted = this.board.recounted(consultation, List.of(groupId));
		String communeId = counted.communeOf(groupId);
		if (communeId == null) {
			return TallyPayload.refused(List.of(UserError.of("groupId",
					"Tổ dân phố, thôn này không có trong danh sách lấy ý kiến", "NOT_IN_ELECTORATE")));
		}
		if (!mayAct.test(communeId)) {
			throw new AccessDeniedException("Commune " + communeId + " is outside the caller's scope");
		}
		UserError closed = consultation.refusesTallies(communeId, name(communeId, consultation));
		if (closed != null) {
			return TallyPayload.refused(List.of(closed));
		}
		List<UserError> problems = new ArrayList<>(
				counts.problems(counted.households(groupId), counted.online(groupId)));
		Consultation.ConsultedUnit asked = consultation.unit(communeId);
		if (asked != null) {
			problems.addAll(counts.problemsAgainst(asked));
		}
		if (!problems.isEmpty()) {
			return TallyPayload.refused(problems);
		}
		return write.apply(communeId, counted);
	}

	private TallyPayload enter(String consultationId, String groupId, PaperCounts counts, @Nullable String reason,
			String communeId, ResultBoard.Board counted) {
		String actor = ConsultationAccess.actor();
		synchronized (lock(consultationId + "|" + groupId)) {
			Tally tally = this.tallies.find(consultationId, groupId);
			Tally next;
			Instant now = this.clock.instant();
			if (reason != null) {
				if (tally == null || tally.state() != Tally.State.VERIFIED) {
					return TallyPayload.refused(List.of(UserError.of(null,
							"Chỉ sửa được số liệu đã xác minh; hãy nhập bình thường", "NOT_VERIFIED")));
				}
				Tally.Correction pending = tally.pendingCorrection();
				if (pending == null || pending.by().equals(actor) && !pending.after().equals(counts)) {
					// Asked for (or, by the one who asked, asked again otherwise).
					next = tally.correctionAsked(
							new Tally.Correction(actor, now, reason, tally.verified(), counts, null, null));
				}
				else if (pending.by().equals(actor)) {
					return TallyPayload.refused(List.of(UserError.of(null,
							"Bạn đã đề nghị sửa số liệu này; một người khác phải xác nhận", "SECOND_PERSON_REQUIRED")));
				}
				else if (!pending.after().equals(counts)) {
					return TallyPayload.refused(List.of(UserError.of("counts",
							"Đề nghị sửa đang chờ xác nhận có số liệu khác; xác nhận phải nhập đúng số liệu đó",
							"CORRECTION_MISMATCH")));
				}
				else {
					next = tally.corrected(actor, now);
				}
			}
			else if (tally == null) {
				next = Tally.first(consultationId, communeId, groupId, new Tally.Entry(actor, now, counts));
			}
			else if (tally.state() == Tally.State.VERIFIED) {
				return TallyPayload.refused(List
					.of(UserError.of(null, "Số liệu đã được xác minh; muốn sửa phải ghi lý do", "ALREADY_VERIFIED")));
			}
			else if (tally.state() == Tally.State.AWAITING_SECOND_ENTRY && tally.entries().get(0).by().equals(actor)) {
				return TallyPayload.refused(
						List.of(UserError.of(null, "Lần nhập thứ hai phải do người khác thực hiện", "SAME_CLERK")));
			}
			else {
				next = tally.with(new Tally.Entry(actor, now, counts));
			}
			AuditedChange entry = this.audit.current().touched(this.registry.globalIdOf(communeId));
			if (tally != null) {
				entry.before(Tallies.toDocument(tally));
			}
			if (!this.tallies.save(next, (tally != null) ? tally.revision() : 0)) {
				return TallyPayload.refused(List
					.of(UserError.of(null, "Số liệu vừa được người khác nhập; hãy tải lại", "VERSION_CONFLICT")));
			}
			entry.after(Tallies.toDocument(next));
			if (next.verified() != null) {
				counted.paper(groupId, next.verified());
			}
			return new TallyPayload(next, List.of());
		}
	}

	/**
	 * Certifies a unit's results: a commune when every group has reported, a district
	 * when all its communes are certified, a province when all its districts are. When
	 * every province is, the consultation is certified.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload certify(String id, String unitId) {
		if (!this.access.mayManage(unitId)) {
			throw new AccessDeniedException("Unit " + unitId + " is outside the caller's scope");
		}
		// Each official certifies the units of their own scope: a commune's official
		// certifies the commune, not the whole plan (checked above, not by the plan's
		// scope).
		return change(id, "xác nhận kết quả", false, (consultation) -> {
			UserError refusal = consultation.refusesToCertify(unitId, name(unitId, consultation));
			if (refusal != null) {
				return Change.refused(refusal);
			}
			LocalDate date = consultation.referenceDate();
			UnitRecord unit = this.registry.unit(unitId, date);
			if (unit == null) {
				return refuse("Không tìm thấy đơn vị", "NOT_FOUND");
			}
			Map<String, List<String>> below = hierarchy(consultation);
			if (unit.level() == UnitLevel.COMMUNE) {
				if (consultation.unit(unitId) == null) {
					return refuse(unit.fullName() + " không được lấy ý kiến trong đợt này", "NOT_CONSULTED");
				}
				// Counted again from the store: tallies and answers may have come through
				// other api instances.
				ResultBoard.Figures figures = this.board.recounted(consultation, unitId);
				if (figures.groupsReported() < figures.groups()) {
					return refuse(unit.fullName() + " còn " + (figures.groups() - figures.groupsReported())
							+ " tổ dân phố, thôn chưa có số liệu xác minh", "GROUPS_MISSING");
				}
			}
			else {
				List<String> children = below.get(unitId);
				if (children == null) {
					return refuse(unit.fullName() + " không có đơn vị nào được lấy ý kiến", "NOT_CONSULTED");
				}
				List<String> missing = children.stream().filter((child) -> !consultation.isCertified(child)).toList();
				if (!missing.isEmpty()) {
					return refuse(unit.fullName() + ": còn " + missing.size() + " đơn vị cấp dưới chưa xác nhận, ví dụ "
							+ name(missing.get(0), consultation), "CHILDREN_NOT_CERTIFIED");
				}
			}
			List<String> provinces = below.keySet().stream().filter((parent) -> {
				UnitRecord above = this.registry.unit(parent, date);
				return above != null && above.level() == UnitLevel.PROVINCE;
			}).toList();
			return Change.to(consultation.certified(new Consultation.Certification(unitId, unit.level(),
					ConsultationAccess.actor(), this.clock.instant()), provinces));
		});
	}

	/**
	 * Reopens a certified unit, with a reason: the first call asks, a second person (who
	 * also manages the unit) confirms, and the unit's certification is withdrawn with
	 * those above it that rested on it. Not once the results are published.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload reopen(String id, String unitId, String reason) {
		if (!this.access.mayManage(unitId)) {
			throw new AccessDeniedException("Unit " + unitId + " is outside the caller's scope");
		}
		String why = reason.strip();
		if (why.isEmpty()) {
			return ConsultationPayload
				.refused(UserError.of("reason", "Mở lại kết quả đã xác nhận phải ghi lý do", "REASON_MISSING"));
		}
		return change(id, "mở lại kết quả đã xác nhận (" + why + ")", false, (consultation) -> {
			if (consultation.status() == ConsultationStatus.PUBLISHED) {
				return refuse("Kết quả đã công bố: không mở lại được", "RESULTS_PUBLISHED");
			}
			Consultation.Certification certification = consultation.certifications().get(unitId);
			if (certification == null) {
				return refuse(name(unitId, consultation) + " chưa được xác nhận", "NOT_CERTIFIED");
			}
			String actor = ConsultationAccess.actor();
			Consultation.Reopening asked = certification.reopening();
			if (asked == null || asked.by().equals(actor) && !asked.reason().equals(why)) {
				return Change.to(consultation.withCertification(
						certification.withReopening(new Consultation.Reopening(actor, this.clock.instant(), why))));
			}
			if (asked.by().equals(actor)) {
				return refuse("Bạn đã đề nghị mở lại; một người khác phải xác nhận", "SECOND_PERSON_REQUIRED");
			}
			Set<String> withdrawn = new LinkedHashSet<>();
			withdrawn.add(unitId);
			Map<String, List<String>> below = hierarchy(consultation);
			boolean grew = true;
			while (grew) {
				grew = false;
				for (Map.Entry<String, List<String>> parent : below.entrySet()) {
					if (!withdrawn.contains(parent.getKey())
							&& parent.getValue().stream().anyMatch(withdrawn::contains)) {
						withdrawn.add(parent.getKey());
						grew = true;
					}
				}
			}
			return Change.to(consultation.reopened(withdrawn));
		});
	}

	/** Publishes certified results: they become public, and the plan consulted. */
	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload publish(String id) {
		return change(id, "công bố kết quả", Consultation::publish);
	}

	/** Whether the caller may see results before publication. */
	boolean maySeeUnpublished(Consultation consultation) {
		PlanOutline plan = this.plans.outline(consultation.planId());
		return this.access.isAdmin() || (plan != null && plan.scopeIds().stream().allMatch(this.access::mayManage))
				|| consultation.units().stream().anyMatch((unit) -> this.access.mayTally(unit.unitId()));
	}

	/**
	 * Of the results before publication, the communes the caller may see: null (all) for
	 * admins; for officials and clerks, the communes within their scope (those they may
	 * tally: {@link ConsultationAccess#mayTally}); none for anyone else.
	 */
	@Nullable Set<String> communesSeenUnpublished(Consultation consultation) {
		if (this.access.isAdmin()) {
			return null;
		}
		Set<String> seen = new HashSet<>();
		for (Consultation.ConsultedUnit unit : consultation.units()) {
			if (this.access.mayTally(unit.unitId())) {
				seen.add(unit.unitId());
			}
		}
		return seen;
	}

	/**
	 * Parent → consulted units below it (communes under districts, districts under
	 * provinces).
	 */
	Map<String, List<String>> hierarchy(Consultation consultation) {
		LocalDate date = consultation.referenceDate();
		Map<String, List<String>> below = new LinkedHashMap<>();
		Set<String> level = new LinkedHashSet<>(communes(consultation));
		while (!level.isEmpty()) {
			Set<String> parents = new LinkedHashSet<>();
			for (String id : level) {
				UnitRecord unit = this.registry.unit(id, date);
				if (unit != null && unit.parentId() != null) {
					below.computeIfAbsent(unit.parentId(), (key) -> new ArrayList<>()).add(id);
					parents.add(unit.parentId());
				}
			}
			level = parents;
		}
		return below;
	}

	/** The household's answer when it has one (see {@link #replay}), else the refusal. */
	private AnswerPayload replayOr(String consultationId, String householdId, String key, boolean agree,
			@Nullable String nameChoice, Map<Question.Key, String> further, UserError refusal) {
		Answers.Answer existing = this.answers.find(consultationId, householdId);
		return (existing != null) ? replay(existing, key, agree, nameChoice, further) : AnswerPayload.refused(refusal);
	}

	/**
	 * The first answer again for a retry: same key and same content. A key is bound to
	 * what was sent with it: the same key with another answer is a client's bug (or a
	 * changed mind sent as a retry), refused so that it does not pass for stored.
	 */
	private AnswerPayload replay(Answers.Answer first, String key, boolean agree, @Nullable String nameChoice,
			Map<Question.Key, String> further) {
		if (first.idempotencyKey().equals(key)) {
			if (first.agree() != agree || !java.util.Objects.equals(first.nameChoice(), nameChoice)
					|| !first.further().equals(further)) {
				return AnswerPayload.refused(UserError.of("idempotencyKey",
						"Khoá chống gửi lặp này đã dùng cho một câu trả lời khác; câu trả lời đã lưu không đổi",
						"IDEMPOTENCY_KEY_REUSED"));
			}
			return new AnswerPayload(first, true, List.of());
		}
		return AnswerPayload.refused(UserError.of(null,
				"Hộ của bạn đã trả lời lúc " + first.at() + "; mỗi hộ chỉ trả lời một lần", "ALREADY_ANSWERED"));
	}

	private void checkManages(List<String> scopeIds) {
		if (scopeIds.isEmpty() || !scopeIds.stream().allMatch(this.access::mayManage)) {
			throw new AccessDeniedException("The plan is outside the caller's scope");
		}
	}

	/**
	 * Applies a step and stores it against the revision it was based on; then, only once
	 * it is stored, what it means for the plan: opening takes the plan into consultation,
	 * publishing the results makes it consulted. So a step refused here (a concurrent
	 * change) leaves the plan as it was. The audit entry gets {@code what}, the states
	 * before and after, and the units of the plan's scope.
	 */
	private ConsultationPayload change(String id, String what,
			Function<Consultation, Change<Consultation, UserError>> change) {
		return change(id, what, true, change);
	}

	/**
	 * @param wholePlan whether the caller must manage the plan's whole scope (false: the
	 * step checks the unit it concerns itself)
	 */
	private ConsultationPayload change(String id, String what, boolean wholePlan,
			Function<Consultation, Change<Consultation, UserError>> change) {
		synchronized (lock(id)) {
			// As stored, not as remembered: another api instance may have changed it.
			Consultation consultation = this.consultations.findCurrent(id);
			if (consultation == null) {
				return ConsultationPayload.refused(UserError.of("id", "Không tìm thấy đợt lấy ý kiến", "NOT_FOUND"));
			}
			PlanOutline plan = this.plans.outline(consultation.planId());
			if (wholePlan) {
				checkManages((plan != null) ? plan.scopeIds() : List.of());
			}
			Change<Consultation, UserError> result = change.apply(consultation);
			if (result.isRefused()) {
				return new ConsultationPayload(null, result.refusals());
			}
			Consultation changed = result.next();
			AuditedChange entry = this.audit.current()
				.summary("Đợt lấy ý kiến \"" + consultation.title() + "\": " + what)
				.before(Consultations.toDocument(consultation));
			if (plan != null) {
				plan.scopeIds().forEach((unitId) -> entry.touched(this.registry.globalIdOf(unitId)));
			}
			if (!this.consultations.save(changed, consultation.revision())) {
				return ConsultationPayload.refused(UserError.of(null,
						"Đợt lấy ý kiến vừa được người khác thay đổi; hãy tải lại", "VERSION_CONFLICT"));
			}
			entry.after(Consultations.toDocument(changed));
			if (changed.status() != consultation.status()) {
				if (changed.status() == ConsultationStatus.OPEN) {
					// Counted from the frozen register from now on.
					this.board.forget(id);
				}
				if (changed.status() == ConsultationStatus.OPEN || changed.status() == ConsultationStatus.PUBLISHED) {
					movePlan(consultation, changed);
				}
			}
			return ConsultationPayload.of(changed);
		}
	}

	/**
	 * Moves the plan along with a stored step. A plan already elsewhere (withdrawn, or
	 * consulted before a second round) stays where it is, as it always has. When the plan
	 * cannot be moved, the consultation is put back as it was, so that the two agree and
	 * the step can be taken again, and the failure goes to the caller.
	 */
	private void movePlan(Consultation before, Consultation after) {
		try {
			this.plans.moveConsultation(after.planId(), after.status() == ConsultationStatus.PUBLISHED);
		}
		catch (RuntimeException ex) {
			if (!this.consultations.save(before.restoredOver(after), after.revision())) {
				log.error("Consultation {} is {} but its plan {} did not move, and it could not be put back",
						after.id(), after.status(), after.planId());
			}
			throw ex;
		}
	}

	private static Change<Consultation, UserError> refuse(String message, String code) {
		return Change.refused(UserError.of(null, message, code));
	}

	private String name(String unitId, Consultation consultation) {
		UnitRecord unit = this.registry.unit(unitId, consultation.referenceDate());
		return (unit != null) ? unit.fullName() : unitId;
	}

	private static List<String> communes(Consultation consultation) {
		return consultation.units().stream().map(Consultation.ConsultedUnit::unitId).toList();
	}

	private Object lock(String key) {
		return this.monitors.of(key);
	}

}

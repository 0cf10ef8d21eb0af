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
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import vn.ydan.api.access.Roles;
import vn.ydan.api.consultations.Payloads.AnswerPayload;
import vn.ydan.api.consultations.Payloads.ConsultationPayload;
import vn.ydan.api.consultations.Payloads.TallyPayload;
import vn.ydan.api.plans.PlanOutline;
import vn.ydan.api.plans.PlanOutlines;
import vn.ydan.api.protocol.UserError;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.VietnamTime;

/**
 * Running a consultation: creating it from a published plan, opening it (the register
 * freezes), answers, paper tallies, closing, certification level by level, publication.
 * Who may do what is checked here ({@link ConsultationAccess}).
 */
@Service
class ConsultationService {

	private final Consultations consultations;

	private final Households households;

	private final Answers answers;

	private final Tallies tallies;

	private final ResultBoard board;

	private final ConsultationAccess access;

	private final PlanOutlines plans;

	private final UnitRegistry registry;

	private final Clock clock;

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	@Autowired
	ConsultationService(Consultations consultations, Households households, Answers answers, Tallies tallies,
			ResultBoard board, ConsultationAccess access, PlanOutlines plans, UnitRegistry registry) {
		this(consultations, households, answers, tallies, board, access, plans, registry, Clock.systemUTC());
	}

	ConsultationService(Consultations consultations, Households households, Answers answers, Tallies tallies,
			ResultBoard board, ConsultationAccess access, PlanOutlines plans, UnitRegistry registry, Clock clock) {
		this.consultations = consultations;
		this.households = households;
		this.answers = answers;
		this.tallies = tallies;
		this.board = board;
		this.access = access;
		this.plans = plans;
		this.registry = registry;
		this.clock = clock;
	}

	List<Consultation> all() {
		return this.consultations.findAll();
	}

	@Nullable Consultation find(String id) {
		return this.consultations.findById(id);
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
			if (previous.status().compareTo(ConsultationStatus.CERTIFIED) < 0) {
				return ConsultationPayload.refused(UserError.of("previousId",
						"Chỉ lấy ý kiến lại sau khi đợt trước đã xác nhận kết quả", "PREVIOUS_NOT_CERTIFIED"));
			}
			ResultBoard.Board counts = this.board.of(previous);
			for (String unitId : (unitIds != null) ? unitIds : List.<String>of()) {
				Consultation.ConsultedUnit unit = previous.unit(unitId);
				if (unit == null || outcome(previous, counts.commune(unitId)) != Outcome.FAIL) {
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
							affected.alternativeNames()));
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
		this.consultations.save(consultation, 0);
		return ConsultationPayload.of(consultation);
	}

	/** Opens a scheduled consultation: the register of its communes freezes. */
	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload open(String id) {
		return change(id, (consultation) -> {
			if (consultation.status() != ConsultationStatus.SCHEDULED) {
				return refuse("Chỉ mở được đợt đã lên lịch", "STATUS_TRANSITION_INVALID");
			}
			List<String> communes = communes(consultation);
			Map<String, Integer> register = this.households.countByCommune(communes);
			List<String> empty = communes.stream().filter((commune) -> !register.containsKey(commune)).toList();
			if (!empty.isEmpty()) {
				return refuse(empty.size() + " đơn vị chưa có danh sách hộ, ví dụ " + name(empty.get(0), consultation),
						"ELECTORATE_MISSING");
			}
			this.households.freeze(consultation.id(), register);
			this.plans.moveConsultation(consultation.planId(), false, ConsultationAccess.actor());
			return consultation.withStatus(ConsultationStatus.OPEN);
		});
	}

	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload close(String id) {
		return change(id,
				(consultation) -> (consultation.status() != ConsultationStatus.OPEN)
						? refuse("Chỉ kết thúc được đợt đang lấy ý kiến", "STATUS_TRANSITION_INVALID")
						: consultation.withStatus(ConsultationStatus.CLOSED));
	}

	/**
	 * A household's answer, once per consultation whatever the channel: a second answer
	 * is refused and changes nothing; a retry with the same idempotency key gets the
	 * first answer back.
	 */
	@PreAuthorize(Roles.IS_RESIDENT)
	AnswerPayload answer(String consultationId, @Nullable String unitId, boolean agree, @Nullable String nameChoice,
			String idempotencyKey) {
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
			return replayOr(consultationId, householdId, key,
					UserError.of(null,
							"Đợt lấy ý kiến không mở vào lúc này (từ " + consultation.opensAt() + " đến "
									+ consultation.closesAt() + ", đang: " + consultation.status().label() + ")",
							"OUTSIDE_WINDOW"));
		}
		Households.Household household = this.households.frozen(consultationId, householdId);
		if (household == null) {
			return replayOr(consultationId, householdId, key, UserError.of(null,
					"Hộ của bạn không có trong danh sách lấy ý kiến của đợt này", "NOT_IN_ELECTORATE"));
		}
		if (unitId != null && !unitId.equals(household.communeId())) {
			return replayOr(consultationId, householdId, key,
					UserError.of("unitId",
							"Hộ của bạn thuộc " + name(household.communeId(), consultation) + ", không phải đơn vị này",
							"WRONG_UNIT"));
		}
		Consultation.ConsultedUnit unit = consultation.unit(household.communeId());
		String choice = (nameChoice != null && !nameChoice.isBlank()) ? nameChoice.strip() : null;
		if (choice != null && (unit == null || !unit.nameChoices().contains(choice))) {
			return replayOr(consultationId, householdId, key, UserError.of("nameChoice",
					"Tên \"" + choice + "\" không có trong các tên được hỏi", "NAME_CHOICE_INVALID"));
		}
		Answers.Answer answer = new Answers.Answer(consultationId, householdId, household.communeId(),
				household.groupId(), agree, choice, ConsultationAccess.actor(), ConsultationAccess.clientId(), now,
				key);
		// The board before the insert: built from the store, it must not count this
		// answer
		// and then be told of it again.
		ResultBoard.Board counts = this.board.of(consultation);
		if (!this.answers.insert(answer)) {
			return replayOr(consultationId, householdId, key, UserError.of(null, "Hộ đã trả lời", "ALREADY_ANSWERED"));
		}
		counts.answered(answer.groupId(), agree, choice);
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

	/** Corrects a verified tally; the reason and the counts before are kept. */
	@PreAuthorize(Roles.IS_TALLIER)
	TallyPayload correctTally(String consultationId, String groupId, PaperCounts counts, String reason) {
		if (reason.isBlank()) {
			return TallyPayload
				.refused(List.of(UserError.of("reason", "Sửa số liệu đã xác minh phải ghi lý do", "REASON_MISSING")));
		}
		return tally(consultationId, groupId, counts, reason.strip());
	}

	private TallyPayload tally(String consultationId, String groupId, PaperCounts counts, @Nullable String reason) {
		Consultation consultation = this.consultations.findById(consultationId);
		if (consultation == null) {
			return TallyPayload
				.refused(List.of(UserError.of("consultationId", "Không tìm thấy đợt lấy ý kiến", "NOT_FOUND")));
		}
		ResultBoard.Board counted = this.board.of(consultation);
		String communeId = counted.communeOf(groupId);
		if (communeId == null) {
			return TallyPayload.refused(List.of(UserError.of("groupId",
					"Tổ dân phố, thôn này không có trong danh sách lấy ý kiến", "NOT_IN_ELECTORATE")));
		}
		if (!this.access.mayTally(communeId)) {
			throw new AccessDeniedException("Commune " + communeId + " is outside the caller's scope");
		}
		if (consultation.status() != ConsultationStatus.OPEN && consultation.status() != ConsultationStatus.CLOSED) {
			return TallyPayload.refused(List.of(UserError.of(null,
					"Không nhập phiếu khi đợt đang \"" + consultation.status().label() + "\"", "NOT_OPEN")));
		}
		if (consultation.certifications().containsKey(communeId)) {
			return TallyPayload.refused(List.of(UserError.of(null,
					"Kết quả của " + name(communeId, consultation) + " đã được xác nhận: không sửa được",
					"CERTIFIED")));
		}
		List<UserError> problems = counts.problems(counted.households(groupId), counted.online(groupId))
			.stream()
			.map((message) -> UserError.of("counts", message, "COUNTS_DO_NOT_RECONCILE"))
			.toList();
		if (!problems.isEmpty()) {
			return TallyPayload.refused(problems);
		}
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
				next = tally.corrected(new Tally.Correction(actor, now, reason, tally.verified(), counts));
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
			if (!this.tallies.save(next, (tally != null) ? tally.revision() : 0)) {
				return TallyPayload.refused(List
					.of(UserError.of(null, "Số liệu vừa được người khác nhập; hãy tải lại", "VERSION_CONFLICT")));
			}
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
		return change(id, (consultation) -> {
			if (consultation.status() != ConsultationStatus.CLOSED) {
				return refuse("Chỉ xác nhận kết quả sau khi đợt đã kết thúc", "NOT_CLOSED");
			}
			if (consultation.certifications().containsKey(unitId)) {
				return refuse(name(unitId, consultation) + " đã được xác nhận", "ALREADY_CERTIFIED");
			}
			LocalDate date = referenceDate(consultation);
			UnitRecord unit = this.registry.unit(unitId, date);
			if (unit == null) {
				return refuse("Không tìm thấy đơn vị", "NOT_FOUND");
			}
			Map<String, List<String>> below = hierarchy(consultation);
			if (unit.level() == UnitLevel.COMMUNE) {
				if (consultation.unit(unitId) == null) {
					return refuse(unit.fullName() + " không được lấy ý kiến trong đợt này", "NOT_CONSULTED");
				}
				ResultBoard.Figures figures = this.board.of(consultation).commune(unitId);
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
				List<String> missing = children.stream()
					.filter((child) -> !consultation.certifications().containsKey(child))
					.toList();
				if (!missing.isEmpty()) {
					return refuse(unit.fullName() + ": còn " + missing.size() + " đơn vị cấp dưới chưa xác nhận, ví dụ "
							+ name(missing.get(0), consultation), "CHILDREN_NOT_CERTIFIED");
				}
			}
			Consultation certified = consultation.withCertification(new Consultation.Certification(unitId, unit.level(),
					ConsultationAccess.actor(), this.clock.instant()));
			boolean all = below.keySet()
				.stream()
				.filter((parent) -> this.registry.unit(parent, date) != null
						&& this.registry.unit(parent, date).level() == UnitLevel.PROVINCE)
				.allMatch((province) -> certified.certifications().containsKey(province));
			return all ? certified.withStatus(ConsultationStatus.CERTIFIED) : certified;
		});
	}

	/** Publishes certified results: they become public. */
	@PreAuthorize(Roles.IS_PLANNER)
	ConsultationPayload publish(String id) {
		return change(id, (consultation) -> {
			if (consultation.status() != ConsultationStatus.CERTIFIED) {
				return refuse("Chỉ công bố được kết quả đã xác nhận đến cấp tỉnh", "NOT_CERTIFIED");
			}
			this.plans.moveConsultation(consultation.planId(), true, ConsultationAccess.actor());
			return consultation.withStatus(ConsultationStatus.PUBLISHED);
		});
	}

	/** Whether the caller may see results before publication. */
	boolean maySeeUnpublished(Consultation consultation) {
		PlanOutline plan = this.plans.outline(consultation.planId());
		return this.access.isAdmin() || (plan != null && plan.scopeIds().stream().allMatch(this.access::mayManage))
				|| consultation.units().stream().anyMatch((unit) -> this.access.mayTally(unit.unitId()));
	}

	Outcome outcome(Consultation consultation, ResultBoard.Figures figures) {
		boolean closed = consultation.status().compareTo(ConsultationStatus.CLOSED) >= 0;
		if (!closed || figures.groupsReported() < figures.groups()) {
			return Outcome.PENDING;
		}
		return consultation.rule().passes(figures.agree(), figures.households()) ? Outcome.PASS : Outcome.FAIL;
	}

	/**
	 * Parent → consulted units below it (communes under districts, districts under
	 * provinces).
	 */
	Map<String, List<String>> hierarchy(Consultation consultation) {
		LocalDate date = referenceDate(consultation);
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

	static LocalDate referenceDate(Consultation consultation) {
		return LocalDate.ofInstant(consultation.opensAt(), VietnamTime.ZONE);
	}

	/** The household's answer when it has one (see {@link #replay}), else the refusal. */
	private AnswerPayload replayOr(String consultationId, String householdId, String key, UserError refusal) {
		Answers.Answer existing = this.answers.find(consultationId, householdId);
		return (existing != null) ? replay(existing, key) : AnswerPayload.refused(refusal);
	}

	private AnswerPayload replay(Answers.Answer first, String key) {
		if (first.idempotencyKey().equals(key)) {
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

	private ConsultationPayload change(String id, java.util.function.Function<Consultation, Object> change) {
		synchronized (lock(id)) {
			Consultation consultation = this.consultations.findById(id);
			if (consultation == null) {
				return ConsultationPayload.refused(UserError.of("id", "Không tìm thấy đợt lấy ý kiến", "NOT_FOUND"));
			}
			PlanOutline plan = this.plans.outline(consultation.planId());
			checkManages((plan != null) ? plan.scopeIds() : List.of());
			Object result = change.apply(consultation);
			if (result instanceof UserError error) {
				return ConsultationPayload.refused(error);
			}
			Consultation changed = (Consultation) result;
			if (!this.consultations.save(changed, consultation.revision())) {
				return ConsultationPayload.refused(UserError.of(null,
						"Đợt lấy ý kiến vừa được người khác thay đổi; hãy tải lại", "VERSION_CONFLICT"));
			}
			if (consultation.status() == ConsultationStatus.SCHEDULED && changed.status() == ConsultationStatus.OPEN) {
				// Counted from the frozen register from now on.
				this.board.forget(id);
			}
			return ConsultationPayload.of(changed);
		}
	}

	private static UserError refuse(String message, String code) {
		return UserError.of(null, message, code);
	}

	private String name(String unitId, Consultation consultation) {
		UnitRecord unit = this.registry.unit(unitId, referenceDate(consultation));
		return (unit != null) ? unit.fullName() : unitId;
	}

	private static List<String> communes(Consultation consultation) {
		return consultation.units().stream().map(Consultation.ConsultedUnit::unitId).toList();
	}

	private Object lock(String key) {
		return this.locks.computeIfAbsent(key, (k) -> new Object());
	}

	enum Outcome {

		PASS, FAIL, PENDING

	}

}

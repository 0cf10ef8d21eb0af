package vn.ydan.api.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import vn.ydan.api.access.Roles;
import vn.ydan.api.audit.AuditTrail;
import vn.ydan.api.audit.AuditedChange;
import vn.ydan.api.store.Change;
import vn.ydan.api.store.Monitors;
import vn.ydan.api.protocol.UserError;
import vn.ydan.api.units.LineageRelation;
import vn.ydan.api.units.Restructuring;
import vn.ydan.api.units.SearchKey;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.UnitType;

/**
 * Drafting, moving and applying plans, with who may: admins, and officials whose scope
 * covers the plan's ({@link PlanAccess}). Every change is checked against the revision it
 * was based on, so that two people editing one plan never overwrite each other. Every
 * stored revision goes to the audit log, the state before and after, with the units of
 * the plan's scope: that is the plan's history ({@link #history}).
 */
@Service
class PlanService {

	private static final Logger log = LoggerFactory.getLogger(PlanService.class);

	private final Plans plans;

	private final PlanValidator validator;

	private final PlanAccess access;

	private final UnitRegistry registry;

	private final Clock clock;

	private final AuditTrail audit;

	private final PlanApplyJobs jobs;

	private final ConsultationVerdicts verdicts;

	private final Monitors monitors = new Monitors(256);

	PlanService(Plans plans, PlanValidator validator, PlanAccess access, UnitRegistry registry, Clock clock,
			AuditTrail audit, PlanApplyJobs jobs, ConsultationVerdicts verdicts) {
		this.verdicts = verdicts;
		this.plans = plans;
		this.validator = validator;
		this.access = access;
		this.registry = registry;
		this.clock = clock;
		this.audit = audit;
		this.jobs = jobs;
	}

	/** Plans the caller may see, newest first. */
	List<Plan> visible(@Nullable PlanStatus status) {
		return this.plans.findAll()
			.stream()
			.filter((plan) -> status == null || plan.status() == status)
			.filter(this.access::mayRead)
			.toList();
	}

	/** The plan as stored, without an access check (for background work). */
	@Nullable Plan find(String id) {
		return this.plans.findById(id);
	}

	@Nullable Plan visible(String id) {
		Plan plan = this.plans.findById(id);
		return (plan != null && this.access.mayRead(plan)) ? plan : null;
	}

	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload create(String title, List<String> scopeIds, @Nullable LocalDate effectiveDate,
			List<UnitLevel> abolishedLevels) {
		List<UserError> errors = new ArrayList<>();
		String cleanTitle = checkTitle(title, errors);
		checkScope(scopeIds, effectiveDate, errors);
		if (!errors.isEmpty()) {
			return PlanPayload.rejected(errors);
		}
		Instant now = this.clock.instant();
		Plan plan = new Plan(UUID.randomUUID().toString(), cleanTitle, scopeIds, effectiveDate, abolishedLevels,
				PlanStatus.DRAFT, null, List.of(), Map.of(), List.of(), 1, PlanAccess.actor(), now, now, null, null);
		this.access.checkEdit(plan);
		String what = "Tạo phương án";
		AuditedChange entry = audited(null, plan, what);
		this.plans.save(plan, 0);
		entry.after(state(plan)).revised(Plan.subject(plan.id()), plan.revision(), what);
		return PlanPayload.of(plan);
	}

	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload updateSettings(String planId, @Nullable Integer expectedVersion, @Nullable String title,
			@Nullable List<String> scopeIds, @Nullable LocalDate effectiveDate, @Nullable List<UnitLevel> levels) {
		return editDraft(planId, expectedVersion, "Sửa thông tin chung", (plan) -> {
			List<UserError> errors = new ArrayList<>();
			String newTitle = (title != null) ? checkTitle(title, errors) : plan.title();
			List<String> newScope = (scopeIds != null) ? scopeIds : plan.scopeIds();
			LocalDate newDate = (effectiveDate != null) ? effectiveDate : plan.effectiveDate();
			checkScope(newScope, newDate, errors);
			if (!errors.isEmpty()) {
				return Change.refused(errors);
			}
			Plan changed = plan.withSettings(newTitle, newScope, newDate,
					(levels != null) ? levels : plan.abolishedLevels(), this.clock.instant());
			// The new scope as createPlan checks it: the caller must be able to edit
			// the plan it makes, not only the one it was.
			this.access.checkEdit(changed);
			return Change.to(changed);
		});
	}

	/**
	 * Replaces the draft's new units with those of the file; all or nothing. A dry run
	 * reads and checks the file without storing anything.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanImportResult importUnits(String planId, @Nullable Integer expectedVersion, String csv, boolean dryRun) {
		long started = System.nanoTime();
		PlanImport.Result[] read = new PlanImport.Result[1];
		PlanPayload payload = editDraft(planId, expectedVersion, "Nhập bảng phương án từ tệp CSV", (plan) -> {
			if (plan.effectiveDate() == null) {
				return Change.refused(List.of(UserError.of("planId",
						"Hãy đặt ngày có hiệu lực trước khi nhập: đơn vị cũ được tìm theo ngày đó",
						"EFFECTIVE_DATE_MISSING")));
			}
			read[0] = PlanImport.read(plan, this.registry, plan.effectiveDate(), csv);
			if (!read[0].errors().isEmpty()) {
				return Change.refused(
						List.of(UserError.of("csv", "Tệp có " + read[0].errors().size() + " lỗi", "IMPORT_REJECTED")));
			}
			Plan imported = plan.withImported(read[0].units(), coveredBy(read[0].units(), plan), this.clock.instant());
			return dryRun ? Change.preview(imported) : Change.to(imported);
		});
		PlanImport.Result result = read[0];
		long millis = (System.nanoTime() - started) / 1_000_000;
		return new PlanImportResult(payload.plan(), (result != null) ? result.rows() : 0,
				(result != null) ? result.units().size() : 0, (result != null) ? result.links() : 0,
				(result != null) ? result.errors() : List.of(), payload.userErrors(), millis);
	}

	/**
	 * Which of the plan's units a file's units replace: those of a level the file forms
	 * whose old units lie in the provinces the file takes units from.
	 */
	private java.util.function.Predicate<ProposedUnit> coveredBy(List<ProposedUnit> imported, Plan plan) {
		LocalDate dayBefore = today(plan).minusDays(1);
		Set<String> covered = new java.util.HashSet<>();
		for (ProposedUnit unit : imported) {
			for (PlanComponent component : unit.components()) {
				covered.add(unit.type().level() + "|" + provinceIdOf(component.unitId(), dayBefore));
			}
		}
		return (unit) -> !unit.components().isEmpty() && covered
			.contains(unit.type().level() + "|" + provinceIdOf(unit.components().get(0).unitId(), dayBefore));
	}

	private @Nullable String provinceIdOf(String unitId, LocalDate date) {
		UnitRecord province = this.registry.provinceOf(unitId, date);
		return (province != null) ? province.id() : null;
	}

	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload saveUnit(String planId, @Nullable Integer expectedVersion, @Nullable String key, @Nullable String code,
			String name, @Nullable String fullName, UnitType type, @Nullable List<String> alternativeNames,
			@Nullable String seat, @Nullable String parentId, @Nullable String parentKey) {
		return editDraft(planId, expectedVersion, "Lưu đơn vị mới " + name, (plan) -> {
			List<UserError> errors = new ArrayList<>();
			AlternativeNames.Split written = AlternativeNames.split(name);
			String cleanName = checkName(written.name(), "name", errors);
			String cleanFull = (fullName != null && !fullName.isBlank()) ? checkName(fullName, "fullName", errors)
					: ProposedUnit.defaultFullName(type, cleanName);
			String cleanCode = checkCode(code, errors);
			if (type.level() == UnitLevel.RESIDENTIAL_GROUP) {
				errors.add(UserError.of("type", "Phương án sắp xếp đơn vị hành chính, không phải tổ dân phố, thôn",
						"TYPE_WRONG_LEVEL"));
			}
			ProposedUnit existing = (key != null) ? plan.unit(key) : null;
			if (key != null && existing == null) {
				errors.add(UserError.of("key", "Phương án không có đơn vị mới " + key, "NOT_FOUND"));
			}
			if (parentId != null && this.registry.view(parentId, today(plan)) == null) {
				errors.add(UserError.of("parentId", "Không tìm thấy đơn vị cấp trên", "NOT_FOUND"));
			}
			ProposedUnit newParent = (parentKey != null && !parentKey.isEmpty()) ? plan.unit(parentKey) : null;
			if (parentKey != null && !parentKey.isEmpty()
					&& (newParent == null || !newParent.type().level().isAbove(type.level()))) {
				errors.add(UserError.of("parentKey", "Phương án không có đơn vị mới " + parentKey + " ở cấp trên",
						"NOT_FOUND"));
			}
			List<String> alternatives = new ArrayList<>(written.alternatives());
			for (String alternative : (alternativeNames != null) ? alternativeNames : List.<String>of()) {
				if (!alternative.isBlank()) {
					alternatives.add(checkName(alternative, "alternativeNames", errors));
				}
			}
			if (!errors.isEmpty()) {
				return Change.refused(errors);
			}
			String newKey = (existing != null) ? existing.key() : newKey(plan, cleanCode, cleanName);
			String parent = (parentId != null) ? parentId
					: (existing != null) ? existing.parentId() : defaultParent(plan, type.level());
			ProposedUnit unit = new ProposedUnit(newKey, cleanCode, cleanName, cleanFull, type, alternatives,
					(seat != null && !seat.isBlank()) ? seat.strip() : null, parent,
					(parentKey != null) ? (parentKey.isEmpty() ? null : parentKey)
							: (existing != null) ? existing.parentKey() : null,
					(existing != null) ? existing.legalClause() : null,
					(existing != null) ? existing.components() : List.of());
			return Change.to(plan.withUnit(unit, this.clock.instant()));
		});
	}

	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload removeUnit(String planId, @Nullable Integer expectedVersion, String key) {
		return editDraft(planId, expectedVersion, "Xoá đơn vị mới " + key, (plan) -> {
			if (plan.unit(key) == null) {
				return Change
					.refused(List.of(UserError.of("key", "Phương án không có đơn vị mới " + key, "NOT_FOUND")));
			}
			List<ProposedUnit> remaining = plan.units().stream().filter((unit) -> !unit.key().equals(key)).toList();
			Map<String, String> placements = new LinkedHashMap<>(plan.groupPlacements());
			placements.values().removeIf(key::equals);
			return Change
				.to(plan.withUnits(remaining, this.clock.instant()).withPlacements(placements, this.clock.instant()));
		});
	}

	/**
	 * Puts an old unit into a new one (replacing what that new unit took of it before).
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload assign(String planId, @Nullable Integer expectedVersion, String key, String unitId, ComponentKind kind,
			@Nullable Double areaShare, @Nullable Double populationShare, @Nullable Double householdShare) {
		return editDraft(planId, expectedVersion, "Xếp đơn vị cũ vào " + key, (plan) -> {
			List<UserError> errors = new ArrayList<>();
			ProposedUnit unit = plan.unit(key);
			if (unit == null) {
				errors.add(UserError.of("key", "Phương án không có đơn vị mới " + key, "NOT_FOUND"));
			}
			if (this.registry.view(unitId, today(plan)) == null) {
				errors.add(UserError.of("unitId", "Không tìm thấy đơn vị cũ", "NOT_FOUND"));
			}
			checkShare(areaShare, "areaShare", errors);
			checkShare(populationShare, "populationShare", errors);
			checkShare(householdShare, "householdShare", errors);
			if (kind.isWhole() && (areaShare != null || populationShare != null || householdShare != null)) {
				errors.add(UserError.of("kind", "Nhập nguyên trạng thì không ghi tỷ lệ", "SHARE_WITH_WHOLE"));
			}
			if (!errors.isEmpty() || unit == null) {
				return Change.refused(errors);
			}
			List<PlanComponent> components = new ArrayList<>(unit.components());
			components.removeIf((component) -> component.unitId().equals(unitId));
			components.add(new PlanComponent(unitId, kind, areaShare, populationShare, householdShare));
			return Change.to(plan.withUnit(unit.withComponents(components), this.clock.instant()));
		});
	}

	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload unassign(String planId, @Nullable Integer expectedVersion, String key, String unitId) {
		return editDraft(planId, expectedVersion, "Bỏ đơn vị cũ khỏi " + key, (plan) -> {
			ProposedUnit unit = plan.unit(key);
			if (unit == null
					|| unit.components().stream().noneMatch((component) -> component.unitId().equals(unitId))) {
				return Change
					.refused(List.of(UserError.of("unitId", "Đơn vị mới này không nhận đơn vị cũ đó", "NOT_FOUND")));
			}
			List<PlanComponent> components = new ArrayList<>(unit.components());
			components.removeIf((component) -> component.unitId().equals(unitId));
			return Change.to(plan.withUnit(unit.withComponents(components), this.clock.instant()));
		});
	}

	/**
	 * Places a residential group of a split commune in one of the new communes: a group
	 * (on the day before the effective date) of a commune in the plan's scope, in a new
	 * unit that takes part of that commune
	 * ({@link ValidationRule#GROUP_PLACEMENT_INVALID} otherwise,
	 * {@link ValidationRule#COMPONENT_OUT_OF_SCOPE} for a commune outside the scope).
	 * Unplacing ({@code key} null) needs only the group.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload placeGroup(String planId, @Nullable Integer expectedVersion, String groupId, @Nullable String key) {
		return editDraft(planId, expectedVersion, "Xếp tổ dân phố, thôn", (plan) -> {
			ProposedUnit target = (key != null) ? plan.unit(key) : null;
			if (key != null && target == null) {
				return Change
					.refused(List.of(UserError.of("key", "Phương án không có đơn vị mới " + key, "NOT_FOUND")));
			}
			LocalDate dayBefore = today(plan).minusDays(1);
			UnitRecord group = this.registry.unit(groupId, dayBefore);
			if (group == null || group.level() != UnitLevel.RESIDENTIAL_GROUP) {
				return Change.refused(List.of(UserError.of("groupId", "Không tìm thấy tổ dân phố, thôn", "NOT_FOUND")));
			}
			if (target != null) {
				UnitRecord commune = (group.parentId() != null) ? this.registry.unit(group.parentId(), dayBefore)
						: null;
				if (commune == null || commune.level() != UnitLevel.COMMUNE
						|| this.registry.selfAndAncestorIds(commune.id(), dayBefore)
							.stream()
							.noneMatch(plan.scopeIds()::contains)) {
					return Change.refused(List.of(UserError.of("groupId",
							group.fullName() + ((commune != null) ? " (" + commune.fullName() + ")" : "")
									+ " không thuộc phạm vi phương án vào ngày " + dayBefore,
							ValidationRule.COMPONENT_OUT_OF_SCOPE.name())));
				}
				boolean takesPart = target.components()
					.stream()
					.anyMatch((component) -> component.unitId().equals(commune.id()) && !component.kind().isWhole());
				if (!takesPart) {
					return Change.refused(List.of(UserError.of("key",
							target.fullName() + " không nhận phần nào của " + commune.fullName()
									+ " bị chia tách: không xếp được " + group.fullName() + " vào đó",
							ValidationRule.GROUP_PLACEMENT_INVALID.name())));
				}
			}
			Map<String, String> placements = new LinkedHashMap<>(plan.groupPlacements());
			if (key == null) {
				placements.remove(groupId);
			}
			else {
				placements.put(groupId, key);
			}
			return Change.to(plan.withPlacements(placements, this.clock.instant()));
		});
	}

	/**
	 * Adds a group merger to a draft, or replaces one ({@code key}): two or more
	 * residential groups (as they stand the day before the effective date) that become
	 * one, the survivor (which keeps its id) or a new group of {@code type} named
	 * {@code name}. Every group must be in the caller's scope (FORBIDDEN otherwise,
	 * before anything about them is said). What depends on the rest of the plan (the
	 * commune they end in, names and codes there) is the validation's
	 * ({@link ValidationRule#GROUP_MERGER_COMMUNES} and the next rules).
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload saveGroupMerger(String planId, @Nullable Integer expectedVersion, @Nullable String key,
			List<String> groupIds, @Nullable String survivorId, @Nullable String name, @Nullable UnitType type,
			@Nullable String code) {
		List<String> ids = List.copyOf(new LinkedHashSet<>(groupIds));
		return editDraft(planId, expectedVersion, "Lưu hợp nhất tổ dân phố, thôn", (plan) -> {
			ids.forEach(this.access::checkEditUnit);
			if (survivorId != null) {
				this.access.checkEditUnit(survivorId);
			}
			List<UserError> errors = new ArrayList<>();
			GroupMerger existing = (key != null) ? plan.groupMerger(key) : null;
			if (key != null && existing == null) {
				errors.add(UserError.of("key", "Phương án không có hợp nhất " + key, "NOT_FOUND"));
			}
			LocalDate dayBefore = today(plan).minusDays(1);
			for (String id : ids) {
				UnitRecord group = this.registry.unit(id, dayBefore);
				if (group == null || group.level() != UnitLevel.RESIDENTIAL_GROUP) {
					errors.add(UserError.of("groupIds", "Không tìm thấy tổ dân phố, thôn có hiệu lực ngày " + dayBefore,
							"NOT_FOUND"));
				}
			}
			if (ids.size() < 2) {
				errors.add(UserError.of("groupIds", "Cần ít nhất hai tổ dân phố, thôn khác nhau để hợp nhất",
						"TOO_FEW_GROUPS"));
			}
			if (survivorId != null && !ids.contains(survivorId)) {
				errors.add(UserError.of("survivorId", "Tổ được giữ lại phải là một trong các tổ hợp nhất",
						"SURVIVOR_NOT_MERGED"));
			}
			String cleanName = (name != null && !name.isBlank())
					? java.text.Normalizer.normalize(checkName(name, "name", errors), java.text.Normalizer.Form.NFC)
					: null;
			if (survivorId == null && cleanName == null) {
				errors.add(UserError.of("name", "Tổ mới sau hợp nhất cần có tên", "NAME_EMPTY"));
			}
			if ((type != null && type.level() != UnitLevel.RESIDENTIAL_GROUP) || (survivorId == null && type == null)) {
				errors
					.add(UserError.of("type", "Tổ sau hợp nhất là tổ dân phố, thôn (loại cấp tổ)", "TYPE_WRONG_LEVEL"));
			}
			String cleanCode = checkCode(code, errors);
			for (GroupMerger other : plan.groupMergers()) {
				if (!other.key().equals(key) && other.groupIds().stream().anyMatch(ids::contains)) {
					errors.add(UserError.of("groupIds", "Một tổ đã được hợp nhất trong " + other.key(),
							ValidationRule.GROUP_MERGER_GROUP_TWICE.name()));
				}
			}
			if (!errors.isEmpty()) {
				return Change.refused(errors);
			}
			String newKey = (existing != null) ? existing.key() : newMergerKey(plan);
			GroupMerger merger = new GroupMerger(newKey, ids, survivorId, cleanName, type, cleanCode);
			List<GroupMerger> mergers = new ArrayList<>(plan.groupMergers());
			mergers.replaceAll((other) -> other.key().equals(newKey) ? merger : other);
			if (existing == null) {
				mergers.add(merger);
			}
			return Change.to(plan.withGroupMergers(mergers, this.clock.instant()));
		});
	}

	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload removeGroupMerger(String planId, @Nullable Integer expectedVersion, String key) {
		return editDraft(planId, expectedVersion, "Xoá hợp nhất tổ dân phố, thôn " + key, (plan) -> {
			GroupMerger merger = plan.groupMerger(key);
			if (merger == null) {
				return Change.refused(List.of(UserError.of("key", "Phương án không có hợp nhất " + key, "NOT_FOUND")));
			}
			merger.groupIds().forEach(this.access::checkEditUnit);
			List<GroupMerger> remaining = plan.groupMergers()
				.stream()
				.filter((other) -> !other.key().equals(key))
				.toList();
			return Change.to(plan.withGroupMergers(remaining, this.clock.instant()));
		});
	}

	private static String newMergerKey(Plan plan) {
		int next = plan.groupMergers().size() + 1;
		while (plan.groupMerger("merger-" + next) != null) {
			next++;
		}
		return "merger-" + next;
	}

	/**
	 * Publishes a draft (only without validation errors) or withdraws a plan. Going into
	 * consultation and being consulted are refused here: they are the consultation's
	 * steps ({@link PlanStatus#setByConsultation}).
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload changeStatus(String planId, @Nullable Integer expectedVersion, PlanStatus target) {
		return edit(planId, expectedVersion, "Chuyển trạng thái sang " + target.label(), (plan) -> {
			if (target.setByConsultation() && plan.status() != target) {
				return Change.refused(List.of(UserError.of("status",
						"Phương án chuyển sang \"" + target.label() + "\" khi "
								+ ((target == PlanStatus.IN_CONSULTATION) ? "đợt lấy ý kiến được mở"
										: "kết quả lấy ý kiến được công bố")
								+ ", không bằng thao tác này",
						"STATUS_SET_BY_CONSULTATION")));
			}
			if (!plan.status().next().contains(target)) {
				return Change.refused(List.of(UserError.of("status",
						"Không thể chuyển phương án từ \"" + plan.status().label() + "\" sang \"" + target.label()
								+ "\""
								+ ((target == PlanStatus.ADOPTED || target == PlanStatus.IN_EFFECT)
										? " bằng thao tác này (hãy dùng thông qua / áp dụng)" : ""),
						"STATUS_TRANSITION_INVALID")));
			}
			if (target == PlanStatus.PUBLISHED) {
				ValidationReport report = this.validator.validate(plan);
				if (!report.valid()) {
					return Change.refused(List.of(invalid(report)));
				}
			}
			return Change.to(plan.withStatus(target, this.clock.instant()));
		});
	}

	/**
	 * Records the act that adopted the plan, and its effective date. A plan is adopted
	 * once its consultation's results are published (it is then {@code CONSULTED}).
	 * Without them (published, or in consultation), only by an override: a first official
	 * asks for it with a reason and the act, which changes nothing but the plan's record
	 * of the request; a second person confirms the same act, and the plan is adopted. An
	 * effective date before today needs {@code confirmPastEffectiveDate}.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload adopt(String planId, @Nullable Integer expectedVersion, String number, LocalDate date,
			@Nullable LocalDate effectiveDate, @Nullable String overrideReason, boolean confirmPastEffectiveDate) {
		return adopt(planId, expectedVersion, number, date, effectiveDate, overrideReason, confirmPastEffectiveDate,
				Map.of());
	}

	/**
	 * The same, the units named as the act names them ({@code names}: key → name, one of
	 * the unit's name choices, NFC): the name residents chose ({@code Plan.chosenNames})
	 * when it is not the proposed one. The renamed units are in the adopted revision and
	 * the audit entry says which.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload adopt(String planId, @Nullable Integer expectedVersion, String number, LocalDate date,
			@Nullable LocalDate effectiveDate, @Nullable String overrideReason, boolean confirmPastEffectiveDate,
			Map<String, String> names) {
		String reason = (overrideReason != null && !overrideReason.isBlank()) ? overrideReason.strip() : null;
		StringBuilder renamed = new StringBuilder();
		names.forEach((key, name) -> renamed.append((renamed.length() == 0) ? "; tên gọi: " : ", ")
			.append(key)
			.append(" → ")
			.append(name));
		String what = ((reason != null)
				? "Thông qua không chờ kết quả lấy ý kiến theo " + number + " (lý do: " + reason + ")"
				: "Thông qua theo " + number) + renamed;
		return edit(planId, expectedVersion, what, (plan) -> {
			List<UserError> errors = new ArrayList<>();
			boolean consulted = plan.status() == PlanStatus.CONSULTED;
			boolean overridable = plan.status() == PlanStatus.PUBLISHED || plan.status() == PlanStatus.IN_CONSULTATION;
			if (!consulted && !overridable) {
				errors.add(UserError.of(null,
						"Chỉ thông qua được phương án đã lấy ý kiến (đang: \"" + plan.status().label() + "\")",
						"STATUS_TRANSITION_INVALID"));
			}
			else if (!consulted && reason == null) {
				errors.add(UserError.of("overrideReason",
						"Phương án chưa có kết quả lấy ý kiến được công bố. Muốn thông qua không chờ kết quả, hãy ghi lý do; "
								+ "một cán bộ khác phải xác nhận",
						"CONSULTATION_RESULTS_MISSING"));
			}
			else if (reason != null && reason.length() > 1000) {
				errors.add(UserError.of("overrideReason", "Lý do tối đa 1000 ký tự", "REASON_INVALID"));
			}
			String cleanNumber = number.strip();
			if (cleanNumber.isEmpty() || cleanNumber.length() > 100) {
				errors.add(UserError.of("number", "Số văn bản từ 1 đến 100 ký tự", "LEGAL_BASIS_INVALID"));
			}
			LocalDate newDate = (effectiveDate != null) ? effectiveDate : plan.effectiveDate();
			if (newDate == null) {
				errors.add(UserError.of("effectiveDate", "Cần ngày có hiệu lực", "EFFECTIVE_DATE_MISSING"));
			}
			else if (date.isAfter(newDate)) {
				errors
					.add(UserError.of("date", "Ngày thông qua phải không sau ngày có hiệu lực", "LEGAL_BASIS_INVALID"));
			}
			else if (newDate.isBefore(vn.ydan.api.protocol.VietnamTime.today(this.clock))
					&& !confirmPastEffectiveDate) {
				errors.add(UserError.of("confirmPastEffectiveDate", "Ngày có hiệu lực " + newDate
						+ " đã qua: đơn vị mới sẽ có hiệu lực hồi tố. Hãy xác nhận (confirmPastEffectiveDate) nếu đúng như vậy",
						"EFFECTIVE_DATE_IN_PAST"));
			}
			List<ProposedUnit> named = new ArrayList<>(plan.units());
			names.forEach((key, name) -> {
				ProposedUnit unit = plan.unit(key);
				String chosen = java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC);
				List<String> choices = (unit != null) ? AlternativeNames.choices(unit) : List.of();
				if (unit == null) {
					errors.add(UserError.of("names", "Phương án không có đơn vị " + key, "NOT_FOUND"));
				}
				else if (!chosen.equals(unit.name()) && !choices.contains(chosen)) {
					errors.add(UserError.of("names",
							"\"" + chosen + "\" không phải tên được đưa ra lấy ý kiến cho " + unit.fullName() + " ("
									+ String.join("; ", choices.isEmpty() ? List.of(unit.name()) : choices) + ")",
							"NAME_CHOICE_INVALID"));
				}
				else {
					named.set(named.indexOf(unit), unit.named(chosen));
				}
			});
			if (!errors.isEmpty() || newDate == null) {
				return Change.refused(errors);
			}
			Plan.AdoptionOverride override = null;
			if (!consulted) {
				String actor = PlanAccess.actor();
				Plan.AdoptionOverride pending = plan.adoptionOverride();
				if (pending == null || pending.isConfirmed() || pending.requestedBy().equals(actor)) {
					if (pending != null && !pending.isConfirmed() && pending.requestedBy().equals(actor)
							&& pending.sameAct(cleanNumber, date, newDate)) {
						return Change.refused(List.of(UserError.of(null,
								"Bạn đã đề nghị thông qua không chờ kết quả lấy ý kiến; một cán bộ khác phải xác nhận",
								"SECOND_OFFICIAL_REQUIRED")));
					}
					// The first of the two calls: the request, on the plan's record.
					return Change.to(plan.withOverrideRequested(new Plan.AdoptionOverride(reason, cleanNumber, date,
							newDate, actor, this.clock.instant(), null, null), this.clock.instant()));
				}
				if (!pending.sameAct(cleanNumber, date, newDate)) {
					return Change.refused(List.of(UserError.of("number",
							"Đề nghị đang chờ xác nhận là văn bản " + pending.number() + " ngày " + pending.date()
									+ ", có hiệu lực từ " + pending.effectiveDate() + ": xác nhận phải đúng văn bản đó",
							"OVERRIDE_MISMATCH")));
				}
				override = pending.confirmed(actor, this.clock.instant());
			}
			// The act's names, then the adoption: one revision.
			Plan source = names.isEmpty() ? plan : plan.withUnits(named, this.clock.instant());
			Plan adopted = source
				.adopted(new Plan.LegalBasis(cleanNumber, date), newDate, override, this.clock.instant())
				.renumbered(plan);
			ValidationReport report = this.validator.validate(adopted);
			if (!report.valid()) {
				return Change.refused(List.of(invalid(report)));
			}
			return Change.to(adopted);
		});
	}

	/**
	 * Takes new units that residents rejected back to a draft: they leave the consulted
	 * plan (which can then be adopted without them) and form a new draft of the same
	 * scope and dates, to be planned again, published and consulted again. Each unit must
	 * take an old commune whose outcome in the latest published round is a failure
	 * ({@link ConsultationVerdicts}). The answer is the new draft; the plan's history
	 * records both.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload replan(String planId, @Nullable Integer expectedVersion, List<String> keys, String reason) {
		String why = reason.strip();
		Plan[] draft = new Plan[1];
		PlanPayload consulted = edit(planId, expectedVersion,
				"Lập lại đơn vị bị phản đối: " + String.join(", ", keys) + " (lý do: " + why + ")", (plan) -> {
					if (plan.status() != PlanStatus.CONSULTED) {
						return Change.refused(List.of(UserError.of(null,
								"Chỉ lập lại được đơn vị của phương án đã có kết quả lấy ý kiến (đang: \""
										+ plan.status().label() + "\")",
								"STATUS_TRANSITION_INVALID")));
					}
					if (why.isEmpty() || why.length() > 1000) {
						return Change
							.refused(List.of(UserError.of("reason", "Lý do từ 1 đến 1000 ký tự", "REASON_MISSING")));
					}
					if (keys.isEmpty()) {
						return Change.refused(
								List.of(UserError.of("keys", "Chọn ít nhất một đơn vị để lập lại", "UNITS_MISSING")));
					}
					Set<String> rejected = this.verdicts.rejectedUnitIds(planId);
					List<ProposedUnit> taken = new ArrayList<>();
					for (String key : new LinkedHashSet<>(keys)) {
						ProposedUnit unit = plan.unit(key);
						if (unit == null) {
							return Change.refused(List.of(UserError.of("keys",
									"Không có đơn vị mới khoá \"" + key + "\" trong phương án", "NOT_FOUND")));
						}
						if (unit.components().stream().noneMatch((part) -> rejected.contains(part.unitId()))) {
							return Change.refused(List.of(UserError.of("keys",
									unit.fullName() + ": cử tri các đơn vị cũ của nó không phản đối phương án",
									"UNIT_NOT_REJECTED")));
						}
						taken.add(unit);
					}
					Set<String> takenKeys = new java.util.HashSet<>();
					taken.forEach((unit) -> takenKeys.add(unit.key()));
					Instant now = this.clock.instant();
					Map<String, String> kept = new LinkedHashMap<>();
					Map<String, String> moved = new LinkedHashMap<>();
					plan.groupPlacements()
						.forEach((group, key) -> (takenKeys.contains(key) ? moved : kept).put(group, key));
					List<ProposedUnit> remaining = plan.units()
						.stream()
						.filter((unit) -> !takenKeys.contains(unit.key()))
						.toList();
					// A group merger goes with the new commune its groups end in.
					List<GroupMerger> keptMergers = new ArrayList<>();
					List<GroupMerger> movedMergers = new ArrayList<>();
					for (GroupMerger merger : plan.groupMergers()) {
						PlanValidator.Destination commune = mergerCommune(plan, merger);
						boolean goes = commune != null && commune.unitKey() != null
								&& takenKeys.contains(commune.unitKey());
						(goes ? movedMergers : keptMergers).add(merger);
					}
					draft[0] = new Plan(UUID.randomUUID().toString(),
							shortened(plan.title() + " — lập lại: "
									+ String.join(", ", taken.stream().map(ProposedUnit::fullName).toList())),
							plan.scopeIds(), plan.effectiveDate(), plan.abolishedLevels(), PlanStatus.DRAFT, null,
							taken, moved, movedMergers, 1, PlanAccess.actor(), now, now, null, null);
					return Change.to(plan.withUnits(remaining, now)
						.withPlacements(kept, now)
						.withGroupMergers(keptMergers, now)
						.renumbered(plan));
				});
		if (!consulted.userErrors().isEmpty() || draft[0] == null) {
			return consulted;
		}
		Plan created = draft[0];
		this.plans.save(created, 0);
		String what = "Tạo dự thảo để lập lại đơn vị bị phản đối từ phương án \"" + consulted.plan().title() + "\"";
		this.audit.current().revised(Plan.subject(created.id()), created.revision(), what);
		return PlanPayload.of(created);
	}

	/** The commune a merger's first group in force ends in, if known. */
	private PlanValidator.@Nullable Destination mergerCommune(Plan plan, GroupMerger merger) {
		LocalDate dayBefore = today(plan).minusDays(1);
		for (String id : merger.groupIds()) {
			UnitRecord group = this.registry.unit(id, dayBefore);
			if (group != null) {
				return this.validator.destination(plan, group);
			}
		}
		return null;
	}

	private static String shortened(String title) {
		return (title.length() <= Plan.MAX_TITLE_LENGTH) ? title : title.substring(0, Plan.MAX_TITLE_LENGTH - 1) + "…";
	}

	/**
	 * Applies an adopted plan to the registry: its new units start on the effective date,
	 * the old ones end the day before, groups move, lineage is written with the legal
	 * basis. Runs as a job ({@link PlanApplyJobs}): the answer is the plan in effect when
	 * the job ends within a few seconds, else the plan with its progress RUNNING. The
	 * request's audit entry names the units that end, before the job acts; the job's own
	 * entry records the revision in effect. Idempotent and resumable: applying again
	 * after a failure (or a restart) finishes the job, and applying a plan already in
	 * effect changes nothing.
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	PlanPayload apply(String planId) {
		synchronized (lock(planId)) {
			Plan plan = this.plans.findById(planId);
			if (plan == null || !this.access.mayRead(plan)) {
				return PlanPayload.rejected(UserError.of("planId", "Không tìm thấy phương án", "NOT_FOUND"));
			}
			this.access.checkEdit(plan);
			if (plan.status() != PlanStatus.ADOPTED && plan.status() != PlanStatus.IN_EFFECT) {
				return PlanPayload.rejected(UserError.of(null,
						"Chỉ áp dụng được phương án đã thông qua (đang: \"" + plan.status().label() + "\")",
						"STATUS_TRANSITION_INVALID"));
			}
			if (!this.jobs.isRunning(planId)) {
				ValidationReport report = this.validator.validate(plan);
				if (plan.status() == PlanStatus.ADOPTED && !report.valid()) {
					return PlanPayload.rejected(invalid(report));
				}
				// The units it ends, as well as its scope; the new ones have no id yet.
				AuditedChange entry = audited(plan, null, "Áp dụng phương án");
				this.validator.endingUnitIds(plan).forEach((id) -> entry.touched(this.registry.globalIdOf(id)));
				this.plans.saveApply(planId, new Plan.ApplyState("RUNNING", 0, 0, null, this.clock.instant()));
				String actor = PlanAccess.actor();
				this.jobs.start(planId, () -> runApply(planId, actor));
			}
		}
		this.jobs.awaitBriefly(planId);
		Plan now = this.plans.findById(planId);
		return (now != null) ? PlanPayload.of(now)
				: PlanPayload.rejected(UserError.of("planId", "Không tìm thấy phương án", "NOT_FOUND"));
	}

	/**
	 * Plans whose applying was interrupted (the api, or another instance, stopped while
	 * it ran) resume when the api starts again, and when another instance's lease on the
	 * apply expires (checked periodically, {@link InterruptedApplies}).
	 */
	void resumeInterruptedApplies() {
		for (String id : this.plans.applyingIds()) {
			resumeInterruptedApply(id);
		}
	}

	/**
	 * Resumes the plan's apply when it is RUNNING but runs nowhere: not here, and its
	 * lease (held by the instance running it) is free or expired. The intent is recorded
	 * by the instance that takes the lease.
	 */
	void resumeInterruptedApply(String planId) {
		Plan plan = this.plans.findById(planId);
		if (plan == null || plan.status() != PlanStatus.ADOPTED || plan.apply() == null
				|| !"RUNNING".equals(plan.apply().state()) || this.jobs.isRunning(planId)) {
			return;
		}
		this.jobs.start(planId, () -> {
			log.info("Resuming the interrupted apply of plan {} ({})", planId, plan.title());
			this.audit.recordIntent("system", "applyPlan", "Tiếp tục áp dụng phương án \"" + plan.title() + "\"",
					Plan.subject(planId));
			runApply(planId, "system");
		});
	}

	/** The job: writes the restructuring, then marks the plan in effect. */
	private void runApply(String planId, String actor) {
		Plan plan = this.plans.findById(planId);
		if (plan == null) {
			return;
		}
		Restructuring.Result result;
		try {
			Restructuring change = restructuring(plan);
			result = this.registry.restructure(change, (done, total) -> this.plans.saveApply(planId,
					new Plan.ApplyState("RUNNING", done, total, null, this.clock.instant())));
		}
		catch (RuntimeException ex) {
			this.plans.saveApply(planId, new Plan.ApplyState("FAILED", 0, 0,
					"Áp dụng dở dang, hãy chạy lại (applyPlan): lỗi khi ghi sổ đăng ký", this.clock.instant()));
			this.audit.recordJobFailed(actor, "applyPlan",
					"Áp dụng phương án \"" + plan.title() + "\" dở dang: lỗi khi ghi sổ đăng ký", Plan.subject(planId),
					ex);
			throw ex;
		}
		String summary = result.created() + " đơn vị mới, " + result.continued()
				+ " đơn vị giữ nguyên (phiên bản mới), " + result.ended() + " đơn vị chấm dứt, " + result.moved()
				+ " tổ dân phố / thôn chuyển, " + result.links() + " liên kết kế thừa";
		int stored = result.created() + result.continued() + result.ended() + result.moved();
		Plan.ApplyState done = new Plan.ApplyState("DONE", stored, stored, summary, this.clock.instant());
		synchronized (lock(planId)) {
			Plan current = this.plans.findById(planId);
			if (current == null || current.status() == PlanStatus.IN_EFFECT) {
				this.plans.saveApply(planId, done);
				return;
			}
			Plan inEffect = current.withStatus(PlanStatus.IN_EFFECT, this.clock.instant()).withApply(done);
			String what = "Áp dụng: " + summary;
			if (!this.plans.save(inEffect, current.revision())) {
				this.plans.saveApply(planId,
						new Plan.ApplyState("FAILED", stored, stored,
								"Đã ghi sổ đăng ký nhưng phương án vừa bị sửa đồng thời: hãy chạy lại applyPlan",
								this.clock.instant()));
				return;
			}
			this.audit.recordJob(actor, "applyPlan", "Phương án \"" + inEffect.title() + "\": " + what,
					inEffect.scopeIds().stream().map(this.registry::globalIdOf).toList(), Plan.subject(planId),
					inEffect.revision(), what);
		}
	}

	ValidationReport validate(Plan plan) {
		return this.validator.validate(plan);
	}

	/** The registry change the plan makes. */
	Restructuring restructuring(Plan plan) {
		LocalDate date = plan.effectiveDate();
		if (date == null) {
			throw new IllegalStateException("Plan " + plan.id() + " has no effective date");
		}
		LocalDate dayBefore = date.minusDays(1);
		List<Restructuring.NewUnit> newUnits = new ArrayList<>();
		List<Restructuring.Link> links = new ArrayList<>();
		List<Restructuring.GroupMove> moves = new ArrayList<>();
		Set<String> moved = new LinkedHashSet<>();
		String basis = (plan.legalBasis() != null) ? plan.legalBasis().describe() : null;
		// Merged groups do not move: they end, or the survivor continues in its commune.
		plan.groupMergers().forEach((merger) -> moved.addAll(merger.groupIds()));
		for (ProposedUnit unit : plan.units()) {
			newUnits.add(new Restructuring.NewUnit(unit.key(), unit.code(), unit.name(), unit.fullName(), unit.type(),
					(unit.parentKey() != null) ? null : unit.parentId(), unit.parentKey(), unit.continuedUnitId(), null,
					null, null));
			for (PlanComponent component : unit.components()) {
				String clause = (unit.legalClause() != null) ? unit.legalClause() : basis;
				links.add(new Restructuring.Link(component.unitId(), unit.key(), component.kind().relation(),
						component.kind().detail(), clause));
				if (component.kind().isWhole() && !component.kind().keepsIdentity()) {
					for (UnitRecord group : this.registry.children(component.unitId(), dayBefore)) {
						if (group.level() == UnitLevel.RESIDENTIAL_GROUP && moved.add(group.id())) {
							moves.add(new Restructuring.GroupMove(group.id(), unit.key()));
						}
					}
				}
			}
		}
		plan.groupPlacements().forEach((group, key) -> {
			if (moved.add(group)) {
				moves.add(new Restructuring.GroupMove(group, key));
			}
		});
		for (GroupMerger merger : plan.groupMergers()) {
			mergedGroup(plan, merger, dayBefore, basis, newUnits, links);
		}
		return new Restructuring(plan.id(), date, newUnits, List.copyOf(this.validator.endingUnitIds(plan)), moves,
				links);
	}

	/**
	 * The group a merger makes, in the commune its groups end in, with a WHOLE link from
	 * each merged group that ends (they end with the plan's other ending units,
	 * {@link PlanValidator#endingUnitIds}); a survivor continues with a new version.
	 */
	private void mergedGroup(Plan plan, GroupMerger merger, LocalDate dayBefore, @Nullable String basis,
			List<Restructuring.NewUnit> newUnits, List<Restructuring.Link> links) {
		List<UnitRecord> groups = new ArrayList<>();
		for (String id : merger.groupIds()) {
			UnitRecord group = this.registry.unit(id, dayBefore);
			if (group == null) {
				throw new IllegalStateException("Group " + id + " of merger " + merger.key() + " is not in force");
			}
			groups.add(group);
		}
		UnitRecord survivor = groups.stream()
			.filter((group) -> group.id().equals(merger.survivorId()))
			.findFirst()
			.orElse(null);
		PlanValidator.Destination commune = this.validator.destination(plan, groups.get(0));
		if (commune == null) {
			throw new IllegalStateException("Merger " + merger.key() + " has no commune after the plan");
		}
		String name = java.util.Objects.requireNonNull(merger.nameWith(survivor));
		UnitType type = (merger.type() != null) ? merger.type()
				: (survivor != null) ? survivor.type() : groups.get(0).type();
		String code = merger.codeWith(survivor);
		Integer households = 0;
		for (UnitRecord group : groups) {
			households = (households != null && group.households() != null) ? households + group.households() : null;
		}
		newUnits.add(new Restructuring.NewUnit(merger.restructuringKey(), code, name,
				UnitRegistry.groupFullName(type, name), type, (commune.unitKey() == null) ? commune.communeId() : null,
				commune.unitKey(), (survivor != null) ? survivor.id() : null, null, null, households));
		for (UnitRecord group : groups) {
			if (group != survivor) {
				links.add(new Restructuring.Link(group.id(), merger.restructuringKey(), LineageRelation.WHOLE, null,
						basis));
			}
		}
	}

	/**
	 * Every stored revision of the plan, newest first, as the audit log holds them.
	 * (Plans stored outside a request, such as the demo plan at the first start, have no
	 * entries for them.)
	 */
	List<PlanRevision> history(String planId) {
		return this.audit.revisions(Plan.subject(planId))
			.stream()
			.map((revision) -> new PlanRevision(revision.revision(), revision.actor(), revision.change(),
					revision.at()))
			.toList();
	}

	private PlanPayload editDraft(String planId, @Nullable Integer expectedVersion, String what,
			Function<Plan, Change<Plan, UserError>> change) {
		return edit(planId, expectedVersion, what, (plan) -> {
			if (plan.status() != PlanStatus.DRAFT) {
				return Change.refused(List
					.of(UserError.of(null, "Phương án \"" + plan.status().label() + "\" chỉ đọc: chỉ sửa được dự thảo",
							"PLAN_READ_ONLY")));
			}
			return change.apply(plan);
		});
	}

	private PlanPayload edit(String planId, @Nullable Integer expectedVersion, String what,
			Function<Plan, Change<Plan, UserError>> change) {
		synchronized (lock(planId)) {
			Plan plan = this.plans.findById(planId);
			if (plan == null || !this.access.mayRead(plan)) {
				return PlanPayload.rejected(UserError.of("planId", "Không tìm thấy phương án", "NOT_FOUND"));
			}
			this.access.checkEdit(plan);
			if (expectedVersion != null && expectedVersion != plan.revision()) {
				return PlanPayload.rejected(conflict());
			}
			Change<Plan, UserError> result = change.apply(plan);
			if (result.isRefused()) {
				return PlanPayload.rejected(result.refusals());
			}
			Plan changed = result.next();
			if (!result.store()) {
				return PlanPayload.of(changed);
			}
			AuditedChange entry = audited(plan, changed, what);
			if (!this.plans.save(changed, plan.revision())) {
				return PlanPayload.rejected(conflict());
			}
			entry.after(state(changed)).revised(Plan.subject(planId), changed.revision(), what);
			return PlanPayload.of(changed);
		}
	}

	/**
	 * The mutation's audit entry, told what is about to be stored: what changes, the plan
	 * before, and the units of its scope (before and after). The caller adds the state
	 * after and the revision once stored.
	 */
	private AuditedChange audited(@Nullable Plan before, @Nullable Plan after, String what) {
		Plan plan = (after != null) ? after : before;
		AuditedChange entry = this.audit.current();
		if (plan == null) {
			return entry;
		}
		entry.summary("Phương án \"" + plan.title() + "\": " + what);
		if (before != null) {
			entry.before(state(before));
			before.scopeIds().forEach((id) -> entry.touched(this.registry.globalIdOf(id)));
		}
		if (after != null) {
			after.scopeIds().forEach((id) -> entry.touched(this.registry.globalIdOf(id)));
		}
		return entry;
	}

	/** A plan as the audit log keeps it: its stored document. */
	private static Map<String, Object> state(Plan plan) {
		return Plans.toDocument(plan);
	}

	private Object lock(String planId) {
		return this.monitors.of(planId);
	}

	private String newKey(Plan plan, @Nullable String code, String name) {
		String base = (code != null) ? code : SearchKey.fold(name).replace(' ', '-');
		String key = base;
		for (int i = 2; plan.unit(key) != null; i++) {
			key = base + "-" + i;
		}
		return key;
	}

	/**
	 * For a plan with one scope unit: that unit or the nearest above it that stands above
	 * the new unit's level and whose level the plan does not abolish (Hà Nội for a plan
	 * of Quận Ba Đình that abolishes districts).
	 */
	private @Nullable String defaultParent(Plan plan, UnitLevel level) {
		if (plan.scopeIds().size() != 1) {
			return null;
		}
		LocalDate dayBefore = today(plan).minusDays(1);
		for (String id : this.registry.selfAndAncestorIds(plan.scopeIds().get(0), dayBefore)) {
			UnitRecord unit = this.registry.unit(id, dayBefore);
			if (unit != null && unit.level().isAbove(level) && !plan.abolishedLevels().contains(unit.level())) {
				return id;
			}
		}
		return null;
	}

	private void checkScope(List<String> scopeIds, @Nullable LocalDate date, List<UserError> errors) {
		if (scopeIds.isEmpty()) {
			errors.add(UserError.of("scopeIds", "Phạm vi cần ít nhất một đơn vị", "SCOPE_MISSING"));
		}
		LocalDate day = (date != null) ? date.minusDays(1) : vn.ydan.api.protocol.VietnamTime.today(this.clock);
		for (String id : scopeIds) {
			UnitRecord unit = this.registry.unit(id, day);
			if (unit == null) {
				errors.add(UserError.of("scopeIds", "Đơn vị trong phạm vi không có hiệu lực vào ngày " + day,
						"SCOPE_MISSING"));
			}
			else if (unit.level().ordinal() > UnitLevel.DISTRICT.ordinal()) {
				errors.add(UserError.of("scopeIds", "Phạm vi là tỉnh hoặc huyện, không phải " + unit.fullName(),
						"SCOPE_LEVEL"));
			}
		}
	}

	private LocalDate today(Plan plan) {
		return (plan.effectiveDate() != null) ? plan.effectiveDate()
				: vn.ydan.api.protocol.VietnamTime.today(this.clock);
	}

	private static String checkTitle(String title, List<UserError> errors) {
		String clean = title.strip();
		if (clean.isEmpty() || clean.length() > Plan.MAX_TITLE_LENGTH) {
			errors.add(UserError.of("title", "Tên phương án từ 1 đến " + Plan.MAX_TITLE_LENGTH + " ký tự",
					"TITLE_INVALID"));
		}
		return clean;
	}

	private static String checkName(String name, String field, List<UserError> errors) {
		String clean = name.strip();
		if (clean.isEmpty()) {
			errors.add(UserError.of(field, "Tên không được để trống", "NAME_EMPTY"));
		}
		else if (clean.length() > 100) {
			errors.add(UserError.of(field, "Tên dài " + clean.length() + " ký tự, tối đa 100", "NAME_TOO_LONG"));
		}
		return clean;
	}

	/** A statistical code stripped, or null when none is given. */
	private static @Nullable String checkCode(@Nullable String code, List<UserError> errors) {
		String clean = (code != null && !code.isBlank()) ? code.strip() : null;
		if (clean != null && !clean.matches("[0-9A-Za-z.-]{1,20}")) {
			errors.add(UserError.of("code", "Mã chỉ gồm chữ số, chữ cái, dấu chấm, gạch ngang (tối đa 20)",
					"CODE_INVALID"));
		}
		return clean;
	}

	private static void checkShare(@Nullable Double share, String field, List<UserError> errors) {
		if (share != null && !(share >= 0 && share <= 1)) {
			errors.add(UserError.of(field, "Tỷ lệ phải từ 0 đến 1", "SHARE_INVALID"));
		}
	}

	private static UserError invalid(ValidationReport report) {
		return UserError.of(null,
				"Phương án còn " + report.errorCount() + " lỗi kiểm tra, ví dụ: " + report.issues().get(0).message(),
				"PLAN_INVALID");
	}

	private static UserError conflict() {
		return UserError.of("expectedVersion", "Phương án đã được người khác sửa. Hãy tải lại rồi sửa lại.",
				"VERSION_CONFLICT");
	}

}

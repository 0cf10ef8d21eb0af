package vn.ydan.api.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.ydan.api.plans.ValidationReport.Issue;
import vn.ydan.api.units.SearchKey;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.VietnameseName;

/**
 * Checks a plan against the registry as it stands the day before the plan's effective
 * date. Pure reads from memory: the whole Hanoi plan (126 new units, 795 components) is
 * checked in milliseconds, so the console re-validates after every edit.
 */
@Component
class PlanValidator {

	private static final double SHARE_TOLERANCE = 0.01;

	private final UnitRegistry registry;

	private final Clock clock;

	PlanValidator(UnitRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	ValidationReport validate(Plan plan) {
		return new Run(plan).run();
	}

	/**
	 * Old units that end when the plan applies: components, and units of abolished
	 * levels.
	 */
	Set<String> endingUnitIds(Plan plan) {
		Set<String> ending = new LinkedHashSet<>();
		for (ProposedUnit unit : plan.units()) {
			unit.components().forEach((component) -> ending.add(component.unitId()));
		}
		Set<String> continued = plan.continuedUnitIds();
		if (plan.effectiveDate() != null) {
			LocalDate dayBefore = plan.effectiveDate().minusDays(1);
			for (UnitLevel level : plan.abolishedLevels()) {
				for (String scopeId : plan.scopeIds()) {
					UnitRecord scope = PlanValidator.this.registry.unit(scopeId, dayBefore);
					if (scope != null && scope.level() == level) {
						ending.add(scopeId);
					}
					PlanValidator.this.registry.descendants(scopeId, level, dayBefore)
						.forEach((unit) -> ending.add(unit.id()));
				}
			}
		}
		ending.removeAll(continued);
		for (GroupMerger merger : plan.groupMergers()) {
			merger.groupIds().stream().filter((id) -> !id.equals(merger.survivorId())).forEach(ending::add);
		}
		return ending;
	}

	/**
	 * The commune a residential group (as it stands the day before the effective date) is
	 * in once the plan applies: the new commune it is placed in, the new commune that
	 * takes its commune whole (or continues it), or its commune when the plan leaves it
	 * alone; null when its commune is split and the group not placed.
	 */
	@Nullable Destination destination(Plan plan, UnitRecord group) {
		String placed = plan.groupPlacements().get(group.id());
		if (placed != null) {
			ProposedUnit unit = plan.unit(placed);
			return (unit != null) ? Destination.of(plan, unit) : null;
		}
		String communeId = group.parentId();
		if (communeId == null) {
			return null;
		}
		for (ProposedUnit unit : plan.units()) {
			for (PlanComponent component : unit.components()) {
				if (component.unitId().equals(communeId)) {
					return component.kind().isWhole() ? Destination.of(plan, unit) : null;
				}
			}
		}
		return new Destination(communeId, null);
	}

	/**
	 * A commune after the plan.
	 *
	 * @param communeId its internal id from the effective date
	 * @param unitKey the key of the plan's new unit it is, or null for a commune the plan
	 * leaves alone
	 */
	record Destination(String communeId, @Nullable String unitKey) {

		static Destination of(Plan plan, ProposedUnit unit) {
			String continued = unit.continuedUnitId();
			return new Destination((continued != null) ? continued : UnitRegistry.newUnitId(plan.id(), unit.key()),
					unit.key());
		}

	}

	private final class Run {

		private final Plan plan;

		private final List<Issue> issues = new ArrayList<>();

		private final Map<String, @Nullable UnitRecord> before = new HashMap<>();

		private final Map<String, List<Use>> uses = new LinkedHashMap<>();

		private final Map<String, ValidationReport.Totals> totals = new LinkedHashMap<>();

		private final Set<String> scope = new HashSet<>();

		private final Set<String> newIds = new HashSet<>();

		private @Nullable LocalDate date;

		private @Nullable LocalDate dayBefore;

		Run(Plan plan) {
			this.plan = plan;
		}

		ValidationReport run() {
			long started = System.nanoTime();
			this.date = this.plan.effectiveDate();
			if (this.date == null) {
				issue(ValidationRule.EFFECTIVE_DATE_MISSING, null, null, "Phương án chưa có ngày có hiệu lực");
				this.date = vn.ydan.api.protocol.VietnamTime.today(PlanValidator.this.clock);
			}
			this.dayBefore = this.date.minusDays(1);
			for (String scopeId : this.plan.scopeIds()) {
				UnitRecord unit = old(scopeId);
				if (unit == null) {
					issue(ValidationRule.SCOPE_MISSING, null, scopeId,
							"Phạm vi gồm một đơn vị không có hiệu lực vào ngày " + this.dayBefore);
				}
				else {
					this.scope.add(scopeId);
				}
			}
			if (this.plan.scopeIds().isEmpty()) {
				issue(ValidationRule.SCOPE_MISSING, null, null, "Phương án chưa có phạm vi");
			}
			this.plan.units().forEach((unit) -> this.newIds.add(UnitRegistry.newUnitId(this.plan.id(), unit.key())));
			this.newIds.addAll(this.plan.continuedUnitIds());
			Set<String> ending = endingUnitIds(this.plan);
			for (ProposedUnit unit : this.plan.units()) {
				checkUnit(unit, ending);
			}
			checkAccounting();
			List<String> unassigned = checkCoverage();
			checkSiblings(ending);
			checkGroups();
			checkGroupMergers();
			checkProvincesMerged();
			this.issues.sort(Comparator.comparing((Issue issue) -> issue.rule().ordinal()));
			return new ValidationReport(List.copyOf(this.issues), unassigned, this.totals,
					(System.nanoTime() - started) / 1_000);
		}

		private void checkUnit(ProposedUnit unit, Set<String> ending) {
			UnitLevel level = unit.type().level();
			if (unit.components().isEmpty()) {
				issue(ValidationRule.UNIT_EMPTY, unit.key(), null, unit.fullName() + " chưa nhận đơn vị cũ nào");
			}
			if (unit.seat() == null || unit.seat().isBlank()) {
				issue(ValidationRule.SEAT_MISSING, unit.key(), null, unit.fullName() + " chưa ghi trụ sở");
			}
			checkParent(unit, level, ending);
			Set<String> seen = new HashSet<>();
			for (PlanComponent component : unit.components()) {
				this.uses.computeIfAbsent(component.unitId(), (id) -> new ArrayList<>()).add(new Use(unit, component));
				UnitRecord old = old(component.unitId());
				String oldName = name(component.unitId());
				if (!seen.add(component.unitId())) {
					issue(ValidationRule.COMPONENT_REPEATED, unit.key(), component.unitId(),
							oldName + " được ghi hai lần trong " + unit.fullName());
				}
				if (old == null) {
					issue(ValidationRule.COMPONENT_NOT_LIVE, unit.key(), component.unitId(),
							oldName + " không còn hiệu lực vào ngày " + this.dayBefore);
					continue;
				}
				if (!inScope(old.id())) {
					issue(ValidationRule.COMPONENT_OUT_OF_SCOPE, unit.key(), old.id(),
							old.fullName() + " nằm ngoài phạm vi phương án");
				}
				if (component.kind().keepsIdentity() && unit.components().size() > 1) {
					issue(ValidationRule.IDENTITY_NOT_ALONE, unit.key(), old.id(), unit.fullName() + " giữ nguyên "
							+ old.fullName() + " (" + component.kind().detail() + ") nhưng còn nhận đơn vị khác");
				}
				if (old.level() != level && !formerIsland(old, level)) {
					issue(ValidationRule.COMPONENT_LEVEL, unit.key(), old.id(), unit.fullName() + " (" + level.label()
							+ ") không thể nhận " + old.fullName() + " (" + old.level().label() + ")");
				}
			}
			this.totals.put(unit.key(), totalsOf(unit));
		}

		/**
		 * A unit one level up with nothing below it, such as an island district without
		 * communes (Côn Đảo, Lý Sơn), can become a unit of the level below (a đặc khu).
		 */
		private boolean formerIsland(UnitRecord old, UnitLevel level) {
			return old.level().ordinal() + 1 == level.ordinal()
					&& PlanValidator.this.registry.descendants(old.id(), level, this.dayBefore).isEmpty();
		}

		private void checkParent(ProposedUnit unit, UnitLevel level, Set<String> ending) {
			if (unit.parentKey() != null) {
				ProposedUnit parent = this.plan.unit(unit.parentKey());
				if (parent == null || !parent.type().level().isAbove(level)) {
					issue(ValidationRule.PARENT_MISSING, unit.key(), null,
							unit.fullName() + " có đơn vị cấp trên không hợp lệ trong phương án");
				}
				return;
			}
			if (unit.parentId() == null) {
				if (level != UnitLevel.PROVINCE) {
					issue(ValidationRule.PARENT_MISSING, unit.key(), null,
							unit.fullName() + " chưa có đơn vị cấp trên");
				}
				return;
			}
			UnitRecord parent = PlanValidator.this.registry.unit(unit.parentId(), this.date);
			if (parent == null || ending.contains(parent.id()) || this.plan.abolishedLevels().contains(parent.level())
					|| !parent.level().isAbove(level)) {
				issue(ValidationRule.PARENT_MISSING, unit.key(), unit.parentId(), unit.fullName() + ": đơn vị cấp trên "
						+ name(unit.parentId()) + " không còn hiệu lực, bị bỏ hoặc không ở cấp trên");
			}
		}

		private void checkAccounting() {
			for (Map.Entry<String, List<Use>> entry : this.uses.entrySet()) {
				String unitId = entry.getKey();
				List<Use> list = entry.getValue();
				String oldName = name(unitId);
				long wholes = list.stream().filter((use) -> use.component().kind().isWhole()).count();
				List<Use> parts = list.stream().filter((use) -> !use.component().kind().isWhole()).toList();
				long remainders = parts.stream()
					.filter((use) -> use.component().kind() == ComponentKind.REMAINDER)
					.count();
				long partTargets = parts.stream().map((use) -> use.unit().key()).distinct().count();
				if (wholes > 1) {
					issue(ValidationRule.WHOLE_TWICE, null, unitId,
							oldName + " được nhập nguyên trạng vào " + targets(list));
				}
				if (wholes >= 1 && !parts.isEmpty()) {
					issue(ValidationRule.WHOLE_AND_PART, null, unitId,
							oldName + " vừa được nhập nguyên trạng vừa bị chia tách (" + targets(list) + ")");
				}
				if (wholes == 0 && remainders > 1) {
					issue(ValidationRule.REMAINDER_TWICE, null, unitId,
							oldName + " có " + remainders + " phần còn lại (" + targets(parts) + ")");
				}
				if (wholes == 0 && remainders == parts.size() && parts.size() == 1) {
					issue(ValidationRule.REMAINDER_ALONE, null, unitId, oldName
							+ " chỉ có phần còn lại, không có phần nào khác đi nơi khác (" + targets(parts) + ")");
				}
				else if (wholes == 0 && partTargets < 2) {
					issue(ValidationRule.SPLIT_SINGLE, null, unitId,
							oldName + " bị chia tách nhưng chỉ vào một đơn vị mới (" + targets(parts) + ")");
				}
				if (wholes == 0) {
					checkShares(unitId, oldName, parts);
				}
			}
		}

		private void checkShares(String unitId, String oldName, List<Use> parts) {
			boolean hasRemainder = parts.stream().anyMatch((use) -> use.component().kind() == ComponentKind.REMAINDER);
			double sum = 0;
			for (Use use : parts) {
				Double share = (use.component().kind() == ComponentKind.PART_POP_ONLY) ? Double.valueOf(0)
						: use.component().areaShare();
				if (share == null) {
					if (use.component().kind() != ComponentKind.REMAINDER) {
						return;
					}
					continue;
				}
				sum += share;
			}
			boolean off = hasRemainder ? sum > 1 + SHARE_TOLERANCE : Math.abs(sum - 1) > SHARE_TOLERANCE;
			if (off) {
				issue(ValidationRule.SHARES_NOT_SUM, null, unitId,
						oldName + ": tổng tỷ lệ diện tích các phần là " + Math.round(sum * 1000) / 10.0 + "%");
			}
		}

		/**
		 * Units of an abolished level end, so every unit below them must go somewhere;
		 * other units of the levels the plan forms may stay as they are.
		 */
		private List<String> checkCoverage() {
			List<String> unassigned = new ArrayList<>();
			Set<UnitLevel> formed = new LinkedHashSet<>();
			this.plan.units().forEach((unit) -> formed.add(unit.type().level()));
			Set<UnitLevel> mustGo = new LinkedHashSet<>();
			for (UnitLevel level : this.plan.abolishedLevels()) {
				if (level.ordinal() + 1 < UnitLevel.values().length - 1) {
					mustGo.add(UnitLevel.values()[level.ordinal() + 1]);
				}
			}
			Set<UnitLevel> levels = new LinkedHashSet<>(mustGo);
			levels.addAll(formed);
			for (UnitLevel level : levels) {
				for (String scopeId : this.scope) {
					for (UnitRecord unit : PlanValidator.this.registry.descendants(scopeId, level, this.dayBefore)) {
						if (this.uses.containsKey(unit.id())) {
							continue;
						}
						unassigned.add(unit.id());
						if (mustGo.contains(level)) {
							issue(ValidationRule.UNACCOUNTED, null, unit.id(), unit.fullName() + " (" + parentName(unit)
									+ ") chưa được sắp xếp vào đơn vị mới nào, mà cấp trên của nó bị bỏ");
						}
						else {
							issue(ValidationRule.UNIT_UNCHANGED, null, unit.id(),
									unit.fullName() + " (" + parentName(unit) + ") không có trong phương án");
						}
					}
				}
			}
			return unassigned;
		}

		private void checkSiblings(Set<String> ending) {
			Map<String, List<ProposedUnit>> byParent = new LinkedHashMap<>();
			for (ProposedUnit unit : this.plan.units()) {
				String parent = (unit.parentKey() != null) ? "new:" + unit.parentKey()
						: "old:" + ((unit.parentId() != null) ? unit.parentId() : "");
				byParent.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(unit);
			}
			for (Map.Entry<String, List<ProposedUnit>> entry : byParent.entrySet()) {
				Map<String, String> names = new HashMap<>();
				Map<String, List<String>> folded = new HashMap<>();
				if (entry.getKey().startsWith("old:") && entry.getKey().length() > 4) {
					for (UnitRecord sibling : PlanValidator.this.registry.children(entry.getKey().substring(4),
							this.date)) {
						if (!ending.contains(sibling.id()) && !this.newIds.contains(sibling.id())) {
							names.put(key(sibling.level(), sibling.name()), sibling.fullName() + " (đang có)");
							folded.computeIfAbsent(foldedKey(sibling.level(), sibling.name()), (k) -> new ArrayList<>())
								.add(sibling.fullName() + " (đang có)");
						}
					}
				}
				for (ProposedUnit unit : entry.getValue()) {
					String previous = names.putIfAbsent(key(unit.type().level(), unit.name()), unit.fullName());
					List<String> alike = folded.computeIfAbsent(foldedKey(unit.type().level(), unit.name()),
							(k) -> new ArrayList<>());
					if (previous != null) {
						issue(ValidationRule.NAME_DUPLICATE, unit.key(), null,
								unit.fullName() + " trùng tên với " + previous + " cùng đơn vị cấp trên");
					}
					else if (!alike.isEmpty()) {
						issue(ValidationRule.NAME_SIMILAR, unit.key(), null, unit.fullName() + " chỉ khác ở dấu với "
								+ String.join(", ", alike) + " cùng đơn vị cấp trên");
					}
					alike.add(unit.fullName());
				}
				// Residents may choose an alternative, and adoption takes it: a name held
				// beside the unit would be refused only then, after the consultation.
				for (ProposedUnit unit : entry.getValue()) {
					for (String alternative : unit.alternativeNames()) {
						String holder = names.get(key(unit.type().level(), alternative));
						if (holder != null && !alternative.equals(unit.name())) {
							issue(ValidationRule.NAME_DUPLICATE, unit.key(), null, unit.fullName() + ": tên thay thế \""
									+ alternative + "\" trùng tên với " + holder + " cùng đơn vị cấp trên");
						}
					}
				}
			}
			Map<String, ProposedUnit> codes = new HashMap<>();
			for (ProposedUnit unit : this.plan.units()) {
				if (unit.code() == null) {
					continue;
				}
				ProposedUnit previous = codes.putIfAbsent(unit.type().level() + "|" + unit.code(), unit);
				if (previous != null) {
					issue(ValidationRule.CODE_DUPLICATE, unit.key(), null,
							unit.fullName() + " trùng mã " + unit.code() + " với " + previous.fullName());
					continue;
				}
				UnitRecord holder = PlanValidator.this.registry.byCode(unit.code(), unit.type().level(), this.date);
				if (holder != null && !ending.contains(holder.id()) && !this.newIds.contains(holder.id())) {
					issue(ValidationRule.CODE_DUPLICATE, unit.key(), holder.id(), unit.fullName() + ": mã "
							+ unit.code() + " đang thuộc về " + holder.fullName() + ", đơn vị vẫn còn hiệu lực");
				}
			}
		}

		/**
		 * A scope of several provinces whose plan forms no province keeps each commune in
		 * its old province. Lawful, but in 2025 such a scope meant a merger: the warning
		 * says how to write one (the province merger table), so that nobody applies 34
		 * plans and finds 63 provinces.
		 */
		private void checkProvincesMerged() {
			long provinces = this.scope.stream()
				.map((id) -> PlanValidator.this.registry.provinceOf(id, this.dayBefore))
				.filter(java.util.Objects::nonNull)
				.map(UnitRecord::id)
				.distinct()
				.count();
			boolean formsProvince = this.plan.units()
				.stream()
				.anyMatch((unit) -> unit.type().level() == UnitLevel.PROVINCE);
			if (provinces > 1 && !formsProvince) {
				issue(ValidationRule.PROVINCES_NOT_MERGED, null, null, "Phạm vi gồm " + provinces
						+ " tỉnh nhưng phương án không hình thành tỉnh mới nào: các xã sẽ ở lại tỉnh cũ. Để hợp nhất tỉnh, "
						+ "hãy nhập bảng hợp nhất tỉnh (provinces_after.csv) hoặc thêm dòng có new_type là tỉnh");
			}
		}

		/**
		 * Groups of a commune taken whole follow it; groups of a split commune go where
		 * the plan places them.
		 */
		private void checkGroups() {
			for (Map.Entry<String, List<Use>> entry : this.uses.entrySet()) {
				List<Use> list = entry.getValue();
				UnitRecord old = old(entry.getKey());
				if (old == null || old.level() != UnitLevel.COMMUNE
						|| list.stream().anyMatch((use) -> use.component().kind().isWhole())) {
					continue;
				}
				Set<String> targets = new HashSet<>();
				list.forEach((use) -> targets.add(use.unit().key()));
				int unplaced = 0;
				for (UnitRecord group : PlanValidator.this.registry.children(old.id(), this.dayBefore)) {
					String placed = this.plan.groupPlacements().get(group.id());
					if (placed == null) {
						unplaced++;
					}
					else if (!targets.contains(placed)) {
						issue(ValidationRule.GROUP_PLACEMENT_INVALID, placed, group.id(),
								group.fullName() + " (" + old.fullName()
										+ ") được xếp vào đơn vị mới không nhận phần nào của " + old.fullName());
					}
				}
				if (unplaced > 0) {
					issue(ValidationRule.GROUPS_UNPLACED, null, old.id(), old.fullName() + " bị chia tách: " + unplaced
							+ " tổ dân phố, thôn chưa được xếp vào đơn vị mới");
				}
			}
		}

		/**
		 * Each merger takes two or more groups in force the day before, each group once
		 * in the plan, all ending in one commune; the merged group has a name, and its
		 * name (exactly, NFC) and code are not those of another group of that commune.
		 */
		private void checkGroupMergers() {
			Map<String, String> mergerOf = new HashMap<>();
			Map<GroupMerger, Destination> destinations = new LinkedHashMap<>();
			Map<GroupMerger, UnitRecord> survivors = new HashMap<>();
			for (GroupMerger merger : this.plan.groupMergers()) {
				Set<String> ids = new LinkedHashSet<>(merger.groupIds());
				if (ids.size() < 2) {
					issue(ValidationRule.GROUP_MERGER_TOO_FEW, merger.key(), null,
							"Hợp nhất " + merger.key() + " chỉ có " + ids.size() + " tổ dân phố, thôn");
				}
				Set<@Nullable Destination> ends = new LinkedHashSet<>();
				List<String> names = new ArrayList<>();
				for (String id : ids) {
					String previous = mergerOf.putIfAbsent(id, merger.key());
					if (previous != null) {
						issue(ValidationRule.GROUP_MERGER_GROUP_TWICE, merger.key(), id,
								name(id) + " đã được hợp nhất trong " + previous);
					}
					UnitRecord group = old(id);
					if (group == null || group.level() != UnitLevel.RESIDENTIAL_GROUP) {
						issue(ValidationRule.GROUP_MERGER_NOT_LIVE, merger.key(), id,
								name(id) + " không phải tổ dân phố, thôn còn hiệu lực vào ngày " + this.dayBefore);
						continue;
					}
					if (!inScope(group.id())) {
						issue(ValidationRule.COMPONENT_OUT_OF_SCOPE, merger.key(), group.id(),
								group.fullName() + " (" + parentName(group) + ") nằm ngoài phạm vi phương án");
					}
					if (group.id().equals(merger.survivorId())) {
						survivors.put(merger, group);
					}
					names.add(group.fullName() + " (" + parentName(group) + ")");
					ends.add(destination(this.plan, group));
				}
				if (ends.size() > 1 || ends.contains(null)) {
					issue(ValidationRule.GROUP_MERGER_COMMUNES, merger.key(), null, String.join(", ", names)
							+ " không cùng thuộc một xã sau phương án (tổ của xã bị chia tách cần được xếp trước)");
				}
				else if (ends.size() == 1) {
					destinations.put(merger, java.util.Objects.requireNonNull(ends.iterator().next()));
				}
				if (merger.survivorId() != null && !ids.contains(merger.survivorId())) {
					issue(ValidationRule.GROUP_MERGER_SURVIVOR, merger.key(), merger.survivorId(),
							name(merger.survivorId()) + " không nằm trong các tổ được hợp nhất");
				}
				String name = merger.nameWith(survivors.get(merger));
				if (name == null || name.isBlank()) {
					issue(ValidationRule.GROUP_MERGER_NAME_EMPTY, merger.key(), null,
							"Hợp nhất " + merger.key() + ": tổ sau hợp nhất chưa có tên");
				}
			}
			for (Map.Entry<GroupMerger, Destination> entry : destinations.entrySet()) {
				GroupMerger merger = entry.getKey();
				UnitRecord survivor = survivors.get(merger);
				String name = merger.nameWith(survivor);
				String code = merger.codeWith(survivor);
				for (Held other : heldIn(entry.getValue(), mergerOf, destinations, merger)) {
					if (name != null && !name.isBlank() && nfc(name).equals(nfc(other.name()))) {
						issue(ValidationRule.GROUP_MERGER_NAME_TAKEN, merger.key(), null,
								"Tổ sau hợp nhất \"" + name + "\" trùng tên với " + other.fullName() + " cùng xã");
					}
					if (code != null && code.equals(other.code())) {
						issue(ValidationRule.GROUP_MERGER_CODE_TAKEN, merger.key(), null,
								"Tổ sau hợp nhất mang mã " + code + " đã thuộc về " + other.fullName() + " cùng xã");
					}
				}
			}
		}

		/**
		 * The groups in {@code commune} after the plan other than {@code merger}'s
		 * result: groups not merged that end there, and the results of the other mergers
		 * there.
		 */
		private List<Held> heldIn(Destination commune, Map<String, String> merged,
				Map<GroupMerger, Destination> destinations, GroupMerger merger) {
			Set<String> sources = new LinkedHashSet<>();
			ProposedUnit unit = (commune.unitKey() != null) ? this.plan.unit(commune.unitKey()) : null;
			if (unit != null) {
				unit.components().forEach((component) -> sources.add(component.unitId()));
			}
			else {
				sources.add(commune.communeId());
			}
			List<Held> held = new ArrayList<>();
			for (String source : sources) {
				for (UnitRecord group : PlanValidator.this.registry.children(source, this.dayBefore)) {
					if (group.level() == UnitLevel.RESIDENTIAL_GROUP && !merged.containsKey(group.id())
							&& commune.equals(destination(this.plan, group))) {
						held.add(new Held(group.name(), group.fullName(), group.code()));
					}
				}
			}
			destinations.forEach((other, where) -> {
				if (other != merger && where.equals(commune)) {
					UnitRecord survivor = (other.survivorId() != null) ? old(other.survivorId()) : null;
					String name = other.nameWith(survivor);
					if (name != null) {
						held.add(new Held(name, "tổ sau hợp nhất " + other.key() + " (" + name + ")",
								other.codeWith(survivor)));
					}
				}
			});
			return held;
		}

		private static String nfc(String name) {
			return java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC);
		}

		private ValidationReport.Totals totalsOf(ProposedUnit unit) {
			double area = 0;
			long population = 0;
			long households = 0;
			boolean areaKnown = true;
			boolean populationKnown = true;
			boolean householdsKnown = true;
			for (PlanComponent component : unit.components()) {
				UnitRecord old = old(component.unitId());
				if (old == null) {
					return new ValidationReport.Totals(null, null, null, false);
				}
				Double areaShare = (component.kind() == ComponentKind.PART_POP_ONLY) ? Double.valueOf(0)
						: share(component, component.areaShare(), 'a');
				Double populationShare = switch (component.kind()) {
					case WHOLE, UNCHANGED, RENAME, PART_AREA_WHOLE_POP -> 1.0;
					case PART_AREA_ONLY -> 0.0;
					default -> share(component, component.populationShare(), 'p');
				};
				Double householdShare = switch (component.kind()) {
					case WHOLE, UNCHANGED, RENAME, PART_AREA_WHOLE_POP -> 1.0;
					case PART_AREA_ONLY -> 0.0;
					default -> share(component, component.householdShare(), 'h');
				};
				if (old.areaKm2() != null && areaShare != null) {
					area += old.areaKm2() * areaShare;
				}
				else {
					areaKnown = false;
				}
				if (old.population() != null && populationShare != null) {
					population += Math.round(old.population() * populationShare);
				}
				else {
					populationKnown = false;
				}
				if (old.households() != null && householdShare != null) {
					households += Math.round(old.households() * householdShare);
				}
				else {
					householdsKnown = false;
				}
			}
			boolean any = !unit.components().isEmpty();
			return new ValidationReport.Totals((any && areaKnown) ? Math.round(area * 100) / 100.0 : null,
					(any && populationKnown) ? population : null, (any && householdsKnown) ? households : null,
					any && areaKnown && populationKnown && householdsKnown);
		}

		/**
		 * A component's share of one figure: 1 when whole, as given for a part, and for
		 * the remainder what the other parts leave when all their shares are known.
		 */
		private @Nullable Double share(PlanComponent component, @Nullable Double given, char figure) {
			if (component.kind().isWhole()) {
				return 1.0;
			}
			if (component.kind() != ComponentKind.REMAINDER || given != null) {
				return given;
			}
			double others = 0;
			for (Use use : this.uses.getOrDefault(component.unitId(), List.of())) {
				PlanComponent other = use.component();
				if (other == component) {
					continue;
				}
				Double share = switch (figure) {
					case 'a' -> other.areaShare();
					case 'p' -> other.populationShare();
					default -> other.householdShare();
				};
				if (share == null) {
					return null;
				}
				others += share;
			}
			return Math.max(0, 1 - others);
		}

		private boolean inScope(String unitId) {
			for (String id : PlanValidator.this.registry.selfAndAncestorIds(unitId, this.dayBefore)) {
				if (this.scope.contains(id)) {
					return true;
				}
			}
			return false;
		}

		private @Nullable UnitRecord old(String unitId) {
			return this.before.computeIfAbsent(unitId, (id) -> PlanValidator.this.registry.unit(id, this.dayBefore));
		}

		private String name(String unitId) {
			UnitRecord old = old(unitId);
			if (old != null) {
				return old.fullName();
			}
			var view = PlanValidator.this.registry.view(unitId, this.dayBefore);
			return (view != null) ? view.fullName() : "Đơn vị " + unitId;
		}

		private String parentName(UnitRecord unit) {
			return (unit.parentId() != null) ? name(unit.parentId()) : "";
		}

		private String targets(List<Use> list) {
			return String.join(", ", list.stream().map((use) -> use.unit().fullName()).toList());
		}

		private void issue(ValidationRule rule, @Nullable String key, @Nullable String unitId, String message) {
			this.issues.add(new Issue(rule, key, unitId, message));
		}

		/** Names are unique as the law writes them: compared exactly, not folded. */
		private static String key(UnitLevel level, String name) {
			return level + "|" + VietnameseName.canonical(name);
		}

		private static String foldedKey(UnitLevel level, String name) {
			return level + "|" + SearchKey.fold(name);
		}

	}

	/**
	 * @param unit the new unit
	 * @param component what it takes of the old one
	 */
	private record Use(ProposedUnit unit, PlanComponent component) {
	}

	/** A group's name, full name and code, in a commune after the plan. */
	private record Held(String name, String fullName, @Nullable String code) {
	}

}

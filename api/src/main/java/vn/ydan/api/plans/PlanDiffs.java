package vn.ydan.api.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.ydan.api.plans.PlanViews.DiffRowView;
import vn.ydan.api.plans.PlanViews.DiffView;
import vn.ydan.api.plans.PlanViews.ParentCountsView;
import vn.ydan.api.plans.PlanViews.SuccessorView;
import vn.ydan.api.plans.PlanViews.TypeCountView;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.UnitType;

/**
 * Before and after a plan, computed from the plan and the registry as it stood the day
 * before (so that the diff reads the same before and after applying).
 */
@Component
class PlanDiffs {

	private final UnitRegistry registry;

	private final PlanValidator validator;

	private final Clock clock;

	PlanDiffs(UnitRegistry registry, PlanValidator validator, Clock clock) {
		this.registry = registry;
		this.validator = validator;
		this.clock = clock;
	}

	DiffView diff(Plan plan) {
		LocalDate date = PlanViews.effectiveDate(plan, this.clock);
		LocalDate dayBefore = date.minusDays(1);
		Set<String> ending = this.validator.endingUnitIds(plan);
		List<UnitLevel> levels = plan.units().stream().map((unit) -> unit.type().level()).distinct().toList();
		Map<String, Map<UnitType, Integer>> before = new LinkedHashMap<>();
		Map<String, Map<UnitType, Integer>> after = new LinkedHashMap<>();
		for (UnitLevel level : levels) {
			for (String scopeId : plan.scopeIds()) {
				for (UnitRecord unit : this.registry.descendants(scopeId, level, dayBefore)) {
					count(before, "old:" + unit.parentId(), unit.type());
					if (!ending.contains(unit.id())) {
						count(after, "old:" + stayingParent(unit, ending, dayBefore), unit.type());
					}
				}
			}
		}
		for (ProposedUnit unit : plan.units()) {
			count(after, (unit.parentKey() != null) ? "new:" + unit.parentKey() : "old:" + unit.parentId(),
					unit.type());
		}
		Map<String, List<SuccessorView>> successors = new LinkedHashMap<>();
		for (ProposedUnit unit : plan.units()) {
			for (PlanComponent component : unit.components()) {
				successors.computeIfAbsent(component.unitId(), (id) -> new ArrayList<>())
					.add(new SuccessorView(unit.key(), unit.fullName(), component.kind()));
			}
		}
		List<DiffRowView> rows = new ArrayList<>();
		successors.forEach((oldId, list) -> rows.add(new DiffRowView(oldId, dayBefore, list)));
		return new DiffView(views(before, plan, dayBefore), views(after, plan, date), rows);
	}

	/** The parent a unit that stays has after the plan: the nearest that does not end. */
	private @Nullable String stayingParent(UnitRecord unit, Set<String> ending, LocalDate dayBefore) {
		for (String id : this.registry.selfAndAncestorIds(unit.id(), dayBefore)) {
			if (!id.equals(unit.id()) && !ending.contains(id)) {
				return id;
			}
		}
		return null;
	}

	private List<ParentCountsView> views(Map<String, Map<UnitType, Integer>> counts, Plan plan, LocalDate date) {
		List<ParentCountsView> views = new ArrayList<>();
		for (Map.Entry<String, Map<UnitType, Integer>> entry : counts.entrySet()) {
			String ref = entry.getKey();
			String parentId = null;
			String name;
			if (ref.startsWith("new:")) {
				ProposedUnit parent = plan.unit(ref.substring(4));
				name = (parent != null) ? parent.fullName() : "(đơn vị mới)";
			}
			else {
				parentId = ref.substring(4).equals("null") ? null : ref.substring(4);
				var view = (parentId != null) ? this.registry.view(parentId, date) : null;
				name = (view != null) ? view.fullName() : "(không có cấp trên)";
			}
			List<TypeCountView> list = new ArrayList<>();
			int total = 0;
			for (Map.Entry<UnitType, Integer> count : entry.getValue().entrySet()) {
				list.add(new TypeCountView(count.getKey().level(), count.getKey(), count.getKey().label(),
						count.getValue()));
				total += count.getValue();
			}
			views.add(new ParentCountsView(parentId, name, date, list, total));
		}
		views.sort(java.util.Comparator.comparing(ParentCountsView::parentName));
		return views;
	}

	private static void count(Map<String, Map<UnitType, Integer>> counts, String parent, UnitType type) {
		counts.computeIfAbsent(parent, (key) -> new EnumMap<>(UnitType.class)).merge(type, 1, Integer::sum);
	}

}

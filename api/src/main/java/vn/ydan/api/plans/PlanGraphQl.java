package vn.ydan.api.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.ydan.api.plans.PlanViews.ComponentView;
import vn.ydan.api.plans.PlanViews.DiffRowView;
import vn.ydan.api.plans.PlanViews.DiffView;
import vn.ydan.api.plans.PlanViews.IssueView;
import vn.ydan.api.plans.PlanViews.ParentCountsView;
import vn.ydan.api.plans.PlanViews.ProposedUnitView;
import vn.ydan.api.plans.PlanViews.ValidationView;
import vn.ydan.api.protocol.BadRequestException;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.UnitRegistry;

/**
 * The plan queries and the fields of plan types that need the registry. Validation
 * reports are cached by plan revision and registry revision, so that a console showing
 * the report, the totals and the unassigned units validates once.
 */
@Controller
class PlanGraphQl {

	private static final int MAX_ISSUES = 2_000;

	private static final int CACHED_REPORTS = 32;

	private final PlanService service;

	private final PlanDiffs diffs;

	private final UnitRegistry registry;

	private final Clock clock;

	private final Map<String, ValidationReport> reports = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, ValidationReport> eldest) {
				return size() > CACHED_REPORTS;
			}
		});

	private final ConsultationVerdicts verdicts;

	PlanGraphQl(PlanService service, PlanDiffs diffs, UnitRegistry registry, Clock clock,
			ConsultationVerdicts verdicts) {
		this.verdicts = verdicts;
		this.service = service;
		this.diffs = diffs;
		this.registry = registry;
		this.clock = clock;
	}

	@QueryMapping
	List<Plan> plans(@Argument @Nullable PlanStatus status) {
		return this.service.visible(status);
	}

	@QueryMapping
	@Nullable Plan plan(@Argument String id) {
		return this.service.visible(id);
	}

	/**
	 * The names residents chose, per new unit whose name they were asked: what adoption
	 * proposes. Public like the published results it is read from.
	 */
	@SchemaMapping(typeName = "Plan")
	List<Map<String, Object>> chosenNames(Plan plan) {
		List<Map<String, Object>> names = new ArrayList<>();
		this.verdicts.chosenNames(plan.id()).forEach((key, name) -> {
			ProposedUnit unit = plan.unit(key);
			if (unit != null) {
				names.add(Map.of("unitKey", key, "proposedName", unit.name(), "chosenName", name));
			}
		});
		return names;
	}

	@SchemaMapping(typeName = "Plan")
	String statusName(Plan plan) {
		return plan.status().label();
	}

	@SchemaMapping(typeName = "Plan")
	List<Unit> scope(Plan plan) {
		LocalDate dayBefore = PlanViews.dayBefore(plan, this.clock);
		List<Unit> scope = new ArrayList<>();
		for (String id : plan.scopeIds()) {
			Unit unit = this.registry.view(id, dayBefore);
			if (unit != null) {
				scope.add(unit);
			}
		}
		return scope;
	}

	@SchemaMapping(typeName = "Plan")
	int version(Plan plan) {
		return plan.revision();
	}

	@SchemaMapping(typeName = "Plan")
	List<ProposedUnitView> proposedUnits(Plan plan, @Argument @Nullable List<String> keys) {
		LocalDate dayBefore = PlanViews.dayBefore(plan, this.clock);
		return plan.units()
			.stream()
			.filter((unit) -> keys == null || keys.contains(unit.key()))
			.map((unit) -> new ProposedUnitView(plan, unit, dayBefore))
			.toList();
	}

	@SchemaMapping(typeName = "Plan")
	List<GroupMergerView> groupMergers(Plan plan) {
		LocalDate dayBefore = PlanViews.dayBefore(plan, this.clock);
		List<GroupMergerView> views = new ArrayList<>();
		for (GroupMerger merger : plan.groupMergers()) {
			List<Unit> groups = new ArrayList<>();
			Unit survivor = null;
			for (String id : merger.groupIds()) {
				Unit group = this.registry.view(id, dayBefore);
				if (group != null) {
					groups.add(group);
					survivor = id.equals(merger.survivorId()) ? group : survivor;
				}
			}
			String name = (merger.name() != null) ? merger.name() : (survivor != null) ? survivor.name() : null;
			vn.ydan.api.units.UnitType type = (merger.type() != null) ? merger.type()
					: (survivor != null) ? survivor.type() : null;
			views.add(new GroupMergerView(merger.key(), groups, survivor, name,
					(name != null && type != null) ? UnitRegistry.groupFullName(type, name) : null, type,
					(merger.code() != null) ? merger.code() : (survivor != null) ? survivor.code() : null));
		}
		return views;
	}

	/** A plan's group merger as the api shows it. */
	record GroupMergerView(String key, List<Unit> groups, @Nullable Unit survivor, @Nullable String name,
			@Nullable String fullName, vn.ydan.api.units.@Nullable UnitType type, @Nullable String code) {
	}

	@SchemaMapping(typeName = "Plan")
	int proposedUnitCount(Plan plan) {
		return plan.units().size();
	}

	@SchemaMapping(typeName = "Plan")
	int componentCount(Plan plan) {
		return plan.units().stream().mapToInt((unit) -> unit.components().size()).sum();
	}

	@SchemaMapping(typeName = "Plan")
	ValidationView validation(Plan plan) {
		return new ValidationView(report(plan), PlanViews.dayBefore(plan, this.clock));
	}

	@SchemaMapping(typeName = "Plan")
	DiffView diff(Plan plan) {
		return this.diffs.diff(plan);
	}

	@SchemaMapping(typeName = "Plan")
	List<PlanRevision> history(Plan plan) {
		return this.service.history(plan.id());
	}

	@SchemaMapping(typeName = "Plan")
	Plan.@Nullable ApplyState applyProgress(Plan plan) {
		return plan.apply();
	}

	@SchemaMapping(typeName = "Plan")
	String updatedAt(Plan plan) {
		return plan.updatedAt().toString();
	}

	@SchemaMapping(typeName = "PlanRevision")
	String at(PlanRevision revision) {
		return revision.at().toString();
	}

	@SchemaMapping(typeName = "ProposedUnit")
	@Nullable Unit parent(ProposedUnitView view) {
		String parentId = view.unit().parentId();
		return (parentId != null && view.unit().parentKey() == null)
				? this.registry.view(parentId, PlanViews.effectiveDate(view.plan(), this.clock)) : null;
	}

	@SchemaMapping(typeName = "ProposedUnit")
	ValidationReport.Totals totals(ProposedUnitView view) {
		ValidationReport.Totals totals = report(view.plan()).totals().get(view.key());
		return (totals != null) ? totals : new ValidationReport.Totals(null, null, null, false);
	}

	@SchemaMapping(typeName = "ProposedUnit")
	@Nullable Unit registered(ProposedUnitView view) {
		if (view.plan().status() != PlanStatus.IN_EFFECT) {
			return null;
		}
		String continued = view.unit().continuedUnitId();
		return this.registry.view(
				(continued != null) ? continued : UnitRegistry.newUnitId(view.plan().id(), view.key()),
				PlanViews.effectiveDate(view.plan(), this.clock));
	}

	@SchemaMapping(typeName = "PlanComponent")
	@Nullable Unit unit(ComponentView view) {
		return this.registry.view(view.component().unitId(), view.dayBefore());
	}

	@SchemaMapping(typeName = "PlanValidation")
	List<IssueView> issues(ValidationView view, @Argument @Nullable Integer first) {
		int limit = (first != null) ? first : 200;
		if (limit < 0 || limit > MAX_ISSUES) {
			throw new BadRequestException("first must be between 0 and " + MAX_ISSUES);
		}
		return view.report()
			.issues()
			.stream()
			.limit(limit)
			.map((issue) -> new IssueView(issue, view.dayBefore()))
			.toList();
	}

	@SchemaMapping(typeName = "PlanValidation")
	List<Unit> unassignedUnits(ValidationView view) {
		List<Unit> units = new ArrayList<>();
		for (String id : view.report().unassignedUnitIds()) {
			Unit unit = this.registry.view(id, view.dayBefore());
			if (unit != null) {
				units.add(unit);
			}
		}
		return units;
	}

	@SchemaMapping(typeName = "ValidationIssue")
	@Nullable Unit unit(IssueView view) {
		String unitId = view.issue().unitId();
		return (unitId != null) ? this.registry.view(unitId, view.dayBefore()) : null;
	}

	@SchemaMapping(typeName = "ParentTypeCounts")
	@Nullable Unit parent(ParentCountsView view) {
		return (view.parentId() != null) ? this.registry.view(view.parentId(), view.date()) : null;
	}

	@SchemaMapping(typeName = "PlanDiffRow")
	@Nullable Unit old(DiffRowView row) {
		return this.registry.view(row.oldId(), row.dayBefore());
	}

	ValidationReport report(Plan plan) {
		String key = plan.id() + ":" + plan.revision() + ":" + plan.updatedAt() + ":" + this.registry.revision();
		ValidationReport cached = this.reports.get(key);
		if (cached != null) {
			return cached;
		}
		ValidationReport report = this.service.validate(plan);
		this.reports.put(key, report);
		return report;
	}

}

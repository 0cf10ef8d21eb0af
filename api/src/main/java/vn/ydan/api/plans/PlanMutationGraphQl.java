package vn.ydan.api.plans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.UnitType;

/**
 * The plan mutations; who may call them is decided by {@link PlanService}.
 */
@Controller
class PlanMutationGraphQl {

	private final PlanService service;

	private final UnitRegistry registry;

	PlanMutationGraphQl(PlanService service, UnitRegistry registry) {
		this.service = service;
		this.registry = registry;
	}

	@MutationMapping
	PlanPayload createPlan(@Argument CreatePlanInput input) {
		return this.service.create(input.title(), ids(input.scopeIds()), input.effectiveDate(),
				(input.abolishedLevels() != null) ? input.abolishedLevels() : List.of());
	}

	@MutationMapping
	PlanPayload updatePlan(@Argument UpdatePlanInput input) {
		return this.service.updateSettings(input.planId(), input.expectedVersion(), input.title(),
				(input.scopeIds() != null) ? ids(input.scopeIds()) : null, input.effectiveDate(),
				input.abolishedLevels());
	}

	@MutationMapping
	PlanImportResult importPlan(@Argument ImportPlanInput input) {
		return this.service.importUnits(input.planId(), input.expectedVersion(), input.csv(),
				Boolean.TRUE.equals(input.dryRun()));
	}

	@MutationMapping
	PlanPayload saveProposedUnit(@Argument SaveProposedUnitInput input) {
		return this.service.saveUnit(input.planId(), input.expectedVersion(), input.key(), input.code(), input.name(),
				input.fullName(), input.type(), input.alternativeNames(), input.seat(),
				(input.parentId() != null) ? this.registry.idOf(input.parentId()) : null, input.parentKey());
	}

	@MutationMapping
	PlanPayload removeProposedUnit(@Argument String planId, @Argument @Nullable Integer expectedVersion,
			@Argument String key) {
		return this.service.removeUnit(planId, expectedVersion, key);
	}

	@MutationMapping
	PlanPayload assignUnit(@Argument AssignUnitInput input) {
		return this.service.assign(input.planId(), input.expectedVersion(), input.key(),
				this.registry.idOf(input.unitId()), input.kind(), input.areaShare(), input.populationShare(),
				input.householdShare());
	}

	@MutationMapping
	PlanPayload unassignUnit(@Argument String planId, @Argument @Nullable Integer expectedVersion, @Argument String key,
			@Argument String unitId) {
		return this.service.unassign(planId, expectedVersion, key, this.registry.idOf(unitId));
	}

	@MutationMapping
	PlanPayload placeResidentialGroup(@Argument String planId, @Argument @Nullable Integer expectedVersion,
			@Argument String groupId, @Argument @Nullable String key) {
		return this.service.placeGroup(planId, expectedVersion, this.registry.idOf(groupId), key);
	}

	@MutationMapping
	PlanPayload saveGroupMerger(@Argument SaveGroupMergerInput input) {
		return this.service.saveGroupMerger(input.planId(), input.expectedVersion(), input.key(), ids(input.groupIds()),
				(input.survivorId() != null) ? this.registry.idOf(input.survivorId()) : null, input.name(),
				input.type(), input.code());
	}

	@MutationMapping
	PlanPayload removeGroupMerger(@Argument String planId, @Argument @Nullable Integer expectedVersion,
			@Argument String key) {
		return this.service.removeGroupMerger(planId, expectedVersion, key);
	}

	@MutationMapping
	PlanPayload changePlanStatus(@Argument String planId, @Argument @Nullable Integer expectedVersion,
			@Argument PlanStatus status) {
		return this.service.changeStatus(planId, expectedVersion, status);
	}

	@MutationMapping
	PlanPayload adoptPlan(@Argument AdoptPlanInput input) {
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		if (input.names() != null) {
			input.names().forEach((name) -> names.put(name.unitKey(), name.name()));
		}
		return this.service.adopt(input.planId(), input.expectedVersion(), input.number(), input.date(),
				input.effectiveDate(), input.overrideReason(), Boolean.TRUE.equals(input.confirmPastEffectiveDate()),
				names);
	}

	@MutationMapping
	PlanPayload applyPlan(@Argument String planId) {
		return this.service.apply(planId);
	}

	@MutationMapping
	PlanPayload replanRejectedUnits(@Argument ReplanInput input) {
		return this.service.replan(input.planId(), input.expectedVersion(), input.keys(), input.reason());
	}

	private List<String> ids(List<String> globalIds) {
		return globalIds.stream().map(this.registry::idOf).toList();
	}

	record CreatePlanInput(String title, List<String> scopeIds, @Nullable LocalDate effectiveDate,
			@Nullable List<UnitLevel> abolishedLevels) {
	}

	record UpdatePlanInput(String planId, @Nullable Integer expectedVersion, @Nullable String title,
			@Nullable List<String> scopeIds, @Nullable LocalDate effectiveDate,
			@Nullable List<UnitLevel> abolishedLevels) {
	}

	record ImportPlanInput(String planId, @Nullable Integer expectedVersion, String csv, @Nullable Boolean dryRun) {
	}

	record SaveProposedUnitInput(String planId, @Nullable Integer expectedVersion, @Nullable String key,
			@Nullable String code, String name, @Nullable String fullName, UnitType type,
			@Nullable List<String> alternativeNames, @Nullable String seat, @Nullable String parentId,
			@Nullable String parentKey) {
	}

	record AssignUnitInput(String planId, @Nullable Integer expectedVersion, String key, String unitId,
			ComponentKind kind, @Nullable Double areaShare, @Nullable Double populationShare,
			@Nullable Double householdShare) {
	}

	record SaveGroupMergerInput(String planId, @Nullable Integer expectedVersion, @Nullable String key,
			List<String> groupIds, @Nullable String survivorId, @Nullable String name, @Nullable UnitType type,
			@Nullable String code) {
	}

	record ReplanInput(String planId, @Nullable Integer expectedVersion, List<String> keys, String reason) {
	}

	record AdoptPlanInput(String planId, @Nullable Integer expectedVersion, String number, LocalDate date,
			@Nullable LocalDate effectiveDate, @Nullable String overrideReason,
			@Nullable Boolean confirmPastEffectiveDate, @Nullable List<AdoptedNameInput> names) {
	}

	record AdoptedNameInput(String unitKey, String name) {
	}

}

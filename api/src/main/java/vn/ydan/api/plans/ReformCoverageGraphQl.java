package vn.ydan.api.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import vn.ydan.api.access.Roles;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

/**
 * A reform over the whole country, seen from its plans ({@code Query.reformCoverage}):
 * each province in force the day before the effective date, the plans of that date that
 * cover it, and how many of its communes they place. An official loading the 34
 * provincial tables one by one sees what is still missing nationally.
 */
@Controller
class ReformCoverageGraphQl {

	private final PlanService service;

	private final PlanValidator validator;

	private final UnitRegistry registry;

	ReformCoverageGraphQl(PlanService service, PlanValidator validator, UnitRegistry registry) {
		this.service = service;
		this.validator = validator;
		this.registry = registry;
	}

	@QueryMapping
	@PreAuthorize(Roles.IS_PLANNER)
	Coverage reformCoverage(@Argument LocalDate effectiveDate) {
		LocalDate dayBefore = effectiveDate.minusDays(1);
		List<Plan> plans = this.service.visible((PlanStatus) null)
			.stream()
			.filter((plan) -> plan.status() != PlanStatus.WITHDRAWN && effectiveDate.equals(plan.effectiveDate()))
			.toList();
		Map<String, List<Plan>> plansByProvince = new HashMap<>();
		Set<String> placed = new HashSet<>();
		int newProvinces = 0;
		int newCommunes = 0;
		for (Plan plan : plans) {
			for (String scopeId : plan.scopeIds()) {
				UnitRecord province = this.registry.provinceOf(scopeId, dayBefore);
				if (province != null) {
					plansByProvince.computeIfAbsent(province.id(), (id) -> new ArrayList<>()).add(plan);
				}
			}
			for (ProposedUnit unit : plan.units()) {
				newProvinces += (unit.type().level() == UnitLevel.PROVINCE) ? 1 : 0;
				newCommunes += (unit.type().level() == UnitLevel.COMMUNE) ? 1 : 0;
				unit.components().forEach((component) -> placed.add(component.unitId()));
			}
		}
		Map<String, Boolean> valid = new HashMap<>();
		List<ProvinceCoverage> provinces = new ArrayList<>();
		int communesBefore = 0;
		int communesPlaced = 0;
		for (UnitRecord province : this.registry.unitsOfLevel(UnitLevel.PROVINCE, dayBefore)) {
			List<UnitRecord> communes = this.registry.descendants(province.id(), UnitLevel.COMMUNE, dayBefore);
			int inPlans = (int) communes.stream().filter((commune) -> placed.contains(commune.id())).count();
			List<Plan> covering = plansByProvince.getOrDefault(province.id(), List.of());
			boolean allValid = !covering.isEmpty() && covering.stream()
				.allMatch((plan) -> valid.computeIfAbsent(plan.id(), (id) -> this.validator.validate(plan).valid()));
			provinces.add(new ProvinceCoverage(province.id(), dayBefore, covering, communes.size(), inPlans, allValid));
			communesBefore += communes.size();
			communesPlaced += inPlans;
		}
		int uncovered = (int) provinces.stream().filter((province) -> province.plans().isEmpty()).count();
		return new Coverage(effectiveDate, provinces, provinces.size(), uncovered, communesBefore, communesPlaced,
				plans.size(), newProvinces, newCommunes);
	}

	@SchemaMapping(typeName = "ProvinceCoverage")
	@Nullable Unit province(ProvinceCoverage coverage) {
		return this.registry.view(coverage.provinceId(), coverage.dayBefore());
	}

	/**
	 * @param effectiveDate the reform's date
	 * @param provinces every province the day before, in code order
	 * @param provinceCount provinces the day before
	 * @param uncoveredProvinceCount provinces no plan covers yet
	 * @param communeCount commune-level units the day before
	 * @param communesInPlans those a plan places
	 * @param planCount plans of that date (not withdrawn)
	 * @param newProvinceCount province-level units the plans form
	 * @param newCommuneCount commune-level units the plans form or continue
	 */
	record Coverage(LocalDate effectiveDate, List<ProvinceCoverage> provinces, int provinceCount,
			int uncoveredProvinceCount, int communeCount, int communesInPlans, int planCount, int newProvinceCount,
			int newCommuneCount) {
	}

	/**
	 * @param provinceId the province, the day before
	 * @param dayBefore the day before the reform
	 * @param plans plans of that date whose scope covers it
	 * @param communeCount its commune-level units
	 * @param communesInPlans those a plan places
	 * @param valid whether it has plans and they all pass validation
	 */
	record ProvinceCoverage(String provinceId, LocalDate dayBefore, List<Plan> plans, int communeCount,
			int communesInPlans, boolean valid) {
	}

}

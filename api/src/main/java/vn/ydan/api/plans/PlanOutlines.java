package vn.ydan.api.plans;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import vn.ydan.api.audit.AuditTrail;

/**
 * What other modules may know of and do to plans: read a plan's outline, and move it into
 * and out of consultation (the consultations module's steps in the plan's life).
 */
@Service
public class PlanOutlines {

	private final Plans plans;

	private final Clock clock;

	private final AuditTrail audit;

	PlanOutlines(Plans plans, Clock clock, AuditTrail audit) {
		this.plans = plans;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * The oldest plan's id, or null when there is none (the demo plan on a first start).
	 */
	public @Nullable String firstPlanId() {
		List<Plan> all = this.plans.findAll();
		return all.isEmpty() ? null : all.get(all.size() - 1).id();
	}

	/** The plan's outline, or null when there is no such plan. */
	public @Nullable PlanOutline outline(String planId) {
		Plan plan = this.plans.findById(planId);
		if (plan == null) {
			return null;
		}
		Map<String, List<ProposedUnit>> byOld = new LinkedHashMap<>();
		for (ProposedUnit unit : plan.units()) {
			for (PlanComponent component : unit.components()) {
				byOld.computeIfAbsent(component.unitId(), (id) -> new ArrayList<>()).add(unit);
			}
		}
		List<PlanOutline.Affected> affected = new ArrayList<>();
		byOld.forEach((unitId, units) -> {
			// The proposed name is one of the choices, not only its alternatives: a
			// resident may keep it.
			List<String> alternatives = new ArrayList<>();
			units.forEach((unit) -> AlternativeNames.choices(unit)
				.stream()
				.filter((name) -> !alternatives.contains(name))
				.forEach(alternatives::add));
			affected.add(new PlanOutline.Affected(unitId, units.stream().map(ProposedUnit::fullName).toList(),
					alternatives));
		});
		List<PlanOutline.NewUnit> newUnits = new ArrayList<>();
		for (ProposedUnit unit : plan.units()) {
			newUnits.add(new PlanOutline.NewUnit(unit.key(), unit.fullName(),
					unit.type().level() == vn.ydan.api.units.UnitLevel.PROVINCE, AlternativeNames.choices(unit),
					AlternativeNames.seatChoices(unit),
					unit.components().stream().map(PlanComponent::unitId).toList()));
		}
		return new PlanOutline(plan.id(), plan.title(), plan.status().name(), plan.effectiveDate(), plan.scopeIds(),
				affected, newUnits);
	}

	/**
	 * Moves a published plan into consultation, or a plan in consultation to consulted;
	 * nothing when it is already there. Returns whether the plan is now in
	 * {@code target}. The new revision goes to the audit entry of the running mutation
	 * (the consultation's step, whose caller made it), as a line of the plan's history.
	 */
	public boolean moveConsultation(String planId, boolean finished) {
		PlanStatus from = finished ? PlanStatus.IN_CONSULTATION : PlanStatus.PUBLISHED;
		PlanStatus to = finished ? PlanStatus.CONSULTED : PlanStatus.IN_CONSULTATION;
		for (int attempt = 0; attempt < 3; attempt++) {
			Plan plan = this.plans.findById(planId);
			if (plan == null) {
				return false;
			}
			if (plan.status() == to) {
				return true;
			}
			if (plan.status() != from) {
				return false;
			}
			Plan moved = plan.withStatus(to, this.clock.instant());
			if (this.plans.save(moved, plan.revision())) {
				this.audit.current()
					.revised(Plan.subject(planId), moved.revision(), "Chuyển trạng thái sang " + to.label());
				return true;
			}
		}
		return false;
	}

}

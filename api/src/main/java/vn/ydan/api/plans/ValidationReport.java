package vn.ydan.api.plans;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What validating a plan found, rule by rule and unit by unit.
 *
 * @param issues every problem, in rule order
 * @param unassignedUnitIds old units in scope that no new unit takes yet
 * @param totals computed area, population and households of each new unit, by key
 * @param durationMicros time taken
 */
record ValidationReport(List<Issue> issues, List<String> unassignedUnitIds, Map<String, Totals> totals,
		long durationMicros) {

	boolean valid() {
		return errorCount() == 0;
	}

	int errorCount() {
		return (int) this.issues.stream()
			.filter((issue) -> issue.rule().severity() == ValidationRule.Severity.ERROR)
			.count();
	}

	int warningCount() {
		return this.issues.size() - errorCount();
	}

	/** Every rule with how many issues it found (0 for the rules that passed). */
	List<RuleResult> rules() {
		Map<ValidationRule, Integer> counts = new EnumMap<>(ValidationRule.class);
		for (ValidationRule rule : ValidationRule.values()) {
			counts.put(rule, 0);
		}
		this.issues.forEach((issue) -> counts.merge(issue.rule(), 1, Integer::sum));
		return counts.entrySet().stream().map((entry) -> new RuleResult(entry.getKey(), entry.getValue())).toList();
	}

	/**
	 * @param rule the rule broken
	 * @param proposedUnitKey the new unit concerned, if any
	 * @param unitId the old unit concerned, if any
	 * @param message what is wrong, in Vietnamese, naming the units
	 */
	record Issue(ValidationRule rule, @Nullable String proposedUnitKey, @Nullable String unitId, String message) {
	}

	/**
	 * @param rule the rule
	 * @param count issues found
	 */
	record RuleResult(ValidationRule rule, int count) {
	}

	/**
	 * @param areaKm2 area, rounded to 0.01 km²
	 * @param population population
	 * @param households households
	 * @param complete whether every component's figures and shares were known
	 */
	record Totals(@Nullable Double areaKm2, @Nullable Long population, @Nullable Long households, boolean complete) {
	}

}

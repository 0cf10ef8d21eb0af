package vn.ydan.admin.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A plan checked against the registry: rule by rule, issue by issue, and the old units
 * that no new unit takes yet.
 *
 * @param valid no rule of severity error is broken
 * @param errorCount errors
 * @param warningCount warnings
 * @param rules every rule with its count of issues
 * @param issues the issues (the first ones)
 * @param unassignedUnits old units in scope no new unit takes
 * @param durationMs how long the api took to validate
 */
public record Validation(boolean valid, int errorCount, int warningCount, @Nullable List<Rule> rules,
		@Nullable List<Issue> issues, @Nullable List<OldUnit> unassignedUnits, double durationMs) {

	public static final Validation NONE = new Validation(true, 0, 0, List.of(), List.of(), List.of(), 0);

	public List<Rule> ruleResults() {
		return (this.rules != null) ? this.rules : List.of();
	}

	public List<Issue> issueList() {
		return (this.issues != null) ? this.issues : List.of();
	}

	public List<OldUnit> unassigned() {
		return (this.unassignedUnits != null) ? this.unassignedUnits : List.of();
	}

	/**
	 * @param rule stable code, e.g. {@code WHOLE_TWICE}
	 * @param severity {@code ERROR} or {@code WARNING}
	 * @param description the rule in Vietnamese
	 * @param count issues found; 0: it holds
	 */
	public record Rule(String rule, String severity, String description, int count) {
	}

	/**
	 * @param rule the rule broken
	 * @param severity {@code ERROR} or {@code WARNING}
	 * @param message what is wrong, in Vietnamese
	 * @param proposedUnitKey the new unit concerned, if any
	 * @param unit the old unit concerned, if any
	 */
	public record Issue(String rule, String severity, String message, @Nullable String proposedUnitKey,
			@Nullable OldUnit unit) {

		public boolean error() {
			return "ERROR".equals(this.severity);
		}

	}

	/**
	 * An old unit, as it stood the day before the effective date.
	 *
	 * @param id the api's global id
	 * @param code its code
	 * @param fullName its full name
	 * @param typeName its type in Vietnamese
	 * @param parent the unit above it
	 */
	public record OldUnit(String id, @Nullable String code, String fullName, @Nullable String typeName,
			@Nullable Parent parent) {

		public String parentName() {
			return (this.parent != null) ? this.parent.fullName() : "";
		}

	}

	/**
	 * @param fullName the parent's full name
	 */
	public record Parent(String fullName) {
	}

}

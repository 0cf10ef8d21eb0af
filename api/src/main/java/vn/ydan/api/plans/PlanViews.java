package vn.ydan.api.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.units.LineageRelation;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitType;

/**
 * What the GraphQL types of this module read: domain values with the date (and plan)
 * their units are shown on. Accessors are public for GraphQL's property fetcher.
 */
final class PlanViews {

	private PlanViews() {
	}

	/**
	 * @param plan the plan
	 * @param unit the new unit
	 * @param dayBefore the date its old units are shown on
	 */
	record ProposedUnitView(Plan plan, ProposedUnit unit, LocalDate dayBefore) {

		public String key() {
			return this.unit.key();
		}

		public @Nullable String code() {
			return this.unit.code();
		}

		public String name() {
			return this.unit.name();
		}

		public String fullName() {
			return this.unit.fullName();
		}

		public UnitType type() {
			return this.unit.type();
		}

		public String typeName() {
			return this.unit.type().label();
		}

		public List<String> alternativeNames() {
			return this.unit.alternativeNames();
		}

		public @Nullable String seat() {
			return this.unit.seat();
		}

		public @Nullable String parentKey() {
			return this.unit.parentKey();
		}

		public @Nullable String legalClause() {
			return this.unit.legalClause();
		}

		public List<ComponentView> components() {
			return this.unit.components()
				.stream()
				.map((component) -> new ComponentView(component, this.dayBefore))
				.toList();
		}

	}

	/**
	 * @param component the component
	 * @param dayBefore the date its old unit is shown on
	 */
	record ComponentView(PlanComponent component, LocalDate dayBefore) {

		public ComponentKind kind() {
			return this.component.kind();
		}

		public LineageRelation relation() {
			return this.component.kind().relation();
		}

		public @Nullable Double areaShare() {
			return this.component.areaShare();
		}

		public @Nullable Double populationShare() {
			return this.component.populationShare();
		}

		public @Nullable Double householdShare() {
			return this.component.householdShare();
		}

	}

	/**
	 * @param report the report
	 * @param dayBefore the date its old units are shown on
	 */
	record ValidationView(ValidationReport report, LocalDate dayBefore) {

		public boolean valid() {
			return this.report.valid();
		}

		public int errorCount() {
			return this.report.errorCount();
		}

		public int warningCount() {
			return this.report.warningCount();
		}

		public double durationMs() {
			return this.report.durationMicros() / 1000.0;
		}

		public List<RuleView> rules() {
			return this.report.rules()
				.stream()
				.map((result) -> new RuleView(result.rule().name(), result.rule().severity(),
						result.rule().description(), result.count()))
				.toList();
		}

	}

	/**
	 * @param rule code of the rule
	 * @param severity its severity
	 * @param description the rule in Vietnamese
	 * @param count issues found
	 */
	record RuleView(String rule, ValidationRule.Severity severity, String description, int count) {
	}

	/**
	 * @param issue the issue
	 * @param dayBefore the date its old unit is shown on
	 */
	record IssueView(ValidationReport.Issue issue, LocalDate dayBefore) {

		public String rule() {
			return this.issue.rule().name();
		}

		public ValidationRule.Severity severity() {
			return this.issue.rule().severity();
		}

		public String message() {
			return this.issue.message();
		}

		public @Nullable String proposedUnitKey() {
			return this.issue.proposedUnitKey();
		}

	}

	/**
	 * The GraphQL {@code TypeCount}.
	 *
	 * @param level level of the type
	 * @param type the type
	 * @param typeName its Vietnamese label
	 * @param count how many
	 */
	record TypeCountView(UnitLevel level, UnitType type, String typeName, int count) {
	}

	/**
	 * @param parentId internal id of an existing parent, or null
	 * @param parentName full name of the parent
	 * @param date the date the parent is shown on
	 * @param counts counts by type
	 * @param total their sum
	 */
	record ParentCountsView(@Nullable String parentId, String parentName, LocalDate date, List<TypeCountView> counts,
			int total) {
	}

	/**
	 * @param oldId internal id of the old unit
	 * @param dayBefore the date it is shown on
	 * @param successors where it goes
	 */
	record DiffRowView(String oldId, LocalDate dayBefore, List<SuccessorView> successors) {
	}

	/**
	 * @param key key of the new unit
	 * @param fullName its full name
	 * @param kind what it takes
	 */
	record SuccessorView(String key, String fullName, ComponentKind kind) {
	}

	/**
	 * @param before counts by parent before
	 * @param after counts by parent after
	 * @param rows old → new table
	 */
	record DiffView(List<ParentCountsView> before, List<ParentCountsView> after, List<DiffRowView> rows) {
	}

	static LocalDate dayBefore(Plan plan, Clock clock) {
		return effectiveDate(plan, clock).minusDays(1);
	}

	static LocalDate effectiveDate(Plan plan, Clock clock) {
		return (plan.effectiveDate() != null) ? plan.effectiveDate() : vn.ydan.api.protocol.VietnamTime.today(clock);
	}

}

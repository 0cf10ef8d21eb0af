package vn.ydan.admin.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * Before and after a plan.
 *
 * @param before counts by type per parent, the day before the effective date
 * @param after the same on the effective date
 * @param rows each old unit the plan touches, with where it goes
 */
public record PlanDiff(@Nullable List<ParentCounts> before, @Nullable List<ParentCounts> after,
		@Nullable List<Row> rows) {

	public static final PlanDiff EMPTY = new PlanDiff(List.of(), List.of(), List.of());

	public List<ParentCounts> beforeCounts() {
		return (this.before != null) ? this.before : List.of();
	}

	public List<ParentCounts> afterCounts() {
		return (this.after != null) ? this.after : List.of();
	}

	public List<Row> oldToNew() {
		return (this.rows != null) ? this.rows : List.of();
	}

	/**
	 * @param parentName the parent's full name
	 * @param counts by type
	 * @param total their sum
	 */
	public record ParentCounts(String parentName, @Nullable List<TypeCount> counts, int total) {

		public List<TypeCount> byType() {
			return (this.counts != null) ? this.counts : List.of();
		}

	}

	/**
	 * @param typeName the type in Vietnamese
	 * @param count how many
	 */
	public record TypeCount(String typeName, int count) {
	}

	/**
	 * @param old the old unit
	 * @param successors where it goes
	 */
	public record Row(UnitRef old, @Nullable List<Successor> successors) {

		public List<Successor> to() {
			return (this.successors != null) ? this.successors : List.of();
		}

	}

	/**
	 * @param key the new unit's key
	 * @param fullName the new unit's full name
	 * @param kind what it takes
	 */
	public record Successor(String key, String fullName, ComponentKind kind) {
	}

}

package vn.ydan.admin.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
	 * Counts per parent grouped by the province they are in: the units formed at the
	 * province level (which have no parent) first, then the provinces by code, then the
	 * new provinces of the plan by name; within a province, its parents by code.
	 */
	public static List<ProvinceGroup> byProvince(List<ParentCounts> counts) {
		Map<String, ProvinceGroup.Builder> groups = new LinkedHashMap<>();
		for (ParentCounts row : counts) {
			Parent parent = row.parent();
			if (parent == null) {
				boolean provinces = !row.byType().isEmpty()
						&& row.byType().stream().allMatch((count) -> "PROVINCE".equals(count.level()));
				if (provinces) {
					groups.computeIfAbsent("", (key) -> new ProvinceGroup.Builder(null, row.parentName(), true, false))
						.direct(row);
				}
				else {
					// A new province of the plan: only its name is known before it
					// exists.
					groups
						.computeIfAbsent("new:" + row.parentName(),
								(key) -> new ProvinceGroup.Builder(null, row.parentName(), false, true))
						.direct(row);
				}
				continue;
			}
			if ("PROVINCE".equals(parent.level())) {
				groups
					.computeIfAbsent(parent.id(),
							(key) -> new ProvinceGroup.Builder(parent.ref(), parent.fullName(), false, false))
					.direct(row);
				continue;
			}
			Parent province = parent.parent();
			String key = (province != null) ? province.id() : "?";
			groups
				.computeIfAbsent(key,
						(id) -> new ProvinceGroup.Builder((province != null) ? province.ref() : null,
								(province != null) ? province.fullName() : row.parentName(), false, false))
				.below(row);
		}
		return groups.values()
			.stream()
			.map(ProvinceGroup.Builder::build)
			.sorted(Comparator.comparing((ProvinceGroup group) -> !group.national())
				.thenComparing((group) -> order(group.province(), group.name())))
			.toList();
	}

	/** By code where there is one (provinces, districts), after them by name. */
	private static String order(@Nullable UnitRef unit, String name) {
		return (unit != null && unit.code() != null) ? "0" + unit.code() : "1" + name;
	}

	/**
	 * @param parentName the parent's full name
	 * @param parent the parent, with the unit above it; none for a new parent of the plan
	 * (see the name) or for the units at the top
	 * @param counts by type
	 * @param total their sum
	 */
	public record ParentCounts(String parentName, @Nullable Parent parent, @Nullable List<TypeCount> counts,
			int total) {

		public List<TypeCount> byType() {
			return (this.counts != null) ? this.counts : List.of();
		}

	}

	/**
	 * A parent unit as the diff names it.
	 *
	 * @param id the api's global id
	 * @param code its code
	 * @param fullName its full name
	 * @param level its level ({@code PROVINCE}, {@code DISTRICT}, …)
	 * @param parent the unit above it, when asked for
	 */
	public record Parent(String id, @Nullable String code, String fullName, @Nullable String level,
			@Nullable Parent parent) {

		UnitRef ref() {
			return new UnitRef(this.id, this.code, this.fullName);
		}

	}

	/**
	 * @param typeName the type in Vietnamese
	 * @param count how many
	 * @param level the type's level, when asked for
	 */
	public record TypeCount(String typeName, int count, @Nullable String level) {
	}

	/**
	 * The counts of one province: its own (units directly below it) and those of each
	 * parent below it (districts).
	 *
	 * @param province the province, when it exists in the registry
	 * @param name its full name
	 * @param national the units formed at the province level (no province above them)
	 * @param newProvince a province the plan forms
	 * @param counts by type, summed
	 * @param total their sum
	 * @param parents the parents below the province, with their counts
	 */
	public record ProvinceGroup(@Nullable UnitRef province, String name, boolean national, boolean newProvince,
			List<TypeCount> counts, int total, List<ParentCounts> parents) {

		static final class Builder {

			private final @Nullable UnitRef province;

			private final String name;

			private final boolean national;

			private final boolean newProvince;

			private final Map<String, TypeCount> counts = new LinkedHashMap<>();

			private final List<ParentCounts> parents = new ArrayList<>();

			private int total;

			Builder(@Nullable UnitRef province, String name, boolean national, boolean newProvince) {
				this.province = province;
				this.name = name;
				this.national = national;
				this.newProvince = newProvince;
			}

			void direct(ParentCounts row) {
				add(row);
			}

			void below(ParentCounts row) {
				add(row);
				this.parents.add(row);
			}

			private void add(ParentCounts row) {
				for (TypeCount count : row.byType()) {
					this.counts.merge(count.typeName(), count, (a, b) -> new TypeCount(a.typeName(),
							a.count() + b.count(), (a.level() != null) ? a.level() : b.level()));
				}
				this.total += row.total();
			}

			ProvinceGroup build() {
				List<ParentCounts> sorted = new ArrayList<>(this.parents);
				sorted.sort(Comparator
					.comparing((ParentCounts row) -> order((row.parent() != null) ? row.parent().ref() : null,
							row.parentName())));
				return new ProvinceGroup(this.province, this.name, this.national, this.newProvince,
						List.copyOf(this.counts.values()), this.total, List.copyOf(sorted));
			}

		}

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

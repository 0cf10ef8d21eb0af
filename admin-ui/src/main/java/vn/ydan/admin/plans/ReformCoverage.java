package vn.ydan.admin.plans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * How far the plans of one effective date cover the country: each province in force the
 * day before, the plans that cover it, and how many of its communes they place.
 *
 * @param effectiveDate the reform's date
 * @param provinceCount provinces the day before
 * @param uncoveredProvinceCount provinces no plan covers yet
 * @param communeCount commune-level units the day before
 * @param communesInPlans those a plan places
 * @param newProvinceCount province-level units the plans form
 * @param newCommuneCount commune-level units the plans form
 * @param planCount plans of that date the user may see (not withdrawn)
 * @param provinces every province, by code
 */
public record ReformCoverage(LocalDate effectiveDate, int provinceCount, int uncoveredProvinceCount, int communeCount,
		int communesInPlans, int newProvinceCount, int newCommuneCount, int planCount,
		@Nullable List<Province> provinces) {

	public List<Province> provinceList() {
		return (this.provinces != null) ? this.provinces : List.of();
	}

	/**
	 * One province and the plans that cover it.
	 *
	 * @param province the province the day before the reform
	 * @param communeCount its commune-level units
	 * @param communesInPlans those a plan places
	 * @param valid whether it has plans and they all pass validation
	 * @param plans the plans whose scope covers it
	 */
	public record Province(@Nullable UnitRef province, int communeCount, int communesInPlans, boolean valid,
			@Nullable List<CoveringPlan> plans) {

		public List<CoveringPlan> planList() {
			return (this.plans != null) ? this.plans : List.of();
		}

		/** Whether no plan covers it yet. */
		public boolean uncovered() {
			return planList().isEmpty();
		}

		/** Whether every one of its communes is placed. */
		public boolean complete() {
			return this.communesInPlans >= this.communeCount;
		}

	}

	/**
	 * @param id the plan's id
	 * @param title its title
	 * @param status where it stands
	 * @param statusName the api's label of the status
	 */
	public record CoveringPlan(String id, String title, PlanStatus status, String statusName) {
	}

}

package vn.ydan.admin.plans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A draft plan to create.
 *
 * @param title its title
 * @param scopeIds global ids of the units it covers (provinces or districts; several for
 * a plan that merges provinces)
 * @param effectiveDate first day of the new units, if known yet
 * @param abolishDistricts whether the district level ends in the scope on that day
 */
public record NewPlan(String title, List<String> scopeIds, @Nullable LocalDate effectiveDate,
		boolean abolishDistricts) {

	public NewPlan {
		scopeIds = List.copyOf(scopeIds);
	}

}

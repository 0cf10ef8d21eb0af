package vn.ydan.admin.plans;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A draft plan to create.
 *
 * @param title its title
 * @param scopeId global id of the unit it covers (a province or district)
 * @param effectiveDate first day of the new units, if known yet
 * @param abolishDistricts whether the district level ends in the scope on that day
 */
public record NewPlan(String title, String scopeId, @Nullable LocalDate effectiveDate, boolean abolishDistricts) {
}

package vn.ydan.admin.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.RowError;
import vn.ydan.admin.api.UserError;

/**
 * What importing a plan's table did. With errors of either kind nothing was stored.
 *
 * @param plan the plan after the import; none when rejected
 * @param rows data rows read
 * @param proposedUnits new units read
 * @param links links read
 * @param errors problems of the file, by line
 * @param userErrors problems of the request (status, version)
 * @param durationMs how long the api took
 */
public record PlanImportResult(@Nullable PlanState plan, int rows, int proposedUnits, int links,
		@Nullable List<RowError> errors, @Nullable List<UserError> userErrors, int durationMs) {

	public List<RowError> rowErrors() {
		return (this.errors != null) ? this.errors : List.of();
	}

	public List<UserError> requestErrors() {
		return (this.userErrors != null) ? this.userErrors : List.of();
	}

}

package vn.ydan.api.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.csv.RowError;
import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;

/**
 * What importing a plan's table did.
 *
 * @param plan the plan with the imported units; null when rejected
 * @param rows data rows read
 * @param proposedUnits new units read
 * @param links components read
 * @param errors problems with the file, by line
 * @param userErrors problems with the request (status, version…)
 * @param durationMs time taken
 */
record PlanImportResult(@Nullable Plan plan, int rows, int proposedUnits, int links, List<RowError> errors,
		List<UserError> userErrors, long durationMs) implements WithUserErrors {
}

package vn.ydan.admin.units;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.RowError;

/**
 * What an import did, or why the file was rejected as a whole.
 *
 * @param rows the data rows read
 * @param created units created
 * @param updated units changed
 * @param unchanged units already as the file says
 * @param durationMs how long the api took
 * @param errors the rows that are wrong; when there are any, nothing was written
 */
public record ImportResult(int rows, int created, int updated, int unchanged, int durationMs,
		@Nullable List<RowError> errors) {

	public List<RowError> rowErrors() {
		return (this.errors != null) ? this.errors : List.of();
	}

}

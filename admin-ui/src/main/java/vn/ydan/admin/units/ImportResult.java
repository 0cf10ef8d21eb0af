package vn.ydan.admin.units;

import java.util.List;

import org.jspecify.annotations.Nullable;

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

	/**
	 * A row of the file that is wrong.
	 *
	 * @param line the line of the file (the header is line 1)
	 * @param column the column, when the error is about one
	 * @param message the rule it breaks, in Vietnamese
	 * @param code a stable code
	 */
	public record RowError(int line, @Nullable String column, String message, String code) {
	}

}

package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.RowError;

/**
 * What importing a household register did; when there are errors nothing was written.
 *
 * @param rows data rows read
 * @param households households registered
 * @param durationMs time the api took
 * @param errors problems by line
 */
public record HouseholdImportResult(int rows, int households, int durationMs, @Nullable List<RowError> errors) {

	public List<RowError> rowErrors() {
		return (this.errors != null) ? this.errors : List.of();
	}

}

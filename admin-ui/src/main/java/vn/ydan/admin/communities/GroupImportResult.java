package vn.ydan.admin.communities;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.RowError;

/**
 * What an import of residential groups did, or why nothing was written.
 *
 * @param created groups created
 * @param updated groups whose data changed
 * @param unchanged groups left as they were
 * @param rows data rows read
 * @param errors why the file was refused; empty when imported
 */
public record GroupImportResult(int created, int updated, int unchanged, int rows, @Nullable List<RowError> errors) {

	public List<RowError> problems() {
		return (this.errors != null) ? this.errors : List.of();
	}

}

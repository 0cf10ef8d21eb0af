package vn.ydan.api.units;

import java.util.List;

import vn.ydan.api.csv.RowError;

/**
 * What an import did, or would do for a dry run. With errors, nothing was written.
 *
 * @param created units created
 * @param updated existing units whose data changed
 * @param unchanged existing units left as they were
 * @param rows data rows read
 * @param errors why the file was rejected
 * @param durationMs time taken
 */
record UnitImportResult(int created, int updated, int unchanged, int rows, List<RowError> errors, int durationMs) {

	static UnitImportResult rejected(int rows, List<RowError> errors, long startedNanos) {
		return new UnitImportResult(0, 0, 0, rows, errors, millisSince(startedNanos));
	}

	static int millisSince(long startedNanos) {
		return (int) ((System.nanoTime() - startedNanos) / 1_000_000);
	}

}

package vn.ydan.admin.units;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A CSV file to import.
 *
 * @param kind what the file holds
 * @param csv its text
 * @param validFrom from when the imported units apply; the api's default when empty
 * @param dryRun check only, write nothing
 */
public record ImportRequest(ImportKind kind, String csv, @Nullable LocalDate validFrom, boolean dryRun) {
}

package vn.ydan.admin.api;

import org.jspecify.annotations.Nullable;

/**
 * A row of an imported file that is wrong: an entry of an import's {@code errors}, the
 * same for every import (units, a plan's links, households).
 *
 * @param line the line of the file (the header is line 1)
 * @param column the column, when the error is about one
 * @param message the rule it breaks, in Vietnamese
 * @param code a stable code
 */
public record RowError(int line, @Nullable String column, String message, String code) {
}

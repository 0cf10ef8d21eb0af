package vn.ydan.api.csv;

import org.jspecify.annotations.Nullable;

/**
 * One problem with one row of an imported file (the GraphQL {@code ImportRowError}): the
 * same shape for every import (units, plans, households).
 *
 * @param line line of the file (the header is line 1)
 * @param column header name of the column at fault; null for the whole row or file
 * @param message what is wrong, in Vietnamese, naming the record and the rule
 * @param code stable code of the rule
 */
public record RowError(int line, @Nullable String column, String message, String code) {
}

package vn.ydan.api.plans;

import org.jspecify.annotations.Nullable;

/**
 * One problem with one row of an imported plan (the GraphQL {@code ImportRowError}).
 *
 * @param line line of the file (the header is line 1)
 * @param column header name of the column at fault; null for the whole row or file
 * @param message what is wrong, in Vietnamese
 * @param code stable code of the rule
 */
record PlanRowError(int line, @Nullable String column, String message, String code) {
}

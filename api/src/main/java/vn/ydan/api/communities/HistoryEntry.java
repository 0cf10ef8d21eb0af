package vn.ydan.api.communities;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One line of a team's history: what happened to it apart from its own edits (which the
 * audit log keeps), e.g. moving with its group to a new commune.
 *
 * @param date the day it took effect
 * @param text what happened, in Vietnamese
 * @param key what caused it (e.g. {@code plan:<id>}), so that a retry adds nothing
 */
record HistoryEntry(LocalDate date, String text, @Nullable String key) {
}

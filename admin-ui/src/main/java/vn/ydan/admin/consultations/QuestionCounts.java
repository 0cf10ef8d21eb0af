package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The paper counts of one further question (seat, province merger, province name).
 *
 * @param question which
 * @param agree forms that agree (agree / disagree questions)
 * @param disagree forms that disagree
 * @param choices forms per choice (choices)
 */
public record QuestionCounts(String question, int agree, int disagree, @Nullable List<NameCount> choices) {
}

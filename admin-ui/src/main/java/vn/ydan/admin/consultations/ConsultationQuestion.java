package vn.ydan.admin.consultations;

import java.util.List;

/**
 * A question of a commune's form ({@code ConsultedUnit.questions}).
 *
 * @param question which (ARRANGEMENT, NAME, SEAT, PROVINCE_MERGER, PROVINCE_NAME)
 * @param text the question in Vietnamese
 * @param choice true when answered by a choice, false for agree / disagree
 * @param choices what may be chosen
 */
public record ConsultationQuestion(String question, String text, boolean choice, List<String> choices) {
}

package vn.ydan.api.consultations;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;

/**
 * A household's answer to one question of the form, as sent: agree / disagree, or a
 * choice.
 *
 * @param question which question
 * @param agree for an agree / disagree question
 * @param choice for a choice (name, seat)
 */
record QuestionAnswer(Question.Key question, @Nullable Boolean agree, @Nullable String choice) {

	/**
	 * What was sent, read into the answer's fields (the name chosen, NFC; the further
	 * answers), or why it cannot be: a question answered twice or differently from
	 * {@code agree} / {@code nameChoice}, an agree / disagree question given a choice or
	 * the reverse ({@code ANSWER_INVALID}).
	 */
	static Answered read(boolean agree, @Nullable String nameChoice, List<QuestionAnswer> answers) {
		String name = (nameChoice != null && !nameChoice.isBlank()) ? Question.nfc(nameChoice) : null;
		Map<Question.Key, String> further = new EnumMap<>(Question.Key.class);
		java.util.Set<Question.Key> seen = java.util.EnumSet.noneOf(Question.Key.class);
		for (QuestionAnswer answer : answers) {
			Question.Key key = answer.question();
			String choice = (answer.choice() != null && !answer.choice().isBlank()) ? Question.nfc(answer.choice())
					: null;
			if (!seen.add(key)) {
				return Answered.refused(invalid("Câu \"" + key.label() + "\" được trả lời hai lần"));
			}
			if (key.isChoiceQuestion() ? answer.agree() != null : (choice != null || answer.agree() == null)) {
				return Answered.refused(
						invalid(key.isChoiceQuestion() ? "Câu \"" + key.label() + "\" là câu chọn: trả lời bằng choice"
								: "Câu \"" + key.label() + "\" trả lời đồng ý hay không (agree: true/false)"));
			}
			switch (key) {
				case ARRANGEMENT -> {
					if (answer.agree() != agree) {
						return Answered.refused(invalid("Câu \"" + key.label() + "\" khác với agree"));
					}
				}
				case NAME -> {
					if (name != null && !name.equals(choice)) {
						return Answered.refused(invalid("Câu \"" + key.label() + "\" khác với nameChoice"));
					}
					name = choice;
				}
				default -> {
					String value = key.isChoiceQuestion() ? choice : String.valueOf(answer.agree());
					if (value != null) {
						further.put(key, value);
					}
				}
			}
		}
		return new Answered(name, further, null);
	}

	/**
	 * Why the further answers do not answer the commune's form, or null: a question it
	 * does not ask ({@code QUESTION_NOT_ASKED}), an agree / disagree question left
	 * unanswered ({@code QUESTION_UNANSWERED}), a choice not offered
	 * ({@code NAME_CHOICE_INVALID}, {@code SEAT_CHOICE_INVALID}).
	 */
	static @Nullable UserError problem(Consultation.ConsultedUnit unit, Map<Question.Key, String> further) {
		for (Map.Entry<Question.Key, String> answer : further.entrySet()) {
			Question question = unit.question(answer.getKey());
			if (question == null) {
				return UserError.of("answers", "Phiếu của đơn vị này không hỏi câu \"" + answer.getKey().label() + "\"",
						"QUESTION_NOT_ASKED");
			}
			if (question.isChoice() && !question.choices().contains(answer.getValue())) {
				return UserError.of("answers",
						"\"" + answer.getValue() + "\" không có trong các lựa chọn: "
								+ String.join("; ", question.choices()),
						(question.key() == Question.Key.SEAT) ? "SEAT_CHOICE_INVALID" : "NAME_CHOICE_INVALID");
			}
		}
		for (Question question : unit.questions()) {
			if (!question.isChoice() && question.key() != Question.Key.ARRANGEMENT
					&& !further.containsKey(question.key())) {
				return UserError.of("answers", "Chưa trả lời câu \"" + question.text() + "\"", "QUESTION_UNANSWERED");
			}
		}
		return null;
	}

	private static UserError invalid(String message) {
		return UserError.of("answers", message, "ANSWER_INVALID");
	}

	/**
	 * @param nameChoice the name chosen (NFC), or null
	 * @param further the answers beyond the arrangement and the name
	 * @param refusal why it cannot be read, or null
	 */
	record Answered(@Nullable String nameChoice, Map<Question.Key, String> further, @Nullable UserError refusal) {

		static Answered refused(UserError refusal) {
			return new Answered(null, Map.of(), refusal);
		}

	}

}

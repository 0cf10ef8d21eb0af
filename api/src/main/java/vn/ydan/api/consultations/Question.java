package vn.ydan.api.consultations;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question on a commune's form, as the 2025 forms asked them: the commune's arrangement
 * (agree or not: the one that decides pass or fail), the new commune's name and seat
 * where the plan offers a choice, and, in provinces that merge, the province merger and
 * the new province's name. Generated from the plan when the consultation is created
 * ({@link Consultation.ConsultedUnit#questions}).
 *
 * @param key which question
 * @param text the question in Vietnamese
 * @param choices the names (or seats) offered, for a choice; empty for agree / disagree
 */
record Question(Key key, String text, List<String> choices) {

	Question {
		choices = List.copyOf(choices);
	}

	boolean isChoice() {
		return this.key.isChoiceQuestion();
	}

	/**
	 * {@code answer} NFC-normalized if it is one of the choices (compared exactly), else
	 * null.
	 */
	@Nullable String choice(String answer) {
		String normal = nfc(answer);
		return this.choices.contains(normal) ? normal : null;
	}

	static String nfc(String text) {
		return Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
	}

	/**
	 * The questions asked of a commune, in the form's order: the arrangement always; the
	 * others where the plan asks them.
	 */
	static List<Question> of(Consultation.ConsultedUnit unit) {
		List<Question> questions = new ArrayList<>();
		String successors = String.join(", ", unit.successors());
		questions.add(new Question(Key.ARRANGEMENT,
				"Đồng ý với phương án sắp xếp đơn vị hành chính cấp xã (thành lập " + successors + ")?", List.of()));
		if (!unit.nameChoices().isEmpty()) {
			questions.add(new Question(Key.NAME, "Tên gọi của " + successors, unit.nameChoices()));
		}
		if (!unit.seatChoices().isEmpty()) {
			questions.add(new Question(Key.SEAT, "Nơi đặt trụ sở của " + successors, unit.seatChoices()));
		}
		Consultation.ProvinceMerger province = unit.province();
		if (province != null) {
			questions.add(new Question(Key.PROVINCE_MERGER,
					"Đồng ý với việc sắp xếp đơn vị hành chính cấp tỉnh (thành lập " + province.newProvince() + ")?",
					List.of()));
			if (!province.nameChoices().isEmpty()) {
				questions.add(new Question(Key.PROVINCE_NAME, "Tên gọi của " + province.newProvince(),
						province.nameChoices()));
			}
		}
		return questions;
	}

	/**
	 * The questions a form may ask; the GraphQL enum {@code QuestionKey} has the same
	 * names.
	 */
	enum Key {

		/** The commune's arrangement: agree or not; decides pass or fail. */
		ARRANGEMENT(false, "Sắp xếp đơn vị hành chính cấp xã"),
		/** The new commune's name. */
		NAME(true, "Tên gọi đơn vị hành chính cấp xã"),
		/** Where the new commune's People's Committee sits. */
		SEAT(true, "Nơi đặt trụ sở"),
		/** The merger of the commune's province: agree or not. */
		PROVINCE_MERGER(false, "Sắp xếp đơn vị hành chính cấp tỉnh"),
		/** The new province's name. */
		PROVINCE_NAME(true, "Tên gọi đơn vị hành chính cấp tỉnh");

		private final boolean choice;

		private final String label;

		Key(boolean choice, String label) {
			this.choice = choice;
			this.label = label;
		}

		/** Whether it is answered by a choice (else agree / disagree). */
		boolean isChoiceQuestion() {
			return this.choice;
		}

		/** Short Vietnamese heading (exports, minutes). */
		String label() {
			return this.label;
		}

	}

}

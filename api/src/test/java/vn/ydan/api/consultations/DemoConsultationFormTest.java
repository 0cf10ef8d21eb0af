package vn.ydan.api.consultations;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's synthetic households fill in the whole form: a name among those offered (so
 * the demo's results have names to count), the seat and the province's questions where
 * asked, nothing where nothing is asked.
 */
class DemoConsultationFormTest {

	private static final Consultation.ConsultedUnit KIM_SON = new Consultation.ConsultedUnit("kim-son",
			List.of("Xã Đoài Phương"), List.of("Đoài Phương", "Đông Sơn"));

	@Test
	void householdsOfSonTayChooseAmongDoaiPhuongAndDongSonTheProposedNameMoreOften() {
		Random random = new Random(1);
		List<String> chosen = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			chosen.add(DemoConsultation.Form.filledIn(KIM_SON, true, random).nameChoice());
		}

		assertThat(chosen).containsOnly("Đoài Phương", "Đông Sơn");
		long proposed = chosen.stream().filter("Đoài Phương"::equals).count();
		assertThat(proposed).isGreaterThan(chosen.size() - proposed);
	}

	@Test
	void aCommuneAskedNoNameGetsNoNameAndNoOtherAnswer() {
		Consultation.ConsultedUnit phucXa = new Consultation.ConsultedUnit("phuc-xa", List.of("Phường Ba Đình"),
				List.of());

		DemoConsultation.Form form = DemoConsultation.Form.filledIn(phucXa, true, new Random(1));

		assertThat(form.nameChoice()).isNull();
		assertThat(form.further()).isEmpty();
		assertThat(DemoConsultation.Form.filledIn(null, false, new Random(1)).further()).isEmpty();
	}

	@Test
	void whereTheSeatAndTheProvinceAreAskedEveryQuestionIsAnsweredWithAnOfferedChoice() {
		Consultation.ConsultedUnit merging = new Consultation.ConsultedUnit("my-tho", List.of("Phường Mỹ Tho"),
				List.of("Mỹ Tho", "Đạo Thạnh"), List.of("Số 1 Hùng Vương", "Số 5 Lê Lợi"),
				new Consultation.ProvinceMerger("Tỉnh Đồng Tháp", List.of("Đồng Tháp", "Tiền Giang")));

		for (int i = 0; i < 50; i++) {
			DemoConsultation.Form form = DemoConsultation.Form.filledIn(merging, i % 2 == 0, new Random(i));

			assertThat(form.nameChoice()).isIn("Mỹ Tho", "Đạo Thạnh");
			assertThat(form.further()).containsOnlyKeys(Question.Key.SEAT, Question.Key.PROVINCE_MERGER,
					Question.Key.PROVINCE_NAME);
			assertThat(form.further().get(Question.Key.SEAT)).isIn("Số 1 Hùng Vương", "Số 5 Lê Lợi");
			assertThat(form.further().get(Question.Key.PROVINCE_MERGER)).isIn("true", "false");
			assertThat(form.further().get(Question.Key.PROVINCE_NAME)).isIn("Đồng Tháp", "Tiền Giang");
		}
	}

}

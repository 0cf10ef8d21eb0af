package vn.ydan.api.units;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeyUnitTest {

	@Test
	void foldsDiacriticsCaseAndSpaces() {
		assertThat(SearchKey.fold("Phường  Hoàn Kiếm ")).isEqualTo("phuong hoan kiem");
		assertThat(SearchKey.fold("Đống Đa")).isEqualTo("dong da");
		assertThat(SearchKey.fold("ĐẮK LẮK")).isEqualTo("dak lak");
		assertThat(SearchKey.fold("Thừa Thiên Huế")).isEqualTo("thua thien hue");
	}

	@Test
	void foldsDecomposedTextLikeComposedText() {
		String decomposed = java.text.Normalizer.normalize("Hoàn Kiếm", java.text.Normalizer.Form.NFD);

		assertThat(SearchKey.fold(decomposed)).isEqualTo(SearchKey.fold("Hoàn Kiếm"));
	}

	@Test
	void matchesFromTheStartOfAWord() {
		assertThat(SearchKey.matchesAtWord("quan hoan kiem", "hoan kiem")).isTrue();
		assertThat(SearchKey.matchesAtWord("quan hoan kiem", "hoan ki")).isTrue();
		assertThat(SearchKey.matchesAtWord("quan hoan kiem", "oan kiem")).isFalse();
	}

	@Test
	void typesAreFoundByTheirLabelWithOrWithoutDiacritics() {
		assertThat(UnitType.fromLabel("phường")).isEqualTo(UnitType.PHUONG);
		assertThat(UnitType.fromLabel("Thi tran")).isEqualTo(UnitType.THI_TRAN);
		assertThat(UnitType.fromLabel("THANH_PHO_THUOC_TINH")).isEqualTo(UnitType.THANH_PHO_THUOC_TINH);
		assertThat(UnitType.fromLabel("thành phố thuộc thành phố"))
			.isEqualTo(UnitType.THANH_PHO_THUOC_THANH_PHO_TRUC_THUOC_TRUNG_UONG);
		assertThat(UnitType.fromLabel("thủ đô")).isNull();
	}

}

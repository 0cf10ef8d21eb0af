package vn.ydan.api.units;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an old address is read into parts before any lookup: type words written out or
 * abbreviated, province shorthands, numbers, look-alike letters.
 */
class AddressConverterUnitTest {

	@Test
	void abbreviatedTypesAreReadWithAndWithoutThem() {
		List<List<AddressConverter.Reading>> parts = AddressConverter.readings("P. Trúc Bạch, Q.Ba Đình, HN");

		assertThat(parts).hasSize(3);
		assertThat(parts.get(0)).extracting(AddressConverter.Reading::name)
			.containsExactly("truc bach", "p. truc bach");
		assertThat(parts.get(0).get(0).types()).containsExactly(UnitType.PHUONG);
		assertThat(parts.get(1).get(0).types()).containsExactly(UnitType.QUAN);
		assertThat(parts.get(1).get(0).name()).isEqualTo("ba dinh");
		assertThat(parts.get(2)).extracting(AddressConverter.Reading::name).contains("ha noi");
	}

	@Test
	void aNameThatStartsLikeATypeWordIsAlsoReadWhole() {
		// "Quán Thánh" folds to "quan thanh": Quận Thánh, or the ward Quán Thánh.
		assertThat(AddressConverter.readings("Quán Thánh").get(0)).extracting(AddressConverter.Reading::name)
			.containsExactly("thanh", "quan thanh");
	}

	@Test
	void cityShorthandsAndNumberedWardsAreNormalised() {
		List<List<AddressConverter.Reading>> parts = AddressConverter.readings("Phường 01, Quận 3, TP.HCM");

		assertThat(parts.get(0).get(0).name()).isEqualTo("1");
		assertThat(parts.get(1).get(0).name()).isEqualTo("3");
		assertThat(parts.get(2)).extracting(AddressConverter.Reading::name).contains("ho chi minh");
	}

	@Test
	void lookAlikeLettersBecomeLatinAndOtherScriptsAreRefused() {
		assertThat(AddressConverter.latin("\u0420hường")).isEqualTo("Phường");
		assertThat(AddressConverter.latin("Phường 巴亭")).isNull();
	}

	@Test
	void theDistanceStopsAtItsBound() {
		assertThat(AddressIndex.distance("truc bac", "truc bach", 2)).isEqualTo(1);
		assertThat(AddressIndex.distance("abcdef", "uvwxyz", 2)).isEqualTo(3);
	}

}

package vn.ydan.api.plans;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlternativeNamesUnitTest {

	@Test
	void aNameWithItsAlternativeWrittenInIsTheNameAndTheAlternative() {
		assertThat(AlternativeNames.split("Đoài Phương (hoặc Đông Sơn)"))
			.isEqualTo(new AlternativeNames.Split("Đoài Phương", List.of("Đông Sơn")));
		assertThat(AlternativeNames.split("Xã Đoài Phương (Hoặc Đông Sơn)").name()).isEqualTo("Xã Đoài Phương");
	}

	@Test
	void severalAlternativesAreReadInOrderOnce() {
		assertThat(AlternativeNames.split("A Lưới (hoặc Hồng Hà, Hồng Bắc hoặc Hồng Hà)").alternatives())
			.containsExactly("Hồng Hà", "Hồng Bắc");
	}

	@Test
	void aNameWithoutAlternativesOrWithOtherBracketsStaysWhole() {
		assertThat(AlternativeNames.split(" Ba Đình ")).isEqualTo(new AlternativeNames.Split("Ba Đình", List.of()));
		assertThat(AlternativeNames.split("Phường 1 (cũ)").name()).isEqualTo("Phường 1 (cũ)");
	}

}

package vn.ydan.api.units;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseNameUnitTest {

	@Test
	void namesApartByADiacriticAreDifferentNames() {
		assertThat(VietnameseName.same("Xã Tân Thạnh", "Xã Tân Thành")).isFalse();
		assertThat(VietnameseName.same("Xã Văn Lăng", "Xã Văn Lang")).isFalse();
		assertThat(VietnameseName.same("Xã Phố Bảng", "Xã Phó Bảng")).isFalse();
		assertThat(VietnameseName.same("Thôn Đông", "Thôn Đồng")).isFalse();
		assertThat(VietnameseName.onlyDiacriticsApart("Xã Sơn Hạ", "Xã Sơn Hà")).isTrue();
	}

	@Test
	void compositionCaseSpacesAndTonePlacementAreTheSameName() {
		String decomposed = Normalizer.normalize("Xã Tân Thạnh", Normalizer.Form.NFD);
		assertThat(VietnameseName.same(decomposed, "Xã Tân Thạnh")).isTrue();
		assertThat(VietnameseName.same("xã  tân thạnh ", "Xã Tân Thạnh")).isTrue();
		assertThat(VietnameseName.same("Xã Mỹ Hoà Hưng", "Xã Mỹ Hòa Hưng")).isTrue();
		assertThat(VietnameseName.same("Phường Thuỷ Nguyên", "Phường Thủy Nguyên")).isTrue();
		assertThat(VietnameseName.same("Xã Hoàn Sơn", "Xã Hòan Sơn")).as("oa before a consonant is not open").isFalse();
		assertThat(VietnameseName.onlyDiacriticsApart("Xã Mỹ Hoà Hưng", "Xã Mỹ Hòa Hưng")).isFalse();
	}

}

package vn.ydan.admin.units.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import vn.ydan.admin.api.ApiClient;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.units.UnitLevel;
import vn.ydan.admin.units.UnitPage;
import vn.ydan.admin.units.UnitSummary;

import static org.assertj.core.api.Assertions.assertThat;

class UnitPagesUnitTest {

	private final List<@Nullable String> asked = new ArrayList<>();

	private final List<ApiException> failures = new ArrayList<>();

	@Test
	void loadsCursorPagesInOrderOnlyAsFarAsTheGridScrolls() {
		UnitPages pages = new UnitPages(this::page, this.failures::add);

		assertThat(pages.size()).isEqualTo(250);
		assertThat(this.asked).containsExactly((String) null);

		assertThat(pages.fetch(50, 50).map(UnitSummary::code)).containsExactlyElementsOf(codes(50, 100));
		assertThat(this.asked).hasSize(1);

		assertThat(pages.fetch(180, 50).map(UnitSummary::code)).containsExactlyElementsOf(codes(180, 230));
		assertThat(this.asked).containsExactly(null, "after-100", "after-200");

		assertThat(pages.fetch(240, 50).map(UnitSummary::code)).containsExactlyElementsOf(codes(240, 250));
		assertThat(this.asked).hasSize(3);
	}

	@Test
	void theLastPageDecidesTheSizeWhenTheCountWasWrong() {
		UnitPages pages = new UnitPages((after) -> new UnitPage(units(0, 3), "c", false, 5), this.failures::add);

		assertThat(pages.size()).isEqualTo(3);
		assertThat(pages.fetch(0, 50)).hasSize(3);
	}

	@Test
	void aFailureEndsTheListWhereItGotToAndIsReportedOnce() {
		ApiException down = ApiClient.translate(new IOException("connection refused"));
		UnitPages pages = new UnitPages((after) -> {
			if (after != null) {
				throw down;
			}
			return page(null);
		}, this.failures::add);

		assertThat(pages.fetch(0, 150)).hasSize(100);
		assertThat(pages.fetch(100, 50)).isEmpty();
		assertThat(pages.size()).isEqualTo(100);
		assertThat(this.failures).containsExactly(down);
	}

	/** 250 units, 100 a page. */
	private UnitPage page(@Nullable String after) {
		this.asked.add(after);
		int from = (after == null) ? 0 : Integer.parseInt(after.substring("after-".length()));
		int to = Math.min(from + 100, 250);
		return new UnitPage(units(from, to), "after-" + to, to < 250, 250);
	}

	private static List<UnitSummary> units(int from, int to) {
		return IntStream.range(from, to)
			.mapToObj((i) -> new UnitSummary("unit-" + i, code(i), "Xã " + i, "Xã " + i, UnitLevel.COMMUNE, "XA", "Xã",
					null, null))
			.toList();
	}

	private static List<String> codes(int from, int to) {
		return IntStream.range(from, to).mapToObj(UnitPagesUnitTest::code).toList();
	}

	private static String code(int i) {
		return String.format("%05d", i);
	}

}

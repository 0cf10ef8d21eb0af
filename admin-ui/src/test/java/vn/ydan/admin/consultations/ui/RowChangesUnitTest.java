package vn.ydan.admin.consultations.ui;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After new figures only the rows whose figures changed are sent again, as long as the
 * list holds the same rows in the same order; otherwise the whole list.
 */
class RowChangesUnitTest {

	record Row(String unit, int tookPart) {
	}

	@Test
	void onlyTheRowsWhoseFiguresChangedAreRefreshed() {
		List<Row> before = List.of(new Row("a", 1), new Row("b", 2), new Row("c", 3));
		List<Row> after = List.of(new Row("a", 1), new Row("b", 5), new Row("c", 3));

		assertThat(RowChanges.of(before, after, Row::unit)).contains(List.of(new Row("b", 5)));
	}

	@Test
	void unchangedFiguresRefreshNothing() {
		List<Row> rows = List.of(new Row("a", 1), new Row("b", 2));

		assertThat(RowChanges.of(rows, List.copyOf(rows), Row::unit)).contains(List.of());
	}

	@Test
	void rowsThatMovedCameOrWentRefreshTheWholeList() {
		List<Row> before = List.of(new Row("a", 1), new Row("b", 2));

		assertThat(RowChanges.of(before, List.of(new Row("b", 2), new Row("a", 3)), Row::unit)).isEmpty();
		assertThat(RowChanges.of(before, List.of(new Row("a", 1)), Row::unit)).isEmpty();
		assertThat(RowChanges.of(before, List.of(new Row("a", 1), new Row("c", 2)), Row::unit)).isEmpty();
	}

}

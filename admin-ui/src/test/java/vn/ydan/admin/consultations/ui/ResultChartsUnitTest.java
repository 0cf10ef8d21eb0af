package vn.ydan.admin.consultations.ui;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.ydan.admin.consultations.ProgressFeed.Point;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The turnout-over-time chart draws a bounded number of points, whatever the history the
 * console kept: evenly spread, from the first to the newest.
 */
class ResultChartsUnitTest {

	@Test
	void aLongHistoryIsDrawnWithAtMostTheBoundOfPointsFromTheFirstToTheNewest() {
		List<Point> history = IntStream.range(0, 1440)
			.mapToObj((i) -> new Point(Instant.ofEpochSecond(i), 1000, i, i / 2))
			.toList();

		List<Point> drawn = ResultCharts.thinned(history, ResultCharts.MAX_POINTS);

		assertThat(drawn).hasSize(ResultCharts.MAX_POINTS);
		assertThat(drawn.get(0)).isEqualTo(history.get(0));
		assertThat(drawn.get(drawn.size() - 1)).isEqualTo(history.get(1439));
		assertThat(drawn).isSortedAccordingTo(java.util.Comparator.comparing(Point::at));
	}

	@Test
	void aShortHistoryIsDrawnWhole() {
		List<Point> history = List.of(new Point(Instant.EPOCH, 10, 1, 1),
				new Point(Instant.EPOCH.plusSeconds(1), 10, 2, 1));

		assertThat(ResultCharts.thinned(history, ResultCharts.MAX_POINTS)).isEqualTo(history);
	}

}

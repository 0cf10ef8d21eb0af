package vn.ydan.admin.consultations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page is pushed new figures at most once per interval, only figures it does not show,
 * and never loses the newest: those that come sooner wait for the interval's end, where
 * only the newest is sent.
 */
class PacingUnitTest {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void theFirstChangeIsSentAtOnce() {
		Pacing<String> pacing = new Pacing<>(SECOND, "a");

		assertThat(pacing.offer("b", 0)).isEqualTo(new Pacing.Now<>("b"));
	}

	@Test
	void figuresThePageShowsAreNotSent() {
		Pacing<String> pacing = new Pacing<>(SECOND, "a");

		assertThat(pacing.offer("a", 0)).isEqualTo(new Pacing.Nothing<>());
		pacing.shown("b");
		assertThat(pacing.offer("b", 5 * SECOND)).isEqualTo(new Pacing.Nothing<>());
	}

	@Test
	void changesWithinTheIntervalWaitForItsEndAndOnlyTheNewestIsSent() {
		Pacing<String> pacing = new Pacing<>(SECOND, null);
		pacing.offer("a", 0);

		assertThat(pacing.offer("b", SECOND / 4)).isEqualTo(new Pacing.Later<>(3 * SECOND / 4));
		assertThat(pacing.offer("c", SECOND / 2)).isEqualTo(new Pacing.Nothing<>());
		assertThat(pacing.offer("d", 3 * SECOND / 4)).isEqualTo(new Pacing.Nothing<>());

		assertThat(pacing.due(SECOND)).isEqualTo("d");
	}

	@Test
	void theIntervalRunsFromTheLastSend() {
		Pacing<String> pacing = new Pacing<>(SECOND, null);
		pacing.offer("a", 0);
		pacing.offer("b", SECOND / 2);
		pacing.due(SECOND);

		assertThat(pacing.offer("c", 3 * SECOND / 2)).isEqualTo(new Pacing.Later<>(SECOND / 2));
		assertThat(pacing.due(2 * SECOND)).isEqualTo("c");
		assertThat(pacing.offer("d", 3 * SECOND)).isEqualTo(new Pacing.Now<>("d"));
	}

	@Test
	void nothingIsSentWhenTheFiguresWentBackToThoseShown() {
		Pacing<String> pacing = new Pacing<>(SECOND, null);
		pacing.offer("a", 0);
		pacing.offer("b", SECOND / 4);
		pacing.offer("a", SECOND / 2);

		assertThat(pacing.due(SECOND)).isNull();
		assertThat(pacing.offer("c", SECOND + 1)).isEqualTo(new Pacing.Now<>("c"));
	}

	@Test
	void withoutIntervalEveryChangeIsSentAtOnce() {
		Pacing<String> pacing = new Pacing<>(0, null);

		assertThat(pacing.offer("a", 0)).isEqualTo(new Pacing.Now<>("a"));
		assertThat(pacing.offer("b", 0)).isEqualTo(new Pacing.Now<>("b"));
	}

}

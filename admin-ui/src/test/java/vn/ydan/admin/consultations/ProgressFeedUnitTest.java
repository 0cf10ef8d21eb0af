package vn.ydan.admin.consultations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.flow.component.UIDetachedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.ydan.admin.consultations.ConsultationDetails.Progress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live figures: one poll per consultation whatever the number of pages,
 * fanned out to them; the poll stops with the last page, and a page that is gone is
 * dropped.
 */
class ProgressFeedUnitTest {

	private final ProgressFeed feed = new ProgressFeed(Duration.ofHours(1), Duration.ofHours(1));

	private final AtomicInteger asked = new AtomicInteger();

	private volatile int answers = 1;

	@AfterEach
	void stop() {
		this.feed.destroy();
	}

	@Test
	void pagesOfOneConsultationShareOnePollAndEachGetsTheNewFigures() {
		List<Progress> first = new ArrayList<>();
		List<Progress> second = new ArrayList<>();
		this.feed.watch("c-1", "*", this::source, null, first::add);
		this.feed.watch("c-1", "*", this::source, null, second::add);

		assertThat(this.feed.polls()).isEqualTo(1);
		assertThat(this.feed.watchers("c-1")).isEqualTo(2);
		int before = this.asked.get();
		this.feed.pollNow("c-1");

		assertThat(this.asked.get() - before).isEqualTo(1);
		assertThat(first).singleElement().extracting(Progress::answerCount).isEqualTo(1);
		assertThat(second).singleElement().extracting(Progress::answerCount).isEqualTo(1);
	}

	@Test
	void unchangedFiguresAreNotPushedAgain() {
		List<Progress> shown = new ArrayList<>();
		this.feed.watch("c-1", "*", this::source, null, shown::add);

		this.feed.pollNow("c-1");
		this.feed.pollNow("c-1");
		this.answers = 2;
		this.feed.pollNow("c-1");

		assertThat(shown).extracting(Progress::answerCount).containsExactly(1, 2);
	}

	@Test
	void usersWhoMaySeeDifferentCommunesHaveTheirOwnPoll() {
		this.feed.watch("c-1", ProgressFeed.sightOf(true, "admin"), this::source, null, (progress) -> {
		});
		this.feed.watch("c-1", ProgressFeed.sightOf(true, "admin2"), this::source, null, (progress) -> {
		});
		this.feed.watch("c-1", ProgressFeed.sightOf(false, "canbo"), this::source, null, (progress) -> {
		});

		assertThat(this.feed.polls()).isEqualTo(2);
	}

	@Test
	void thePollStopsWhenTheLastPageLeaves() {
		ProgressFeed.Watch one = this.feed.watch("c-1", "*", this::source, null, (progress) -> {
		});
		ProgressFeed.Watch two = this.feed.watch("c-1", "*", this::source, null, (progress) -> {
		});

		one.cancel();
		assertThat(this.feed.polls()).isEqualTo(1);
		two.cancel();

		assertThat(this.feed.polls()).isZero();
		assertThat(this.feed.watchers("c-1")).isZero();
		assertThat(two.isActive()).isFalse();
	}

	@Test
	void aPageThatIsGoneIsDroppedOnTheNextChange() {
		List<Progress> alive = new ArrayList<>();
		this.feed.watch("c-1", "*", this::source, null, alive::add);
		ProgressFeed.Watch gone = this.feed.watch("c-1", "*", this::source, null, (progress) -> {
			throw new UIDetachedException();
		});

		this.feed.pollNow("c-1");

		assertThat(gone.isActive()).isFalse();
		assertThat(this.feed.watchers("c-1")).isEqualTo(1);
		assertThat(alive).hasSize(1);
	}

	@Test
	void thePollAsksAsTheWatcherWhoseTokenWasRenewedLast() {
		List<String> askedAs = new ArrayList<>();
		ProgressFeed.Watch one = this.feed.watch("c-1", "*", (id) -> {
			askedAs.add("one");
			return source(id);
		}, null, (progress) -> {
		});
		this.feed.watch("c-1", "*", (id) -> {
			askedAs.add("two");
			return source(id);
		}, null, (progress) -> {
		});

		this.feed.pollNow("c-1");
		one.renew((id) -> {
			askedAs.add("one renewed");
			return source(id);
		});
		this.feed.pollNow("c-1");

		assertThat(askedAs).containsExactly("two", "one renewed");
	}

	private Optional<Progress> source(String id) {
		this.asked.incrementAndGet();
		return Optional.of(new Progress(ConsultationStatus.OPEN, "Đang lấy ý kiến", this.answers, null));
	}

}

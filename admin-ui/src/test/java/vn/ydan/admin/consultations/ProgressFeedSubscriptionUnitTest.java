package vn.ydan.admin.consultations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import vn.ydan.admin.consultations.ConsultationDetails.Progress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live figures by subscription: one per consultation whatever the number of
 * pages, closed with the last page; a poll only while the subscription cannot be had, and
 * none once the results are published.
 */
class ProgressFeedSubscriptionUnitTest {

	private final ProgressFeed feed = new ProgressFeed(Duration.ofHours(1), Duration.ofMillis(50));

	private final Sinks.Many<Progress> api = Sinks.many().multicast().directBestEffort();

	private final AtomicInteger subscribed = new AtomicInteger();

	private final AtomicInteger cancelled = new AtomicInteger();

	private final AtomicInteger polled = new AtomicInteger();

	/** How many of the next subscriptions fail at once (no WebSocket through). */
	private final AtomicInteger failing = new AtomicInteger();

	@AfterEach
	void stop() {
		this.feed.destroy();
	}

	@Test
	void pagesOfOneConsultationShareOneSubscriptionAndEachGetsWhatItPushes() {
		List<List<Progress>> pages = new ArrayList<>();
		for (int page = 0; page < 5; page++) {
			List<Progress> shown = new CopyOnWriteArrayList<>();
			pages.add(shown);
			this.feed.watch("c-1", "*", source(), null, shown::add);
		}

		this.api.tryEmitNext(progress(7));

		assertThat(this.subscribed).hasValue(1);
		assertThat(this.feed.subscriptions()).isEqualTo(1);
		assertThat(this.feed.polling("c-1")).isFalse();
		assertThat(this.polled).hasValue(0);
		assertThat(pages).allSatisfy((shown) -> assertThat(shown).extracting(Progress::answerCount).containsExactly(7));
	}

	@Test
	void changesComingFasterThanAPageIsPushedWaitAndTheNewestReachesIt() {
		ProgressFeed paced = new ProgressFeed(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofHours(1));
		try {
			List<Progress> shown = new CopyOnWriteArrayList<>();
			paced.watch("c-1", "*", source(), null, shown::add);

			this.api.tryEmitNext(progress(1));
			this.api.tryEmitNext(progress(2));
			this.api.tryEmitNext(progress(3));

			assertThat(shown).extracting(Progress::answerCount).containsExactly(1);
		}
		finally {
			paced.destroy();
		}
	}

	@Test
	void theNewestFiguresReachAPacedPage() {
		ProgressFeed paced = new ProgressFeed(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(100));
		try {
			List<Progress> shown = new CopyOnWriteArrayList<>();
			paced.watch("c-1", "*", source(), null, shown::add);

			for (int answers = 1; answers <= 20; answers++) {
				this.api.tryEmitNext(progress(answers));
			}

			await(() -> !shown.isEmpty() && shown.get(shown.size() - 1).answerCount() == 20);
		}
		finally {
			paced.destroy();
		}
	}

	@Test
	void theSubscriptionClosesWhenTheLastPageLeaves() {
		ProgressFeed.Watch one = this.feed.watch("c-1", "*", source(), null, (progress) -> {
		});
		ProgressFeed.Watch two = this.feed.watch("c-1", "*", source(), null, (progress) -> {
		});

		one.cancel();
		assertThat(this.cancelled).hasValue(0);
		two.cancel();

		assertThat(this.cancelled).hasValue(1);
		assertThat(this.feed.subscriptions()).isZero();
		assertThat(this.feed.polls()).isZero();
		assertThat(this.api.currentSubscriberCount()).isZero();
	}

	@Test
	void aPageThatIsGoneIsDroppedWhenThePushCannotReachIt() {
		List<Progress> alive = new CopyOnWriteArrayList<>();
		this.feed.watch("c-1", "*", source(), null, alive::add);
		ProgressFeed.Watch gone = this.feed.watch("c-1", "*", source(), null, (progress) -> {
			throw new com.vaadin.flow.component.UIDetachedException();
		});

		this.api.tryEmitNext(progress(1));

		assertThat(gone.isActive()).isFalse();
		assertThat(this.feed.watchers("c-1")).isEqualTo(1);
		assertThat(alive).hasSize(1);
		assertThat(this.feed.subscriptions()).isEqualTo(1);
	}

	@Test
	void whenTheSubscriptionFailsTheFeedPollsAndSubscribesAgainAfterABackOff() {
		this.failing.set(2);
		List<Progress> shown = new CopyOnWriteArrayList<>();
		this.feed.watch("c-1", "*", source(), null, shown::add);

		assertThat(this.feed.polling("c-1")).isTrue();
		this.feed.pollNow("c-1");
		assertThat(shown).extracting(Progress::answerCount).containsExactly(0);

		// 50 ms, then 100 ms: the third try gets through.
		await(() -> this.subscribed.get() == 3 && this.feed.subscriptions() == 1);
		assertThat(this.feed.subscriptionsMade()).isEqualTo(3);
		this.api.tryEmitNext(progress(9));

		assertThat(this.feed.polling("c-1")).isFalse();
		assertThat(shown).extracting(Progress::answerCount).containsExactly(0, 9);
	}

	@Test
	void aFailedSubscriptionIsTriedAgainAtOnceWithARenewedTokenNotAfterTheBackOff() {
		ProgressFeed waiting = new ProgressFeed(Duration.ofHours(1), Duration.ofHours(1));
		try {
			this.failing.set(1);
			List<Progress> shown = new CopyOnWriteArrayList<>();
			ProgressFeed.Watch watch = waiting.watch("c-1", "*", source(), null, shown::add);
			assertThat(waiting.polling("c-1")).isTrue();

			watch.renew(source());
			this.api.tryEmitNext(progress(4));

			assertThat(this.subscribed).hasValue(2);
			assertThat(waiting.subscriptions()).isEqualTo(1);
			assertThat(waiting.polling("c-1")).isFalse();
			assertThat(shown).extracting(Progress::answerCount).containsExactly(4);
		}
		finally {
			waiting.destroy();
		}
	}

	@Test
	void aRunningSubscriptionIsNotReplacedWhenATokenIsRenewed() {
		ProgressFeed.Watch watch = this.feed.watch("c-1", "*", source(), null, (progress) -> {
		});

		watch.renew(source());

		assertThat(this.subscribed).hasValue(1);
		assertThat(this.cancelled).hasValue(0);
	}

	@Test
	void aFailingSubscriptionIsNotTriedAgainAfterTheLastPageLeft() throws InterruptedException {
		this.failing.set(100);
		ProgressFeed.Watch only = this.feed.watch("c-1", "*", source(), null, (progress) -> {
		});

		only.cancel();
		Thread.sleep(300);

		assertThat(this.subscribed).hasValue(1);
		assertThat(this.feed.polling("c-1")).isFalse();
		assertThat(this.feed.polls()).isZero();
	}

	@Test
	void onceTheResultsArePublishedTheStreamEndsAndNothingPolls() {
		List<Progress> shown = new CopyOnWriteArrayList<>();
		this.feed.watch("c-1", "*", source(), null, shown::add);

		this.api.tryEmitNext(new Progress(ConsultationStatus.PUBLISHED, "Đã công bố", 3, null));
		this.api.tryEmitComplete();

		assertThat(shown).extracting(Progress::status).containsExactly(ConsultationStatus.PUBLISHED);
		assertThat(this.feed.subscriptions()).isZero();
		assertThat(this.feed.polling("c-1")).isFalse();
		assertThat(this.feed.watchers("c-1")).isEqualTo(1);
	}

	@Test
	void theSubscriptionRunsAsTheWatcherWhoseTokenWasRenewedLast() {
		List<String> as = new ArrayList<>();
		this.feed.watch("c-1", "*", named("first", as), null, (progress) -> {
		});
		ProgressFeed.Watch second = this.feed.watch("c-1", "user:x", named("second", as), null, (progress) -> {
		});
		second.renew(named("second renewed", as));
		second.cancel();
		this.feed.watch("c-1", "user:x", named("third", as), null, (progress) -> {
		});

		assertThat(as).containsExactly("first", "second", "third");
	}

	private ProgressFeed.Source named(String name, List<String> as) {
		return new ProgressFeed.Source() {

			@Override
			public Optional<Progress> progress(String consultationId) {
				return Optional.empty();
			}

			@Override
			public Flux<Progress> changes(String consultationId) {
				as.add(name);
				return Flux.never();
			}

		};
	}

	private ProgressFeed.Source source() {
		return new ProgressFeed.Source() {

			@Override
			public Optional<Progress> progress(String consultationId) {
				ProgressFeedSubscriptionUnitTest.this.polled.incrementAndGet();
				return Optional.of(ProgressFeedSubscriptionUnitTest.progress(0));
			}

			@Override
			public Flux<Progress> changes(String consultationId) {
				ProgressFeedSubscriptionUnitTest.this.subscribed.incrementAndGet();
				if (ProgressFeedSubscriptionUnitTest.this.failing.getAndDecrement() > 0) {
					return Flux.error(new IllegalStateException("The WebSocket closed"));
				}
				return ProgressFeedSubscriptionUnitTest.this.api.asFlux()
					.doOnCancel(ProgressFeedSubscriptionUnitTest.this.cancelled::incrementAndGet);
			}

		};
	}

	private static Progress progress(int answers) {
		return new Progress(ConsultationStatus.OPEN, "Đang lấy ý kiến", answers, null);
	}

	private static void await(BooleanSupplier condition) {
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Not within 5 s");
			}
			Thread.onSpinWait();
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}

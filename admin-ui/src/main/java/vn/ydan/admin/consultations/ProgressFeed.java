package vn.ydan.admin.consultations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.consultations.ConsultationDetails.Progress;

/**
 * Live figures of consultations for the whole console: ONE subscription to the api per
 * consultation and sight ({@code Subscription.consultationProgress}, graphql-ws),
 * whatever the number of open pages, fanned out to the pages watching it. A page
 * {@link #watch watches} while it is attached and {@link Watch#cancel cancels} when it
 * detaches (closed tab, navigation, session end); the last page to leave closes the
 * subscription. A page that cannot be reached any more (its UI detached without telling)
 * is dropped by the feed itself on the next change.
 * <p>
 * The subscription runs as one of the watchers (the one whose token was renewed last).
 * The api closes it when that token expires: the feed subscribes again at once with the
 * newest token. When the subscription fails (no WebSocket through, the api restarting),
 * the feed polls the api every {@link #PERIOD} instead and tries the subscription again
 * after a back-off (1 s, 2 s, 4 s … up to {@link #MAX_BACKOFF}); the poll stops as soon
 * as the subscription delivers again. The stream ends once the results are published
 * (they no longer change): the feed then neither subscribes nor polls.
 * <p>
 * The sight: before publication the api shows each caller only the communes in their
 * scope, so pages of users who may see different communes cannot share figures. The
 * console does not know the scopes; administrators all see everything (one sight), every
 * other user is their own sight. Hanoi's consultation watched by its administrators costs
 * one subscription.
 * <p>
 * Pages get their figures on the threads that call the api (virtual threads for the poll,
 * Reactor's for the subscription), never under the feed's own locks: a page pushes under
 * its session's lock, and a page that leaves cancels under it.
 */
@Component
public class ProgressFeed implements DisposableBean {

	/** How often the fallback poll asks. */
	public static final Duration PERIOD = Duration.ofSeconds(1);

	/** The longest wait before subscribing again after failures. */
	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/**
	 * A subscription that delivered and lived at least this long ended for an ordinary
	 * reason (its token expired): subscribing again needs no back-off.
	 */
	static final Duration HEALTHY = Duration.ofSeconds(10);

	/**
	 * The least time between two pushes to one page ({@link Pacing}): the api sends
	 * changes up to twice a second, and each push re-renders part of the page in the
	 * browser (Hanoi: long tasks most of the time when every change was pushed). A new
	 * tally is on screen within this plus the api's interval.
	 */
	public static final Duration PUSH_INTERVAL = Duration.ofSeconds(1);

	/** Points of the turnout-over-time history kept per consultation and sight. */
	static final int HISTORY = 1440;

	private static final Logger log = LoggerFactory.getLogger(ProgressFeed.class);

	private final ScheduledExecutorService timer;

	// The calls mostly wait on the api: one virtual thread each.
	private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<Key, Channel> channels = new ConcurrentHashMap<>();

	private final AtomicLong renewals = new AtomicLong();

	private final AtomicLong subscribed = new AtomicLong();

	private final Duration period;

	private final Duration firstBackoff;

	private final long pushInterval;

	ProgressFeed() {
		this(PERIOD, Duration.ofSeconds(1), PUSH_INTERVAL);
	}

	/**
	 * With another period and back-off, each change pushed at once (tests that make the
	 * rounds themselves).
	 */
	ProgressFeed(Duration period, Duration firstBackoff) {
		this(period, firstBackoff, Duration.ZERO);
	}

	ProgressFeed(Duration period, Duration firstBackoff, Duration pushInterval) {
		this.period = period;
		this.firstBackoff = firstBackoff;
		this.pushInterval = pushInterval.toNanos();
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().daemon().name("consultation-live-timer").factory());
		// A cancelled poll leaves the queue at once, not at its next time.
		executor.setRemoveOnCancelPolicy(true);
		this.timer = executor;
	}

	/**
	 * Starts showing a consultation's figures to a page.
	 * @param consultationId the consultation
	 * @param sight who may see what ({@link #sightOf})
	 * @param caller the api as the page's user, for a background task ({@link #sourceOf
	 * sourceOf(api.forBackground())})
	 * @param current the figures the page shows now
	 * @param viewer gets the figures each time they change; throws
	 * {@link com.vaadin.flow.component.UIDetachedException} (or any exception) when the
	 * page is gone, which ends its watch
	 */
	public Watch watch(String consultationId, String sight, Source caller, @Nullable Progress current, Viewer viewer) {
		Key key = new Key(consultationId, sight);
		Watch watch = new Watch(key, viewer, caller, current);
		Channel joined = this.channels.compute(key, (k, channel) -> {
			Channel live = (channel != null) ? channel : new Channel(k);
			live.watches.add(watch);
			live.note(current);
			return live;
		});
		joined.start();
		return watch;
	}

	/**
	 * The sight of a user: everything for administrators, else their own.
	 * @param admin whether the user is an administrator
	 * @param username the user
	 */
	public static String sightOf(boolean admin, String username) {
		return admin ? "*" : "user:" + username;
	}

	/**
	 * The api as a user, for the feed: its subscription, and its query for the poll.
	 * @param background {@link ConsultationsApi#forBackground()}, taken on a request
	 * thread
	 */
	public static Source sourceOf(ConsultationsApi background) {
		return new Source() {

			@Override
			public Optional<Progress> progress(String consultationId) {
				return background.progress(consultationId);
			}

			@Override
			public Flux<Progress> changes(String consultationId) {
				return background.liveProgress(consultationId);
			}

		};
	}

	/** Consultations (and sights) followed now, by subscription or poll. */
	public int polls() {
		return this.channels.size();
	}

	/** Subscriptions to the api open now. */
	public int subscriptions() {
		return (int) this.channels.values().stream().filter(Channel::subscribed).count();
	}

	/** Subscriptions made since the start (a new one after each failure or expiry). */
	public long subscriptionsMade() {
		return this.subscribed.get();
	}

	/** Whether a consultation is polled now (its subscription failed). */
	public boolean polling(String consultationId) {
		return this.channels.values()
			.stream()
			.anyMatch((channel) -> channel.key.consultationId().equals(consultationId) && channel.polling());
	}

	/** Pages watching a consultation, in all sights. */
	public int watchers(String consultationId) {
		return this.channels.values()
			.stream()
			.filter((channel) -> channel.key.consultationId().equals(consultationId))
			.mapToInt((channel) -> channel.watches.size())
			.sum();
	}

	/**
	 * One round of the poll for a consultation, now and on the caller's thread (tests;
	 * the timer runs the same rounds while the subscription is down).
	 */
	public void pollNow(String consultationId) {
		this.channels.values()
			.stream()
			.filter((channel) -> channel.key.consultationId().equals(consultationId))
			.forEach(Channel::round);
	}

	@Override
	public void destroy() {
		this.channels.values().forEach(Channel::stop);
		this.channels.clear();
		this.timer.shutdownNow();
		this.calls.shutdownNow();
	}

	private void leave(Watch watch) {
		Channel[] closed = new Channel[1];
		this.channels.computeIfPresent(watch.key, (key, channel) -> {
			channel.watches.remove(watch);
			if (channel.watches.isEmpty()) {
				closed[0] = channel;
				return null;
			}
			return channel;
		});
		if (closed[0] != null) {
			closed[0].stop();
		}
	}

	/**
	 * Where the figures come from: the api as a watching user ({@link #sourceOf}).
	 */
	@FunctionalInterface
	public interface Source {

		/**
		 * The live figures, asked once (the poll); empty when the consultation is gone.
		 */
		Optional<Progress> progress(String consultationId);

		/**
		 * The live figures as they change (the subscription); ends with an error when it
		 * fails or its token expires. None by default: the feed then polls.
		 */
		default Flux<Progress> changes(String consultationId) {
			return Flux.error(new UnsupportedOperationException("No subscription: polled"));
		}

	}

	/** A page showing live figures. */
	@FunctionalInterface
	public interface Viewer {

		/** New figures; an exception means the page is gone. */
		void show(Progress progress);

	}

	/** A page's watch of a consultation. */
	public final class Watch {

		private final Key key;

		private final Viewer viewer;

		private volatile Source caller;

		private volatile long renewed;

		private final Pacing<Progress> pacing;

		private volatile boolean cancelled;

		Watch(Key key, Viewer viewer, Source caller, @Nullable Progress current) {
			this.key = key;
			this.viewer = viewer;
			this.caller = caller;
			this.renewed = ProgressFeed.this.renewals.incrementAndGet();
			this.pacing = new Pacing<>(ProgressFeed.this.pushInterval, current);
		}

		/**
		 * A fresh token for the calls, taken on a request thread. A feed waiting to
		 * subscribe again after a failure tries at once with it.
		 */
		public void renew(Source caller) {
			this.caller = caller;
			this.renewed = ProgressFeed.this.renewals.incrementAndGet();
			Channel channel = ProgressFeed.this.channels.get(this.key);
			if (channel != null) {
				channel.renewed(this.renewed);
			}
		}

		/**
		 * The consultation's totals over time, as the console saw them while it followed
		 * the consultation (since its first page opened), oldest first.
		 */
		public List<Point> history() {
			Channel channel = ProgressFeed.this.channels.get(this.key);
			return (channel != null) ? channel.history() : List.of();
		}

		/** The page showed these figures itself (after an action): not pushed again. */
		public void shown(@Nullable Progress progress) {
			this.pacing.shown(progress);
		}

		/**
		 * Stops; the subscription (or poll) stops with the last watch of its
		 * consultation.
		 */
		public void cancel() {
			this.cancelled = true;
			leave(this);
		}

		public boolean isActive() {
			return !this.cancelled;
		}

		void offer(Progress progress) {
			if (this.cancelled) {
				return;
			}
			switch (this.pacing.offer(progress, System.nanoTime())) {
				case Pacing.Now<Progress> now -> push(now.value());
				case Pacing.Later<Progress> later -> later(later.nanos());
				case Pacing.Nothing<Progress> nothing -> {
				}
			}
		}

		/** The newest figures at the end of the interval, off the timer's thread. */
		private void later(long nanos) {
			try {
				ProgressFeed.this.timer.schedule(() -> ProgressFeed.this.calls.execute(() -> {
					Progress due = this.pacing.due(System.nanoTime());
					if (due != null && !this.cancelled) {
						push(due);
					}
				}), nanos, TimeUnit.NANOSECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// The console is stopping.
				log.debug("Live figures of consultation {} not pushed: stopping", this.key.consultationId());
			}
		}

		private void push(Progress progress) {
			try {
				this.viewer.show(progress);
			}
			catch (RuntimeException ex) {
				// The page is gone (its UI detached): it will not cancel by itself.
				log.debug("Live figures of consultation {} no longer reach a page: {}", this.key.consultationId(),
						ex.toString());
				cancel();
			}
		}

	}

	record Key(String consultationId, String sight) {
	}

	/**
	 * The totals at a moment: what the turnout-over-time chart draws.
	 *
	 * @param at when the console got them
	 * @param households households asked
	 * @param tookPart households that took part
	 * @param agree households that agree
	 */
	public record Point(Instant at, int households, int tookPart, int agree) {
	}

	/**
	 * One consultation for one sight: its subscription, or its poll while the
	 * subscription is down. The state changes under the channel's lock; the pages get
	 * their figures outside it.
	 */
	private final class Channel {

		private final Key key;

		private final List<Watch> watches = new CopyOnWriteArrayList<>();

		private final AtomicBoolean asking = new AtomicBoolean();

		/** The poll, while the subscription is down. */
		private @Nullable ScheduledFuture<?> ticking;

		/** The subscription, while one runs. */
		private @Nullable Disposable stream;

		/** The next try to subscribe, while one waits. */
		private @Nullable ScheduledFuture<?> retry;

		/** Counts subscriptions, so that a late signal of an old one is ignored. */
		private long generation;

		private int failures;

		/** The renewal whose token the last try to subscribe used. */
		private long triedWith;

		private long since;

		private boolean delivered;

		private boolean stopped;

		/** The stream ended: the results are published and change no more. */
		private boolean ended;

		/** Bounded: halved (every other point dropped) when full. */
		private final ArrayDeque<Point> history = new ArrayDeque<>();

		Channel(Key key) {
			this.key = key;
		}

		synchronized List<Point> history() {
			return List.copyOf(this.history);
		}

		/** Notes the totals when they moved. */
		synchronized void note(@Nullable Progress progress) {
			ConsultationResults results = (progress != null) ? progress.results() : null;
			if (results == null) {
				return;
			}
			RollUp total = results.total();
			Point last = this.history.peekLast();
			if (last != null && last.households() == total.households() && last.tookPart() == total.tookPart()
					&& last.agree() == total.agree()) {
				return;
			}
			if (this.history.size() >= HISTORY) {
				List<Point> kept = new ArrayList<>(this.history);
				this.history.clear();
				for (int i = 0; i < kept.size(); i += 2) {
					this.history.add(kept.get(i));
				}
			}
			this.history.add(new Point(Instant.now(), total.households(), total.tookPart(), total.agree()));
		}

		synchronized boolean subscribed() {
			return this.stream != null;
		}

		synchronized boolean polling() {
			return this.ticking != null;
		}

		synchronized void start() {
			if (!this.stopped && !this.ended && this.stream == null && this.retry == null) {
				subscribe();
			}
		}

		synchronized void stop() {
			this.stopped = true;
			this.generation++;
			Disposable running = this.stream;
			this.stream = null;
			if (running != null) {
				try {
					running.dispose();
				}
				catch (RuntimeException ex) {
					// Reactor's cached WebSocket session fails to cancel while it is
					// still
					// connecting (MonoCacheInvalidateWhen: NullPointerException). The
					// stream is
					// cancelled downstream all the same, and the generation above drops
					// anything
					// it still delivers: a page leaving must never fail its detach.
					log.debug("Consultation {}: the subscription was still connecting when stopped",
							this.key.consultationId(), ex);
				}
			}
			if (this.retry != null) {
				this.retry.cancel(false);
				this.retry = null;
			}
			stopPolling();
		}

		private synchronized void subscribe() {
			this.retry = null;
			if (this.stopped || this.ended) {
				return;
			}
			Optional<Watch> newest = newest();
			if (newest.isEmpty()) {
				return;
			}
			long current = ++this.generation;
			this.triedWith = newest.get().renewed;
			this.delivered = false;
			this.since = System.nanoTime();
			ProgressFeed.this.subscribed.incrementAndGet();
			Flux<Progress> changes;
			try {
				changes = newest.get().caller.changes(this.key.consultationId());
			}
			catch (RuntimeException ex) {
				changes = Flux.error(ex);
			}
			Disposable running = changes.subscribe((progress) -> received(current, progress),
					(failure) -> failed(current, failure), () -> ended(current));
			// A stream that ended at once has already been handled (and counted a new
			// generation, or stopped).
			if (current == this.generation && !running.isDisposed()) {
				this.stream = running;
			}
		}

		private void received(long from, Progress progress) {
			synchronized (this) {
				if (from != this.generation) {
					return;
				}
				this.delivered = true;
				this.failures = 0;
				stopPolling();
				note(progress);
			}
			this.watches.forEach((watch) -> watch.offer(progress));
		}

		/**
		 * A watch's token was renewed. When the subscription failed and waits for its
		 * next try, that try is made now with the new token: the usual failure is the
		 * token itself (the api closes a subscription when its token expires, and the
		 * newest token may have expired too when pages renewed late), which the back-off
		 * would only have tried again and again while polling with it.
		 */
		synchronized void renewed(long renewal) {
			if (this.retry != null && this.stream == null && !this.stopped && !this.ended && renewal > this.triedWith) {
				this.retry.cancel(false);
				subscribe();
			}
		}

		private synchronized void failed(long from, Throwable failure) {
			if (from != this.generation || this.stopped) {
				return;
			}
			this.stream = null;
			boolean healthy = this.delivered
					&& Duration.ofNanos(System.nanoTime() - this.since).compareTo(HEALTHY) >= 0;
			if (healthy) {
				// Its token expired (or the api restarted): again at once, with the
				// newest.
				log.debug("Live results of consultation {} ended ({}): subscribing again", this.key.consultationId(),
						failure.toString());
				this.failures = 0;
				subscribe();
				return;
			}
			this.failures++;
			Duration wait = backoff(this.failures);
			log.info("Live results of consultation {} cannot be had by subscription ({}): polling, again in {}",
					this.key.consultationId(), failure.getMessage(), wait);
			startPolling();
			this.retry = ProgressFeed.this.timer.schedule(this::subscribe, wait.toMillis(), TimeUnit.MILLISECONDS);
		}

		private synchronized void ended(long from) {
			if (from != this.generation) {
				return;
			}
			this.stream = null;
			this.ended = true;
			stopPolling();
		}

		private Duration backoff(int failures) {
			Duration wait = ProgressFeed.this.firstBackoff.multipliedBy(1L << Math.min(failures - 1, 16));
			return (wait.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : wait;
		}

		private void startPolling() {
			if (this.ticking == null) {
				this.ticking = ProgressFeed.this.timer.scheduleWithFixedDelay(this::tick,
						ProgressFeed.this.period.toMillis(), ProgressFeed.this.period.toMillis(),
						TimeUnit.MILLISECONDS);
			}
		}

		private void stopPolling() {
			ScheduledFuture<?> task = this.ticking;
			if (task != null) {
				task.cancel(false);
				this.ticking = null;
			}
		}

		/** Skipped while the previous round still waits for the api. */
		void tick() {
			if (!this.asking.compareAndSet(false, true)) {
				return;
			}
			ProgressFeed.this.calls.execute(() -> {
				try {
					ask();
				}
				finally {
					this.asking.set(false);
				}
			});
		}

		void round() {
			ask();
		}

		private Optional<Watch> newest() {
			return this.watches.stream().max(Comparator.comparingLong((watch) -> watch.renewed));
		}

		private void ask() {
			Optional<Watch> newest = newest();
			if (newest.isEmpty()) {
				return;
			}
			try {
				Progress progress = newest.get().caller.progress(this.key.consultationId()).orElse(null);
				if (progress != null) {
					note(progress);
					this.watches.forEach((watch) -> watch.offer(progress));
				}
			}
			catch (ApiException ex) {
				// The next round tries again; an expired token is renewed by the page's
				// next poll.
				log.debug("Live progress of consultation {} failed: {}", this.key.consultationId(), ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.warn("Live progress of consultation {} failed", this.key.consultationId(), ex);
			}
		}

	}

}

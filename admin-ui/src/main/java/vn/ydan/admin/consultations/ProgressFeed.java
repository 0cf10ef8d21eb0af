package vn.ydan.admin.consultations;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.consultations.ConsultationDetails.Progress;

/**
 * Live figures of consultations for the whole console: ONE poll of the api per
 * consultation and sight, whatever the number of open pages, fanned out to the pages
 * watching it. A page {@link #watch watches} while it is attached and {@link Watch#cancel
 * cancels} when it detaches (closed tab, navigation, session end); the last page to leave
 * stops the poll. A page that cannot be reached any more (its UI detached without
 * telling) is dropped by the feed itself on the next change.
 * <p>
 * The sight: before publication the api shows each caller only the communes in their
 * scope, so pages of users who may see different communes cannot share figures. The
 * console does not know the scopes; administrators all see everything (one sight), every
 * other user is their own sight. Hanoi's consultation watched by its administrators costs
 * one poll.
 * <p>
 * The poll calls the api as one of the watchers (the one whose token was renewed last),
 * off the request threads.
 */
@Component
public class ProgressFeed implements DisposableBean {

	public static final Duration PERIOD = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(ProgressFeed.class);

	private final ScheduledExecutorService timer;

	// The calls mostly wait on the api: one virtual thread each.
	private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<Key, Channel> channels = new ConcurrentHashMap<>();

	private final AtomicLong renewals = new AtomicLong();

	private final Duration period;

	ProgressFeed() {
		this(PERIOD);
	}

	/** With another period (tests that make the rounds themselves). */
	ProgressFeed(Duration period) {
		this.period = period;
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
	 * @param caller the api as the page's user, for a background task
	 * ({@link ConsultationsApi#forBackground()}{@code ::progress})
	 * @param current the figures the page shows now
	 * @param viewer gets the figures each time they change; throws
	 * {@link com.vaadin.flow.component.UIDetachedException} (or any exception) when the
	 * page is gone, which ends its watch
	 */
	public Watch watch(String consultationId, String sight, Source caller, @Nullable Progress current, Viewer viewer) {
		Key key = new Key(consultationId, sight);
		Watch watch = new Watch(key, viewer, caller, current);
		this.channels.compute(key, (k, channel) -> {
			Channel live = (channel != null) ? channel : new Channel(k);
			live.watches.add(watch);
			live.start();
			return live;
		});
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

	/** Consultations (and sights) polled now. */
	public int polls() {
		return this.channels.size();
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
	 * One round for a consultation, now and on the caller's thread (tests; the timer runs
	 * the same rounds).
	 */
	public void pollNow(String consultationId) {
		this.channels.values()
			.stream()
			.filter((channel) -> channel.key.consultationId().equals(consultationId))
			.forEach(Channel::round);
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
		this.calls.shutdownNow();
	}

	private void leave(Watch watch) {
		this.channels.computeIfPresent(watch.key, (key, channel) -> {
			channel.watches.remove(watch);
			if (channel.watches.isEmpty()) {
				channel.stop();
				return null;
			}
			return channel;
		});
	}

	/**
	 * Where the figures come from: the api as a watching user
	 * ({@code ConsultationsApi.forBackground()::progress}).
	 */
	@FunctionalInterface
	public interface Source {

		/** The live figures; empty when the consultation is gone. */
		Optional<Progress> progress(String consultationId);

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

		private volatile @Nullable Progress last;

		private volatile boolean cancelled;

		Watch(Key key, Viewer viewer, Source caller, @Nullable Progress current) {
			this.key = key;
			this.viewer = viewer;
			this.caller = caller;
			this.renewed = ProgressFeed.this.renewals.incrementAndGet();
			this.last = current;
		}

		/** A fresh token for the calls, taken on a request thread. */
		public void renew(Source caller) {
			this.caller = caller;
			this.renewed = ProgressFeed.this.renewals.incrementAndGet();
		}

		/** The page showed these figures itself (after an action): not pushed again. */
		public void shown(@Nullable Progress progress) {
			this.last = progress;
		}

		/** Stops; the poll stops with the last watch of its consultation. */
		public void cancel() {
			this.cancelled = true;
			leave(this);
		}

		public boolean isActive() {
			return !this.cancelled;
		}

		void offer(Progress progress) {
			if (this.cancelled || Objects.equals(progress, this.last)) {
				return;
			}
			this.last = progress;
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

	/** The poll of one consultation for one sight. */
	private final class Channel {

		private final Key key;

		private final List<Watch> watches = new CopyOnWriteArrayList<>();

		private final AtomicBoolean asking = new AtomicBoolean();

		private @Nullable ScheduledFuture<?> ticking;

		Channel(Key key) {
			this.key = key;
		}

		void start() {
			if (this.ticking == null) {
				this.ticking = ProgressFeed.this.timer.scheduleWithFixedDelay(this::tick,
						ProgressFeed.this.period.toMillis(), ProgressFeed.this.period.toMillis(),
						TimeUnit.MILLISECONDS);
			}
		}

		void stop() {
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

		private void ask() {
			Optional<Watch> newest = this.watches.stream().max(Comparator.comparingLong((watch) -> watch.renewed));
			if (newest.isEmpty()) {
				return;
			}
			try {
				Progress progress = newest.get().caller.progress(this.key.consultationId()).orElse(null);
				if (progress != null) {
					this.watches.forEach((watch) -> watch.offer(progress));
				}
			}
			catch (ApiException ex) {
				// The next round tries again; an expired token is renewed by the page's
				// next
				// poll.
				log.debug("Live progress of consultation {} failed: {}", this.key.consultationId(), ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.warn("Live progress of consultation {} failed", this.key.consultationId(), ex);
			}
		}

	}

}

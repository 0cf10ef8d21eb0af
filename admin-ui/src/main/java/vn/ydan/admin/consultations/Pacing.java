package vn.ydan.admin.consultations;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How often a page is sent new figures: at most once per interval, and only figures that
 * differ from those it shows. Figures that come sooner wait for the end of the interval,
 * where only the newest of them is sent (the api sends Hanoi's results up to twice a
 * second; each push re-renders part of the page in the browser). The newest figures are
 * never dropped: they are sent at the latest one interval after they came.
 * <p>
 * Time is given by the caller (nanoseconds, {@link System#nanoTime()}), so the rule is
 * tested without clocks.
 *
 * @param <T> the figures
 */
final class Pacing<T> {

	/** What to do with figures just offered. */
	sealed interface Step<T> {

	}

	/** Send these now. */
	record Now<T>(T value) implements Step<T> {
	}

	/**
	 * Ask {@link #due} again after this many nanoseconds (nothing was waiting before).
	 */
	record Later<T>(long nanos) implements Step<T> {
	}

	/** Nothing to do: the figures are shown, or a send is already planned. */
	record Nothing<T>() implements Step<T> {
	}

	private final long interval;

	private @Nullable T shown;

	private @Nullable T waiting;

	private boolean planned;

	private boolean sent;

	private long sentAt;

	/**
	 * @param intervalNanos the least time between two sends (0: each at once)
	 * @param shown the figures the page shows now, or null
	 */
	Pacing(long intervalNanos, @Nullable T shown) {
		this.interval = intervalNanos;
		this.shown = shown;
	}

	/** New figures at {@code now}. */
	synchronized Step<T> offer(T value, long now) {
		if (this.planned) {
			this.waiting = value;
			return new Nothing<>();
		}
		if (Objects.equals(value, this.shown)) {
			return new Nothing<>();
		}
		long wait = this.sent ? this.sentAt + this.interval - now : 0;
		if (wait <= 0) {
			markSent(value, now);
			return new Now<>(value);
		}
		this.waiting = value;
		this.planned = true;
		return new Later<>(wait);
	}

	/**
	 * The planned send is due: the newest figures that came meanwhile, or null when they
	 * are those shown.
	 */
	synchronized @Nullable T due(long now) {
		this.planned = false;
		T value = this.waiting;
		this.waiting = null;
		if (value == null || Objects.equals(value, this.shown)) {
			return null;
		}
		markSent(value, now);
		return value;
	}

	/** The page shows these figures (it drew them itself, after an action). */
	synchronized void shown(@Nullable T value) {
		this.shown = value;
	}

	private void markSent(T value, long now) {
		this.shown = value;
		this.sent = true;
		this.sentAt = now;
	}

}

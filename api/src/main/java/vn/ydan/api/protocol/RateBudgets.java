package vn.ydan.api.protocol;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * A budget of cost points per client and fixed window (like GitHub's rate limit: the
 * window resets at a known instant, reported to the client). Windows are aligned on the
 * clock, so every client's budget is refilled at the same instants. Memory is bounded:
 * beyond {@code maxClients}, clients whose window has ended are forgotten, and if all are
 * current, those that have spent least in this window are forgotten (a tenth of the
 * table, never the client being charged). Forgetting a client gives back only what it
 * spent, so a flood of addresses, each spending little, pushes out its own addresses
 * first: it cannot reset the budget of everybody, nor of a client that has spent more.
 */
final class RateBudgets {

	private final ApiLimits.Rate rate;

	private final InstantSource clock;

	private final long windowMillis;

	private final Map<BudgetKey, Window> windows = new ConcurrentHashMap<>();

	RateBudgets(ApiLimits.Rate rate, InstantSource clock) {
		this.rate = rate;
		this.clock = clock;
		this.windowMillis = Math.max(1, rate.window().toMillis());
	}

	/**
	 * Takes {@code points} from the caller's budget if it holds them. Null when budgets
	 * are off.
	 */
	@Nullable Charge charge(BudgetKey client, long points) {
		if (!this.rate.enabled()) {
			return null;
		}
		long budget = budget(client.kind());
		long now = this.clock.millis();
		long start = now - Math.floorMod(now, this.windowMillis);
		Window window = this.windows.compute(client,
				(key, current) -> (current != null && current.start == start) ? current : new Window(start));
		if (this.windows.size() > this.rate.maxClients()) {
			forget(start, client);
		}
		Instant resetAt = Instant.ofEpochMilli(start + this.windowMillis);
		long retryAfter = Math.max(1, (start + this.windowMillis - now + 999) / 1000);
		while (true) {
			long used = window.used.get();
			if (used + points > budget) {
				return new Charge(false, points, budget, Math.max(0, budget - used), resetAt, retryAfter);
			}
			if (window.used.compareAndSet(used, used + points)) {
				return new Charge(true, points, budget, budget - used - points, resetAt, retryAfter);
			}
		}
	}

	/**
	 * Takes {@code points} more from the caller's budget whether it holds them or not:
	 * what a request turned out to cost beyond what it was charged before it ran (a list
	 * longer than the estimate). The window's next requests pay for it. Null when budgets
	 * are off.
	 */
	@Nullable Charge spend(BudgetKey client, long points) {
		if (!this.rate.enabled()) {
			return null;
		}
		long budget = budget(client.kind());
		long now = this.clock.millis();
		long start = now - Math.floorMod(now, this.windowMillis);
		Window window = this.windows.compute(client,
				(key, current) -> (current != null && current.start == start) ? current : new Window(start));
		long used = window.used.addAndGet(points);
		return new Charge(true, points, budget, Math.max(0, budget - used),
				Instant.ofEpochMilli(start + this.windowMillis),
				Math.max(1, (start + this.windowMillis - now + 999) / 1000));
	}

	long budget(BudgetKey.Kind kind) {
		return switch (kind) {
			case ANONYMOUS -> this.rate.anonymous();
			case PARTNER -> this.rate.partner();
			case CONSOLE -> this.rate.console();
		};
	}

	/** Clients in the table (bounded by {@code maxClients}, give or take a charge). */
	int size() {
		return this.windows.size();
	}

	/**
	 * Forgets the clients whose window has ended; if the table is still full, the clients
	 * that have spent least in this window, down to nine tenths of {@code maxClients},
	 * but never {@code keep} (the client being charged: forgetting it would make it
	 * free).
	 */
	private synchronized void forget(long currentStart, BudgetKey keep) {
		int max = this.rate.maxClients();
		if (this.windows.size() <= max) {
			return;
		}
		this.windows.values().removeIf((window) -> window.start != currentStart);
		int excess = this.windows.size() - (max - max / 10);
		if (excess <= 0) {
			return;
		}
		// What each has spent, read once: charges go on while sorting.
		List<Spent> leastSpent = new ArrayList<>(this.windows.size());
		this.windows.forEach((key, window) -> {
			if (!key.equals(keep)) {
				leastSpent.add(new Spent(key, window, window.used.get()));
			}
		});
		leastSpent.sort(Comparator.comparingLong(Spent::used));
		for (int i = 0; i < excess && i < leastSpent.size(); i++) {
			this.windows.remove(leastSpent.get(i).key(), leastSpent.get(i).window());
		}
	}

	private record Spent(BudgetKey key, Window window, long used) {
	}

	/**
	 * @param allowed whether the points were taken
	 * @param requested the points asked for
	 * @param limit the budget per window
	 * @param remaining what is left in this window (after taking them, when allowed)
	 * @param resetAt when the next window starts with a full budget
	 * @param retryAfterSeconds whole seconds until then, at least 1
	 */
	record Charge(boolean allowed, long requested, long limit, long remaining, Instant resetAt,
			long retryAfterSeconds) {
	}

	private static final class Window {

		private final long start;

		private final AtomicLong used = new AtomicLong();

		Window(long start) {
			this.start = start;
		}

	}

}

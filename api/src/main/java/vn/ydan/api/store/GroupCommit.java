package vn.ydan.api.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Group commit: concurrent writes wait in a queue; whoever holds the lock takes every
 * waiting write and stores them together (one command, one commit of the embedded store),
 * then each caller returns with its own outcome. Under a burst (online answers) one
 * commit serves many writes instead of one; alone, a write goes straight through.
 *
 * @param <T> what is written
 * @param <R> what a write returns
 */
public final class GroupCommit<T, R> {

	private final Queue<Write<T, R>> waiting = new ConcurrentLinkedQueue<>();

	private final ReentrantLock writing = new ReentrantLock();

	private final Consumer<List<Write<T, R>>> store;

	/**
	 * @param store stores a batch under the lock and settles every write of it
	 * ({@link Write#complete} or {@link Write#fail}); a write it leaves unsettled fails
	 */
	public GroupCommit(Consumer<List<Write<T, R>>> store) {
		this.store = store;
	}

	/** Stores {@code value} with whatever else is waiting, and returns its outcome. */
	public R submit(T value) {
		Write<T, R> mine = new Write<>(value);
		this.waiting.add(mine);
		this.writing.lock();
		try {
			if (!mine.isDone()) {
				List<Write<T, R>> batch = new ArrayList<>();
				for (Write<T, R> next = this.waiting.poll(); next != null; next = this.waiting.poll()) {
					batch.add(next);
				}
				try {
					this.store.accept(batch);
				}
				catch (RuntimeException ex) {
					batch.stream().filter((write) -> !write.isDone()).forEach((write) -> write.fail(ex));
				}
			}
		}
		finally {
			this.writing.unlock();
		}
		return mine.result();
	}

	/** Writes waiting for the one in progress. */
	int queued() {
		return this.waiting.size();
	}

	/**
	 * One write waiting in a batch, and how it went.
	 *
	 * @param <T> what is written
	 * @param <R> what it returns
	 */
	public static final class Write<T, R> {

		private final T value;

		private volatile @Nullable R outcome;

		private volatile @Nullable RuntimeException failure;

		Write(T value) {
			this.value = value;
		}

		public T value() {
			return this.value;
		}

		public void complete(R outcome) {
			this.outcome = outcome;
		}

		public void fail(RuntimeException failure) {
			this.failure = failure;
		}

		boolean isDone() {
			return this.outcome != null || this.failure != null;
		}

		R result() {
			if (this.failure != null) {
				throw this.failure;
			}
			if (this.outcome == null) {
				throw new IllegalStateException("A write of the batch was neither stored nor refused");
			}
			return this.outcome;
		}

	}

}

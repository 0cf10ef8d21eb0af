package vn.ydan.api.store;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a change to an aggregate stored whole ({@link Revisions}) comes to: the next
 * revision to store, one to show without storing (a dry run), or a refusal with its
 * reasons. The aggregate or the service decides which; one place in the service then
 * stores the next revision against the one it was based on. Plans and consultations
 * change this one way.
 *
 * @param <T> the aggregate
 * @param <E> a reason for a refusal (the feature's user error)
 * @param next the next revision; null when refused
 * @param refusals why not; empty unless refused
 * @param store whether the next revision is to be stored (false for a dry run)
 */
public record Change<T, E>(@Nullable T next, List<E> refusals, boolean store) {

	public Change {
		refusals = List.copyOf(refusals);
	}

	/** The next revision, to store. */
	public static <T, E> Change<T, E> to(T next) {
		return new Change<>(next, List.of(), true);
	}

	/** The next revision, to show without storing it (a dry run). */
	public static <T, E> Change<T, E> preview(T next) {
		return new Change<>(next, List.of(), false);
	}

	/** Nothing changes, for these reasons. */
	public static <T, E> Change<T, E> refused(List<E> reasons) {
		return new Change<>(null, reasons, false);
	}

	/** Nothing changes, for this reason. */
	public static <T, E> Change<T, E> refused(E reason) {
		return refused(List.of(reason));
	}

	public boolean isRefused() {
		return this.next == null;
	}

	/**
	 * The next revision.
	 * @throws IllegalStateException when the change was refused
	 */
	@Override
	public T next() {
		if (this.next == null) {
			throw new IllegalStateException("Refused: " + this.refusals);
		}
		return this.next;
	}

}

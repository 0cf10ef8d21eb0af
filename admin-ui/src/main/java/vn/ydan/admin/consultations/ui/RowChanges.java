package vn.ydan.admin.consultations.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which rows of a list to send the browser again after new figures: when the list holds
 * the same rows in the same order, only those whose figures changed (a live push of
 * Hanoi's results changes a few communes; re-rendering all rows in sight on every push
 * kept the browser busy most of the time); otherwise (rows came, went or moved) all.
 */
final class RowChanges {

	private RowChanges() {
	}

	/**
	 * @param before the rows shown before, in order
	 * @param after the rows to show now, in order
	 * @param idOf a row's identity (its unit), the same across figures
	 * @return the rows of {@code after} whose figures changed, or empty when all rows
	 * must be refreshed
	 */
	static <T> Optional<List<T>> of(List<T> before, List<T> after, Function<T, ?> idOf) {
		if (before.size() != after.size()) {
			return Optional.empty();
		}
		List<T> changed = new ArrayList<>();
		for (int i = 0; i < after.size(); i++) {
			T was = before.get(i);
			T now = after.get(i);
			if (!Objects.equals(idOf.apply(was), idOf.apply(now))) {
				return Optional.empty();
			}
			if (!was.equals(now)) {
				changed.add(now);
			}
		}
		return Optional.of(changed);
	}

}

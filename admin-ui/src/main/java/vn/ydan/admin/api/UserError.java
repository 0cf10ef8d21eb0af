package vn.ydan.admin.api;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A reason the api refused an input: an entry of a payload's {@code userErrors}, the same
 * for every feature's mutations.
 *
 * @param field the path of the input field it is about, from the argument down
 * ({@code ["input", "name"]}, {@code ["input", "counts", "agree"]}); none when it is
 * about the call as a whole
 * @param message the reason in Vietnamese, to show as it is (never to read: the field and
 * the code say what it is about)
 * @param code a stable code ({@code LAST_ADMIN}, {@code COUNTS_DO_NOT_RECONCILE}…)
 */
public record UserError(@Nullable List<String> field, String message, String code) {

	/** The path of the input field it is about; empty when there is none. */
	public List<String> path() {
		return (this.field != null) ? this.field : List.of();
	}

	/**
	 * The input field it is about: the last element of its path; none when there is no
	 * path or it names only the argument ({@code ["input"]}: the input as a whole).
	 */
	public Optional<String> fieldName() {
		List<String> path = path();
		return (path.size() > 1) ? Optional.of(path.get(path.size() - 1)) : Optional.empty();
	}

	/**
	 * Whether it is about exactly this field: the path below the argument, e.g.
	 * {@code isAt("counts", "agree")} for {@code ["input", "counts", "agree"]}.
	 */
	public boolean isAt(String... below) {
		List<String> path = path();
		return path.size() == below.length + 1 && path.subList(1, path.size()).equals(List.of(below));
	}

}

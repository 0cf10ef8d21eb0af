package vn.ydan.admin.plans;

import org.jspecify.annotations.Nullable;

/**
 * How applying a plan goes.
 *
 * @param state {@code RUNNING}, {@code FAILED} (apply again: it resumes), {@code DONE};
 * {@code NOT_STARTED} before the first apply
 * @param done units stored so far
 * @param total units to store
 * @param message what failed, or the summary
 */
public record ApplyProgress(String state, int done, int total, @Nullable String message) {

	public boolean running() {
		return "RUNNING".equals(this.state);
	}

	public boolean finished() {
		return "DONE".equals(this.state);
	}

	public boolean failed() {
		return "FAILED".equals(this.state);
	}

	/** Share done, 0 to 1. */
	public double fraction() {
		return (this.total > 0) ? Math.min(1, (double) this.done / this.total) : 0;
	}

}

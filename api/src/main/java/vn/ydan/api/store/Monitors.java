package vn.ydan.api.store;

/**
 * A fixed number of monitors that serialise work on one id (a plan, a consultation, a
 * group's tally) within this process: an id maps to one of them by its hash. Unlike a map
 * of one lock per id, it does not grow with the ids callers send. Two ids may share a
 * monitor, so an owner never holds two of its monitors at once (that could deadlock);
 * owners that nest (a consultation's step that changes its plan) each use their own.
 */
public final class Monitors {

	private final Object[] monitors;

	public Monitors(int count) {
		this.monitors = new Object[count];
		for (int i = 0; i < count; i++) {
			this.monitors[i] = new Object();
		}
	}

	/** The monitor of {@code id}: always the same one for equal ids. */
	public Object of(String id) {
		int hash = id.hashCode();
		return this.monitors[Math.floorMod(hash ^ (hash >>> 16), this.monitors.length)];
	}

}

package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * The paper count of one residential group.
 *
 * @param group the group
 * @param state where it stands
 * @param entries every entry, oldest first
 * @param verified the counts that hold, once verified
 * @param corrections corrections after verification, with their reasons
 */
public record Tally(UnitRef group, TallyState state, List<Entry> entries, @Nullable PaperCounts verified,
		List<Correction> corrections) {

	/**
	 * The last two entries, for a mismatch shown side by side (fewer when there are not
	 * two).
	 */
	public List<Entry> lastTwo() {
		return this.entries.subList(Math.max(0, this.entries.size() - 2), this.entries.size());
	}

	/**
	 * @param by who entered it
	 * @param at when (ISO-8601 instant)
	 * @param counts what was entered
	 */
	public record Entry(String by, String at, PaperCounts counts) {
	}

	/**
	 * @param by who corrected
	 * @param at when
	 * @param reason why
	 * @param before counts before
	 * @param after counts after
	 */
	public record Correction(String by, String at, String reason, PaperCounts before, PaperCounts after) {
	}

}

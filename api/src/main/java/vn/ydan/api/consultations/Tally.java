package vn.ydan.api.consultations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The paper count of one residential group: entered twice independently, verified when
 * the two entries agree, corrected afterwards only with a reason.
 *
 * @param consultationId the consultation
 * @param communeId the commune
 * @param groupId the residential group
 * @param entries every entry, oldest first
 * @param state where it stands
 * @param verified the counts that hold, once verified
 * @param corrections corrections after verification, oldest first
 * @param revision one more per change
 */
record Tally(String consultationId, String communeId, String groupId, List<Entry> entries, State state,
		@Nullable PaperCounts verified, List<Correction> corrections, int revision) {

	Tally {
		entries = List.copyOf(entries);
		corrections = List.copyOf(corrections);
	}

	static Tally first(String consultationId, String communeId, String groupId, Entry entry) {
		return new Tally(consultationId, communeId, groupId, List.of(entry), State.AWAITING_SECOND_ENTRY, null,
				List.of(), 1);
	}

	/** This tally with one more entry: verified when it matches an earlier one. */
	Tally with(Entry entry) {
		List<Entry> all = new ArrayList<>(this.entries);
		all.add(entry);
		for (Entry earlier : this.entries) {
			if (earlier.counts().equals(entry.counts())) {
				return new Tally(this.consultationId, this.communeId, this.groupId, all, State.VERIFIED, entry.counts(),
						this.corrections, this.revision + 1);
			}
		}
		return new Tally(this.consultationId, this.communeId, this.groupId, all, State.MISMATCH, null, this.corrections,
				this.revision + 1);
	}

	Tally corrected(Correction correction) {
		List<Correction> all = new ArrayList<>(this.corrections);
		all.add(correction);
		return new Tally(this.consultationId, this.communeId, this.groupId, this.entries, State.VERIFIED,
				correction.after(), all, this.revision + 1);
	}

	enum State {

		AWAITING_SECOND_ENTRY, MISMATCH, VERIFIED

	}

	/**
	 * @param by who entered it
	 * @param at when
	 * @param counts what was entered
	 */
	record Entry(String by, Instant at, PaperCounts counts) {
	}

	/**
	 * @param by who corrected
	 * @param at when
	 * @param reason why
	 * @param before the counts before
	 * @param after the counts after
	 */
	record Correction(String by, Instant at, String reason, PaperCounts before, PaperCounts after) {
	}

}

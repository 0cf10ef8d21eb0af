package vn.ydan.api.consultations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The paper count of one residential group: entered twice independently and blind (a
 * clerk does not see another's figures), verified when an entry agrees with an earlier
 * one by another person; a mismatch is settled by such an entry or by a supervisor's
 * decision with a reason; corrected afterwards only with a reason, confirmed by a second
 * person.
 *
 * @param consultationId the consultation
 * @param communeId the commune
 * @param groupId the residential group
 * @param entries every entry, oldest first
 * @param state where it stands
 * @param verified the counts that hold, once verified
 * @param corrections corrections after verification, oldest first
 * @param revision one more per change
 * @param pendingCorrection a correction asked for, awaiting a second person
 * @param settlement the supervisor's decision that settled a mismatch, if any
 */
record Tally(String consultationId, String communeId, String groupId, List<Entry> entries, State state,
		@Nullable PaperCounts verified, List<Correction> corrections, int revision,
		@Nullable Correction pendingCorrection, @Nullable Settlement settlement) {

	Tally {
		entries = List.copyOf(entries);
		corrections = List.copyOf(corrections);
	}

	static Tally first(String consultationId, String communeId, String groupId, Entry entry) {
		return new Tally(consultationId, communeId, groupId, List.of(entry), State.AWAITING_SECOND_ENTRY, null,
				List.of(), 1, null, null);
	}

	/**
	 * This tally with one more entry: verified when it matches an earlier one by another
	 * person (re-typing one's own figures verifies nothing).
	 */
	Tally with(Entry entry) {
		List<Entry> all = new ArrayList<>(this.entries);
		all.add(entry);
		for (Entry earlier : this.entries) {
			if (earlier.counts().equals(entry.counts()) && !earlier.by().equals(entry.by())) {
				return new Tally(this.consultationId, this.communeId, this.groupId, all, State.VERIFIED, entry.counts(),
						this.corrections, this.revision + 1, null, null);
			}
		}
		return new Tally(this.consultationId, this.communeId, this.groupId, all, State.MISMATCH, null, this.corrections,
				this.revision + 1, null, null);
	}

	/**
	 * A correction asked for: the verified counts hold until a second person confirms.
	 */
	Tally correctionAsked(Correction correction) {
		return new Tally(this.consultationId, this.communeId, this.groupId, this.entries, this.state, this.verified,
				this.corrections, this.revision + 1, correction, this.settlement);
	}

	/** The pending correction, confirmed by {@code by}: its counts now hold. */
	Tally corrected(String by, Instant at) {
		Correction pending = java.util.Objects.requireNonNull(this.pendingCorrection);
		List<Correction> all = new ArrayList<>(this.corrections);
		all.add(pending.confirmed(by, at));
		return new Tally(this.consultationId, this.communeId, this.groupId, this.entries, State.VERIFIED,
				pending.after(), all, this.revision + 1, null, this.settlement);
	}

	/** A mismatch settled by a supervisor's decision: {@code counts} hold. */
	Tally settled(Settlement decision) {
		return new Tally(this.consultationId, this.communeId, this.groupId, this.entries, State.VERIFIED,
				decision.counts(), this.corrections, this.revision + 1, null, decision);
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
	 * @param confirmedBy the second person, once confirmed
	 * @param confirmedAt when
	 */
	record Correction(String by, Instant at, String reason, PaperCounts before, PaperCounts after,
			@Nullable String confirmedBy, @Nullable Instant confirmedAt) {

		Correction confirmed(String confirmer, Instant when) {
			return new Correction(this.by, this.at, this.reason, this.before, this.after, confirmer, when);
		}

	}

	/**
	 * A supervisor's decision on a mismatch.
	 *
	 * @param by who decided
	 * @param at when
	 * @param reason why these counts
	 * @param counts the counts that hold
	 */
	record Settlement(String by, Instant at, String reason, PaperCounts counts) {
	}

}

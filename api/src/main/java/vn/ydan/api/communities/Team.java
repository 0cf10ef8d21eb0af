package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A community team of one residential group.
 *
 * @param id its id (a UUID)
 * @param groupId internal id of the residential group (kept through restructurings)
 * @param kind its kind
 * @param decisionNumber number of the decision establishing it, if any yet
 * @param decisionDate date of that decision
 * @param decisionSigner who signed it (the commune chairman)
 * @param established whether it is established (only at or above its minimum)
 * @param members its members, leader first
 * @param history what happened to it besides its edits, oldest first
 * @param revision stored revision, for optimistic concurrency
 */
record Team(String id, String groupId, TeamKind kind, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
		@Nullable String decisionSigner, boolean established, List<Member> members, List<HistoryEntry> history,
		int revision) {

	/** Decision dates are few: one instance each (the nation has some 85,000 teams). */
	private static final java.util.Map<LocalDate, LocalDate> DATES = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The strings teams repeat (group ids, decision numbers and signers) are interned and
	 * decision dates shared: with the nation's teams in memory, copies would cost tens of
	 * MB (bench/communities).
	 */
	Team {
		groupId = groupId.intern();
		decisionNumber = (decisionNumber != null) ? decisionNumber.intern() : null;
		decisionSigner = (decisionSigner != null) ? decisionSigner.intern() : null;
		decisionDate = (decisionDate != null) ? DATES.computeIfAbsent(decisionDate, (date) -> date) : null;
	}

	Team withHistory(List<HistoryEntry> newHistory, int newRevision) {
		return new Team(this.id, this.groupId, this.kind, this.decisionNumber, this.decisionDate, this.decisionSigner,
				this.established, this.members, List.copyOf(newHistory), newRevision);
	}

}

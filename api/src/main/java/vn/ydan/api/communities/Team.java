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

	Team withHistory(List<HistoryEntry> newHistory, int newRevision) {
		return new Team(this.id, this.groupId, this.kind, this.decisionNumber, this.decisionDate, this.decisionSigner,
				this.established, this.members, List.copyOf(newHistory), newRevision);
	}

}

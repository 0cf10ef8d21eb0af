package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A team as the API shows it (GraphQL {@code CommunityTeam}): only to those who act for
 * its commune.
 *
 * @param id the team's id
 * @param groupId global id of its group
 * @param kind its kind
 * @param decision the decision establishing it, if recorded
 * @param established whether it is established
 * @param members its members
 * @param minimumMembers its kind's minimum
 * @param belowMinimum whether it has fewer members than that
 * @param version its revision, for {@code expectedVersion}
 * @param history what happened to it besides edits (moves with its group)
 */
record CommunityTeam(String id, String groupId, TeamKind kind, @Nullable Decision decision, boolean established,
		List<MemberView> members, int minimumMembers, boolean belowMinimum, int version, List<HistoryEntry> history) {

	/** How many members it has (a count is all a list of groups needs). */
	public int memberCount() {
		return this.members.size();
	}

	/**
	 * @param number number of the decision
	 * @param date date it was signed
	 * @param signer who signed it (the commune chairman)
	 */
	record Decision(String number, LocalDate date, String signer) {
	}

	/**
	 * @param id the team's id, a slash and the member's number
	 * @param name full name
	 * @param birthYear year of birth
	 * @param phone phone, if given
	 * @param role role in the team
	 */
	record MemberView(String id, String name, int birthYear, @Nullable String phone, MemberRole role) {
	}

}

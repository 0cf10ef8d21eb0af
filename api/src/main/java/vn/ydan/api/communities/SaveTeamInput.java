package vn.ydan.api.communities;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The input of {@code saveCommunityTeam}: a team whole.
 *
 * @param id the team to replace; null for a new one
 * @param groupId global id of the residential group
 * @param kind its kind
 * @param decision the decision establishing it
 * @param established whether it is established
 * @param members its members, in order
 * @param expectedVersion the version the change is based on
 */
record SaveTeamInput(@Nullable String id, String groupId, TeamKind kind, TeamPayload.@Nullable DecisionInput decision,
		boolean established, List<TeamPayload.MemberInput> members, @Nullable Integer expectedVersion) {
}

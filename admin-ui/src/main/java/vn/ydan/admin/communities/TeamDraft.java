package vn.ydan.admin.communities;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A team to save, whole ({@code saveCommunityTeam}).
 *
 * @param id the team to replace; none for a new one
 * @param groupId the group's global id
 * @param kind its kind
 * @param decisionNumber the decision's number, if any
 * @param decisionDate its date
 * @param decisionSigner who signed it
 * @param established whether established
 * @param members its members
 * @param expectedVersion the version edited, for a team that exists
 */
public record TeamDraft(@Nullable String id, String groupId, String kind, @Nullable String decisionNumber,
		@Nullable LocalDate decisionDate, @Nullable String decisionSigner, boolean established,
		List<TeamMember> members, @Nullable Integer expectedVersion) {
}

package vn.ydan.admin.communities;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A commune with its residential groups and their teams ({@code communityGroups}).
 *
 * @param id the commune's global id
 * @param code its code
 * @param fullName its full name
 * @param communityTeams its groups
 */
public record CommuneTeams(String id, @Nullable String code, String fullName, List<Group> communityTeams) {

	/**
	 * @param group the group
	 * @param flags {@code NO_SECURITY_TEAM}, {@code TEAM_BELOW_MINIMUM}
	 * @param teams its teams
	 */
	public record Group(GroupRef group, List<String> flags, List<Team> teams) {

		/** Its team of a kind, if any. */
		public @Nullable Team team(String kind) {
			return this.teams.stream().filter((team) -> team.kind().equals(kind)).findFirst().orElse(null);
		}

	}

	/**
	 * @param id global id
	 * @param code code, if any
	 * @param name name
	 * @param households households, if known
	 */
	public record GroupRef(String id, @Nullable String code, String name, @Nullable Integer households) {
	}

	/**
	 * @param id the team's id
	 * @param kind {@code SECURITY_AND_ORDER} or {@code SELF_MANAGEMENT}
	 * @param established whether established
	 * @param belowMinimum whether below its minimum
	 * @param minimumMembers its minimum
	 * @param memberCount its members
	 * @param version for {@code expectedVersion}
	 * @param decision its decision, if recorded
	 */
	public record Team(String id, String kind, boolean established, boolean belowMinimum, int minimumMembers,
			int memberCount, int version, @Nullable Decision decision) {
	}

	/**
	 * @param number its number
	 * @param date its date
	 * @param signer who signed it
	 */
	public record Decision(String number, LocalDate date, String signer) {
	}

}

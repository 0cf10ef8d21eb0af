package vn.ydan.admin.communities;

/**
 * The public figures of a unit's community teams (security and order teams).
 *
 * @param groups residential groups
 * @param groupsWithTeam with an established team
 * @param groupsWithoutTeam without one
 * @param members members
 * @param teamsBelowMinimum teams below the minimum
 * @param membersAtMinimum groups × minimum
 * @param yearlyCost members × allowance, in đồng
 */
public record TeamStats(int groups, int groupsWithTeam, int groupsWithoutTeam, int members, int teamsBelowMinimum,
		int membersAtMinimum, double yearlyCost) {
}

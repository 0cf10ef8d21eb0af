package vn.ydan.api.communities;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.units.Unit;

/**
 * The public figures of a unit or the nation (GraphQL {@code CommunityTeamStats}):
 * counts, never people.
 *
 * @param unit the unit; null for the nation
 * @param asOf the date of the registry counted
 * @param kind the kind of team counted
 * @param groups residential groups in force
 * @param groupsWithTeam groups with an established team of the kind
 * @param groupsWithoutTeam the others
 * @param teams teams of the kind
 * @param members their members
 * @param teamsBelowMinimum teams with fewer members than the minimum
 * @param minimumMembers the kind's minimum
 * @param membersAtMinimum groups × minimum: the law's arithmetic
 * @param yearlyAllowancePerMember đồng a year per member
 * @param yearlyCost members × allowance, in đồng
 * @param yearlyCostAtMinimum members at minimum × allowance, in đồng
 */
record CommunityTeamStats(@Nullable Unit unit, LocalDate asOf, TeamKind kind, int groups, int groupsWithTeam,
		int groupsWithoutTeam, int teams, long members, int teamsBelowMinimum, int minimumMembers,
		long membersAtMinimum, long yearlyAllowancePerMember, long yearlyCost, long yearlyCostAtMinimum) {
}

package vn.ydan.api.communities;

import java.util.List;

import vn.ydan.api.units.Unit;

/**
 * A residential group with its teams (GraphQL {@code CommunityGroup}).
 *
 * @param group the group
 * @param teams its teams, by kind
 * @param flags what to look at
 */
record CommunityGroup(Unit group, List<CommunityTeam> teams, List<CommunityFlag> flags) {
}

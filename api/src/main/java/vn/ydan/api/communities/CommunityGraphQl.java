package vn.ydan.api.communities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.VietnamTime;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.UnitRegistry;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Unit.communityTeams}, {@code communityTeamStats} and the teams' mutations; who
 * may call them is decided by {@link CommunityService}.
 */
@Controller
class CommunityGraphQl {

	private final CommunityService service;

	private final GroupChanges groupChanges;

	private final UnitRegistry registry;

	private final Clock clock;

	CommunityGraphQl(CommunityService service, GroupChanges groupChanges, UnitRegistry registry, Clock clock) {
		this.service = service;
		this.groupChanges = groupChanges;
		this.registry = registry;
		this.clock = clock;
	}

	@SchemaMapping(typeName = "Unit", field = "communityTeams")
	List<CommunityGroup> communityTeams(Unit unit) {
		return this.service.groupsOf(unit);
	}

	@QueryMapping
	CommunityTeamStats communityTeamStats(@Argument @Nullable String unitId, @Argument @Nullable LocalDate asOf,
			@Argument @Nullable TeamKind kind) {
		String id = (unitId != null) ? this.registry.idOf(unitId) : null;
		LocalDate date = asOf;
		if (date == null) {
			// Without a date: today, or the last day of a unit that has ended (a commune
			// merged in 2025 still has its figures as it was).
			Unit unit = (id != null) ? this.registry.view(id, VietnamTime.today(this.clock)) : null;
			date = (unit != null) ? unit.asOf() : VietnamTime.today(this.clock);
		}
		return this.service.stats(id, date, (kind != null) ? kind : TeamKind.SECURITY_AND_ORDER);
	}

	@MutationMapping
	TeamPayload saveCommunityTeam(@Argument SaveTeamInput input) {
		return this.service.save(this.registry.idOf(input.groupId()), input);
	}

	@MutationMapping
	TeamPayload removeCommunityTeam(@Argument String id, @Argument int expectedVersion) {
		String groupId = this.service.groupOfTeam(id);
		if (groupId == null) {
			return this.service.unknownTeam();
		}
		return this.service.remove(groupId, id, expectedVersion);
	}

	@MutationMapping
	GroupChangePayload mergeResidentialGroups(@Argument GroupChangePayload.MergeInput input) {
		return this.groupChanges.merge(input);
	}

	@MutationMapping
	GroupChangePayload splitResidentialGroup(@Argument GroupChangePayload.SplitInput input) {
		return this.groupChanges.split(input);
	}

}

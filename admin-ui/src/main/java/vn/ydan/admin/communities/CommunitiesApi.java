package vn.ydan.admin.communities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiClient;

import org.springframework.stereotype.Component;

/**
 * Community teams through the api, as the signed-in user: one document of
 * {@code graphql-documents/} per call ({@code communityGroups},
 * {@code communityTeamMembers}, {@code saveCommunityTeam}, {@code removeCommunityTeam},
 * {@code importResidentialGroups}, {@code communityTeamStats}). Failures are
 * {@link vn.ydan.admin.api.ApiException}s.
 */
@Component
public class CommunitiesApi {

	private final ApiClient api;

	CommunitiesApi(ApiClient api) {
		this.api = api;
	}

	/** A commune's groups and teams; empty when there is no such commune. */
	public Optional<CommuneTeams> commune(String communeId) {
		return this.api.fetchIfAny("communityGroups", Map.of("id", communeId), "unit", CommuneTeams.class);
	}

	/** The members of a team of a group (personal data: the api audits the read). */
	public List<TeamMember> members(String groupId, String teamId) {
		return this.api.fetchIfAny("communityTeamMembers", Map.of("id", groupId), "unit", GroupMembers.class)
			.map((group) -> group.communityTeams()
				.stream()
				.flatMap((row) -> row.teams().stream())
				.filter((team) -> team.id().equals(teamId))
				.findFirst()
				.map(GroupMembers.TeamMembers::members)
				.orElse(List.of()))
			.orElse(List.of());
	}

	public TeamPayload save(TeamDraft draft) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("id", draft.id());
		input.put("groupId", draft.groupId());
		input.put("kind", draft.kind());
		if (draft.decisionNumber() != null && draft.decisionDate() != null && draft.decisionSigner() != null) {
			input.put("decision", Map.of("number", draft.decisionNumber(), "date", draft.decisionDate().toString(),
					"signer", draft.decisionSigner()));
		}
		input.put("established", draft.established());
		input.put("members", draft.members().stream().map(CommunitiesApi::member).toList());
		input.put("expectedVersion", draft.expectedVersion());
		Map<String, Object> present = new HashMap<>();
		input.forEach((name, value) -> {
			if (value != null) {
				present.put(name, value);
			}
		});
		return this.api.fetch("saveCommunityTeam", Map.of("input", present), "saveCommunityTeam", TeamPayload.class);
	}

	public TeamPayload remove(String teamId, int expectedVersion) {
		return this.api.fetch("removeCommunityTeam", Map.of("id", teamId, "expectedVersion", expectedVersion),
				"removeCommunityTeam", TeamPayload.class);
	}

	/** Imports a CSV file of residential groups, or checks it only. */
	public GroupImportResult importGroups(String csv, boolean dryRun) {
		return this.api.fetch("importResidentialGroups", Map.of("input", Map.of("csv", csv, "dryRun", dryRun)),
				"importResidentialGroups", GroupImportResult.class);
	}

	/** The public figures of a unit. */
	public TeamStats stats(String unitId) {
		return this.api.fetch("communityTeamStats", Map.of("id", unitId), "communityTeamStats", TeamStats.class);
	}

	private static Map<String, Object> member(TeamMember member) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", member.name());
		fields.put("birthYear", member.birthYear());
		fields.put("role", member.role());
		if (member.phone() != null && !member.phone().isBlank()) {
			fields.put("phone", member.phone());
		}
		return fields;
	}

	/** The answer of {@code communityTeamMembers}. */
	record GroupMembers(List<Row> communityTeams) {

		record Row(List<TeamMembers> teams) {
		}

		record TeamMembers(String id, List<TeamMember> members) {
		}

	}

}

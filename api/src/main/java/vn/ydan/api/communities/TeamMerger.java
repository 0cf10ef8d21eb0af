package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Merges the community teams of merged residential groups, kind by kind, into one team of
 * the merged group: the first team found (the merged group's own, then the groups' in
 * order, the survivor first) keeps its id, the others' members follow in order, a person
 * (name and birth year) in two of them is kept once, the first leader stays leader and
 * the others become deputies, and the team stays established only with a decision and at
 * least its kind's minimum. The merged-away teams are removed. One history line keyed by
 * the change: run again, it finds one team per kind on the merged group with the line and
 * changes nothing. Used by a group merger ({@link GroupChanges}) and by a plan's group
 * mergers ({@link PlannedGroupMergers}).
 */
@Component
class TeamMerger {

	private static final Logger log = LoggerFactory.getLogger(TeamMerger.class);

	private final Teams teams;

	private final CommunitySettings settings;

	TeamMerger(Teams teams, CommunitySettings settings) {
		this.teams = teams;
		this.settings = settings;
	}

	/**
	 * Merges the teams of {@code groupIds} into teams of {@code mergedId}; returns how
	 * many teams were merged away. Each revision stored is told to {@code revisions} (the
	 * audit).
	 */
	int merge(List<String> groupIds, String mergedId, LocalDate date, String text, String historyKey,
			Revisions revisions) {
		int mergedAway = 0;
		synchronized (this.teams) {
			for (TeamKind kind : TeamKind.values()) {
				List<Team> ofKind = new ArrayList<>();
				Set<String> seen = new HashSet<>();
				List<String> ids = new ArrayList<>();
				ids.add(mergedId);
				ids.addAll(groupIds);
				for (String groupId : ids) {
					for (Team team : this.teams.ofGroup(groupId)) {
						if (team.kind() == kind && seen.add(team.id())) {
							ofKind.add(team);
						}
					}
				}
				if (ofKind.isEmpty()) {
					continue;
				}
				Team keep = ofKind.get(0);
				boolean recorded = keep.history().stream().anyMatch((entry) -> historyKey.equals(entry.key()));
				if (ofKind.size() == 1 && keep.groupId().equals(mergedId) && recorded) {
					continue;
				}
				List<Member> members = new ArrayList<>();
				Set<String> identities = new HashSet<>();
				boolean leader = false;
				boolean established = false;
				Team withDecision = null;
				for (Team team : ofKind) {
					established |= team.established();
					if (withDecision == null && team.decisionNumber() != null) {
						withDecision = team;
					}
					for (Member member : team.members()) {
						if (!identities.add(member.identity())) {
							continue;
						}
						MemberRole role = member.role();
						if (role == MemberRole.LEADER) {
							// One leader: the kept team's; the others' become deputies.
							role = leader ? MemberRole.DEPUTY : role;
							leader = true;
						}
						members.add(new Member(members.size() + 1, member.name(), member.birthYear(), member.phone(),
								role));
					}
				}
				int minimum = this.settings.minimum(kind);
				List<HistoryEntry> history = new ArrayList<>(keep.history());
				if (!recorded) {
					history.add(new HistoryEntry(date, text, historyKey));
				}
				Team merged = new Team(keep.id(), mergedId, kind,
						(withDecision != null) ? withDecision.decisionNumber() : null,
						(withDecision != null) ? withDecision.decisionDate() : null,
						(withDecision != null) ? withDecision.decisionSigner() : null,
						established && withDecision != null && members.size() >= minimum, List.copyOf(members),
						List.copyOf(history), keep.revision() + 1);
				if (!this.teams.save(merged, keep.revision())) {
					throw new IllegalStateException("Team " + keep.id() + " changed while merging");
				}
				revisions.revised(subject(keep.id()), merged.revision(),
						"Hợp nhất (" + members.size() + " thành viên)");
				for (Team other : ofKind.subList(1, ofKind.size())) {
					if (!this.teams.remove(other, other.revision())) {
						throw new IllegalStateException("Team " + other.id() + " changed while merging");
					}
					revisions.revised(subject(other.id()), other.revision() + 1, "Hợp nhất vào tổ " + keep.id());
					mergedAway++;
				}
			}
		}
		log.info("{}: {} community teams merged away", text, mergedAway);
		return mergedAway;
	}

	/** How the audit log names a team, whose history it holds. */
	static String subject(String teamId) {
		return "communityTeam:" + teamId;
	}

	/** Told of each team revision stored. */
	@FunctionalInterface
	interface Revisions {

		void revised(String subject, int revision, String change);

	}

}

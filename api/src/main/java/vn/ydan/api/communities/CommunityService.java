package vn.ydan.api.communities;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.access.Caller;
import vn.ydan.api.access.Roles;
import vn.ydan.api.access.UnitScope;
import vn.ydan.api.audit.AuditTrail;
import vn.ydan.api.protocol.BadRequestException;
import vn.ydan.api.protocol.NotFoundException;
import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.VietnamTime;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Reads and changes of community teams, with their rules and who may do them: admins;
 * officials whose scope covers the group's commune; clerks assigned the commune
 * ({@link Roles#MAY_ACT_FOR_COMMUNE}). Members' data is personal: every read of a list is
 * in the audit log ({@code read:communityTeams}), and nothing public carries it (the
 * figures are counts).
 */
@Service
class CommunityService {

	static final int MAX_MEMBERS = 100;

	static final int MAX_TEXT = 100;

	private static final int STATS_CACHE_LIMIT = 1_000;

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .]{8,15}");

	private final Teams teams;

	private final UnitRegistry registry;

	private final UnitScope scope;

	private final CommunitySettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	/** Figures by unit, date, kind and the revisions they were counted at; bounded. */
	private final Map<StatsKey, CommunityTeamStats> statsCache = new java.util.concurrent.ConcurrentHashMap<>();

	CommunityService(Teams teams, UnitRegistry registry, UnitScope scope, CommunitySettings settings, AuditTrail audit,
			Clock clock) {
		this.teams = teams;
		this.registry = registry;
		this.scope = scope;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The residential groups of a commune (or one group) on the unit's date, each with
	 * its teams and flags; the read is audited.
	 * @throws AccessDeniedException when the caller does not act for the commune
	 */
	List<CommunityGroup> groupsOf(Unit unit) {
		String unitId = this.registry.idOf(unit.id());
		LocalDate date = unit.asOf();
		if (unit.level() != UnitLevel.COMMUNE && unit.level() != UnitLevel.RESIDENTIAL_GROUP) {
			throw new BadRequestException("communityTeams chỉ có ở đơn vị cấp xã và tổ dân phố, thôn");
		}
		Authentication caller = Caller.signedIn();
		if (caller == null || !this.scope.mayActForCommune(caller, unitId)) {
			throw new AccessDeniedException("Community teams are for those who act for the commune");
		}
		List<UnitRecord> groups = new ArrayList<>();
		if (unit.level() == UnitLevel.COMMUNE) {
			for (UnitRecord child : this.registry.children(unitId, date)) {
				if (child.level() == UnitLevel.RESIDENTIAL_GROUP) {
					groups.add(child);
				}
			}
		}
		else {
			UnitRecord group = this.registry.unit(unitId, date);
			if (group != null) {
				groups.add(group);
			}
		}
		List<CommunityGroup> result = new ArrayList<>();
		int members = 0;
		for (UnitRecord group : groups) {
			List<CommunityTeam> views = new ArrayList<>();
			for (Team team : this.teams.ofGroup(group.id())) {
				views.add(view(team));
				members += team.members().size();
			}
			Unit groupView = this.registry.view(group.id(), date);
			if (groupView != null) {
				result.add(new CommunityGroup(groupView, views, flags(views)));
			}
		}
		// Recorded before anything is returned: who, which unit, how many (not whom).
		this.audit.recordRead("communityTeams", "Xem tổ bảo vệ, tổ tự quản của " + unit.fullName(), List.of(unit.id()),
				Map.of("groups", result.size(), "members", members));
		return result;
	}

	/** The flags of a group with these teams. */
	static List<CommunityFlag> flags(List<CommunityTeam> teams) {
		List<CommunityFlag> flags = new ArrayList<>();
		if (teams.stream().noneMatch((team) -> team.kind() == TeamKind.SECURITY_AND_ORDER && team.established())) {
			flags.add(CommunityFlag.NO_SECURITY_TEAM);
		}
		if (teams.stream().anyMatch(CommunityTeam::belowMinimum)) {
			flags.add(CommunityFlag.TEAM_BELOW_MINIMUM);
		}
		return flags;
	}

	CommunityTeam view(Team team) {
		int minimum = this.settings.minimum(team.kind());
		List<CommunityTeam.MemberView> members = team.members()
			.stream()
			.map((member) -> new CommunityTeam.MemberView(team.id() + "/" + member.number(), member.name(),
					member.birthYear(), member.phone(), member.role()))
			.toList();
		CommunityTeam.Decision decision = (team.decisionNumber() != null && team.decisionDate() != null
				&& team.decisionSigner() != null)
						? new CommunityTeam.Decision(team.decisionNumber(), team.decisionDate(), team.decisionSigner())
						: null;
		return new CommunityTeam(team.id(), this.registry.globalIdOf(team.groupId()), team.kind(), decision,
				team.established(), members, minimum, team.members().size() < minimum, team.revision(), team.history());
	}

	/**
	 * Creates or replaces a team of the group {@code unitId} (internal id), whole: its
	 * decision, whether it is established and its members.
	 */
	@PreAuthorize(Roles.MAY_ACT_FOR_COMMUNE)
	TeamPayload save(String unitId, SaveTeamInput input) {
		LocalDate today = VietnamTime.today(this.clock);
		List<UserError> errors = new ArrayList<>();
		UnitRecord group = this.registry.unit(unitId, today);
		if (group == null || group.level() != UnitLevel.RESIDENTIAL_GROUP || group.parentId() == null) {
			return TeamPayload.rejected(
					List.of(UserError.of("groupId", "Không tìm thấy tổ dân phố, thôn đang có hiệu lực", "NOT_FOUND")));
		}
		List<Member> members = members(input.members(), today, errors);
		int minimum = this.settings.minimum(input.kind());
		if (input.established() && members.size() < minimum) {
			errors.add(UserError.of("established", input.kind().label() + " có " + members.size()
					+ " thành viên, cần ít nhất " + minimum + " mới được ghi là đã thành lập", "TEAM_BELOW_MINIMUM"));
		}
		TeamPayload.DecisionInput decision = input.decision();
		if (decision != null) {
			if (blank(decision.number()) || decision.number().strip().length() > MAX_TEXT) {
				errors.add(UserError.of("decision", "Số quyết định không được để trống (tối đa 100 ký tự)",
						"DECISION_INVALID"));
			}
			if (blank(decision.signer()) || decision.signer().strip().length() > MAX_TEXT) {
				errors.add(UserError.of("decision",
						"Người ký quyết định (Chủ tịch UBND xã) không được để trống (tối đa 100 ký tự)",
						"DECISION_INVALID"));
			}
			if (decision.date().isAfter(today)) {
				errors.add(UserError.of("decision", "Ngày quyết định " + decision.date() + " ở tương lai",
						"DECISION_INVALID"));
			}
		}
		else if (input.established()) {
			errors.add(UserError.of("decision", "Tổ đã thành lập phải có quyết định thành lập của Chủ tịch UBND xã",
					"DECISION_MISSING"));
		}
		if (!errors.isEmpty()) {
			return TeamPayload.rejected(errors);
		}
		synchronized (this.teams) {
			Team existing = (input.id() != null) ? this.teams.byId(input.id()) : null;
			if (input.id() != null && (existing == null || !existing.groupId().equals(unitId))) {
				return TeamPayload
					.rejected(List.of(UserError.of("id", "Không tìm thấy tổ này trong tổ dân phố, thôn", "NOT_FOUND")));
			}
			int revision = (existing != null) ? existing.revision() : 0;
			if (existing != null && input.expectedVersion() != null && input.expectedVersion() != revision) {
				return conflict(revision);
			}
			String id = (existing != null) ? existing.id() : UUID.randomUUID().toString();
			for (Team other : this.teams.ofGroup(unitId)) {
				if (other.kind() == input.kind() && !other.id().equals(id)) {
					return TeamPayload.rejected(List.of(UserError.of("kind",
							group.fullName() + " đã có " + input.kind().label() + ": mỗi tổ dân phố, thôn có một",
							"TEAM_KIND_TAKEN")));
				}
			}
			UserError twice = memberInAnotherTeam(group.parentId(), id, input.kind(), members, today);
			if (twice != null) {
				return TeamPayload.rejected(List.of(twice));
			}
			Team team = new Team(id, unitId, input.kind(), (decision != null) ? decision.number().strip() : null,
					(decision != null) ? decision.date() : null,
					(decision != null) ? nfc(decision.signer().strip()) : null, input.established(), members,
					(existing != null) ? existing.history() : List.of(), revision + 1);
			if (!this.teams.save(team, revision)) {
				return conflict(revision);
			}
			String change = ((existing == null) ? "Lập " : "Sửa ") + input.kind().label() + " (" + members.size()
					+ " thành viên" + (input.established() ? ", đã thành lập" : "") + ")";
			this.audit.current()
				.summary(change + " của " + group.fullName())
				.touched(group.globalId())
				.touched(this.registry.globalIdOf(group.parentId()))
				.before((existing != null) ? state(existing) : Map.of())
				.after(state(team))
				.revised("communityTeam:" + id, team.revision(), change);
			return TeamPayload.of(view(team));
		}
	}

	/** Removes a team of the group {@code unitId}. */
	@PreAuthorize(Roles.MAY_ACT_FOR_COMMUNE)
	TeamPayload remove(String unitId, String teamId, int expectedVersion) {
		synchronized (this.teams) {
			Team team = this.teams.byId(teamId);
			if (team == null || !team.groupId().equals(unitId)) {
				return TeamPayload.rejected(List.of(UserError.of("id", "Không tìm thấy tổ", "NOT_FOUND")));
			}
			if (team.revision() != expectedVersion || !this.teams.remove(team, expectedVersion)) {
				return conflict(team.revision());
			}
			this.audit.current()
				.summary("Xoá " + team.kind().label() + " (" + team.members().size() + " thành viên)")
				.touched(this.registry.globalIdOf(unitId))
				.before(state(team))
				.revised("communityTeam:" + teamId, team.revision() + 1, "Xoá tổ");
			return TeamPayload.of(view(team));
		}
	}

	/** A team id that names no team, for those who may manage teams somewhere. */
	@PreAuthorize(Roles.IS_TALLIER)
	TeamPayload unknownTeam() {
		return TeamPayload.rejected(List.of(UserError.of("id", "Không tìm thấy tổ", "NOT_FOUND")));
	}

	/** The group a team belongs to (internal id), for the access check; null if none. */
	@Nullable String groupOfTeam(String teamId) {
		Team team = this.teams.byId(teamId);
		return (team != null) ? team.groupId() : null;
	}

	/**
	 * A member who is already in another team of the same kind in the commune (a person
	 * serves in one security team: the one of the group they live in).
	 */
	private @Nullable UserError memberInAnotherTeam(String communeId, String teamId, TeamKind kind,
			List<Member> members, LocalDate today) {
		Map<String, Member> wanted = new HashMap<>();
		members.forEach((member) -> wanted.put(member.identity(), member));
		for (UnitRecord group : this.registry.children(communeId, today)) {
			for (Team other : this.teams.ofGroup(group.id())) {
				if (other.kind() != kind || other.id().equals(teamId)) {
					continue;
				}
				for (Member member : other.members()) {
					Member same = wanted.get(member.identity());
					if (same != null) {
						return UserError.of("members",
								same.name() + " (sinh năm " + same.birthYear() + ") đã ở " + kind.label() + " của "
										+ group.fullName() + ": một người chỉ ở một tổ cùng loại",
								"MEMBER_IN_TWO_TEAMS");
					}
				}
			}
		}
		return null;
	}

	private static List<Member> members(List<TeamPayload.MemberInput> inputs, LocalDate today, List<UserError> errors) {
		if (inputs.size() > MAX_MEMBERS) {
			errors.add(UserError.of("members", "Một tổ có tối đa " + MAX_MEMBERS + " thành viên", "TOO_MANY_MEMBERS"));
			return List.of();
		}
		List<Member> members = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int leaders = 0;
		for (TeamPayload.MemberInput input : inputs) {
			String name = nfc(input.name().strip());
			int line = members.size() + 1;
			if (name.isEmpty() || name.length() > MAX_TEXT) {
				errors.add(UserError.of("members",
						"Thành viên thứ " + line + ": họ tên không được để trống (tối đa 100 ký tự)", "NAME_EMPTY"));
			}
			if (input.birthYear() < 1900 || input.birthYear() > today.getYear() - 15) {
				errors.add(UserError.of("members",
						"Thành viên thứ " + line + ": năm sinh " + input.birthYear() + " không hợp lệ",
						"BIRTH_YEAR_INVALID"));
			}
			String phone = (input.phone() != null && !input.phone().isBlank()) ? input.phone().strip() : null;
			if (phone != null && !PHONE.matcher(phone).matches()) {
				errors.add(UserError.of("members", "Thành viên thứ " + line + ": số điện thoại không hợp lệ",
						"PHONE_INVALID"));
			}
			if (input.role() == MemberRole.LEADER) {
				leaders++;
			}
			Member member = new Member(line, name, input.birthYear(), phone, input.role());
			if (!seen.add(member.identity())) {
				errors.add(UserError.of("members", "Thành viên thứ " + line + ": " + name + " có hai lần trong tổ",
						"MEMBER_REPEATED"));
			}
			members.add(member);
		}
		if (leaders > 1) {
			errors.add(UserError.of("members", "Một tổ có một tổ trưởng", "LEADER_TAKEN"));
		}
		return List.copyOf(members);
	}

	/**
	 * The public figures of the unit ({@code unitId}, internal; null: the nation) as of
	 * {@code asOf}: counts only.
	 */
	CommunityTeamStats stats(@Nullable String unitId, LocalDate asOf, TeamKind kind) {
		// The figures change only with the registry or the teams: asked for again (every
		// visitor of a public page), they cost a lookup.
		StatsKey key = new StatsKey((unitId != null) ? unitId : "", asOf, kind, this.registry.revision(),
				this.teams.revision());
		CommunityTeamStats cached = this.statsCache.get(key);
		if (cached != null) {
			return cached;
		}
		CommunityTeamStats counted = count(unitId, asOf, kind);
		if (this.statsCache.size() >= STATS_CACHE_LIMIT) {
			this.statsCache.clear();
		}
		this.statsCache.put(key, counted);
		return counted;
	}

	private CommunityTeamStats count(@Nullable String unitId, LocalDate asOf, TeamKind kind) {
		Unit unit = null;
		if (unitId != null) {
			unit = this.registry.view(unitId, asOf);
			if (unit == null || this.registry.unit(unitId, asOf) == null) {
				throw new NotFoundException("Không có đơn vị này vào ngày " + asOf);
			}
		}
		List<String> groups = this.registry.idsOfLevelBelow(unitId, UnitLevel.RESIDENTIAL_GROUP, asOf);
		int minimum = this.settings.minimum(kind);
		int withTeam = 0;
		int teamCount = 0;
		long members = 0;
		int below = 0;
		for (String group : groups) {
			boolean has = false;
			for (Team team : this.teams.ofGroup(group)) {
				if (team.kind() != kind) {
					continue;
				}
				teamCount++;
				members += team.members().size();
				has |= team.established();
				if (team.members().size() < minimum) {
					below++;
				}
			}
			if (has) {
				withTeam++;
			}
		}
		long allowance = this.settings.yearlyAllowancePerMember();
		return new CommunityTeamStats(unit, asOf, kind, groups.size(), withTeam, groups.size() - withTeam, teamCount,
				members, below, minimum, (long) groups.size() * minimum, allowance, members * allowance,
				(long) groups.size() * minimum * allowance);
	}

	private record StatsKey(String unitId, LocalDate asOf, TeamKind kind, long registryRevision, long teamsRevision) {
	}

	private static Map<String, Object> state(Team team) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("kind", team.kind().name());
		state.put("established", team.established());
		state.put("members", team.members().size());
		if (team.decisionNumber() != null) {
			state.put("decisionNumber", team.decisionNumber());
		}
		return state;
	}

	private static TeamPayload conflict(int current) {
		return TeamPayload.rejected(List.of(UserError.of("expectedVersion",
				"Tổ đã được người khác sửa (phiên bản hiện tại: " + current + "). Hãy tải lại rồi sửa lại.",
				"VERSION_CONFLICT")));
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	static String nfc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

}

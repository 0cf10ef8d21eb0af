package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.api.access.Caller;
import vn.ydan.api.access.Roles;
import vn.ydan.api.access.UnitScope;
import vn.ydan.api.audit.AuditTrail;
import vn.ydan.api.protocol.UserError;
import vn.ydan.api.units.LineageRelation;
import vn.ydan.api.units.Restructuring;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.UnitType;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Merging residential groups of one commune and splitting one: a restructuring of the
 * group level (decision 18), recorded by the registry like any other (versions that end
 * and start on the effective date, lineage links from the old groups to the new), and the
 * groups' teams follow: merged groups' teams of a kind become one team (members kept, a
 * person in two of them kept once, one leader), a split group's teams stay with the part
 * that continues it. Admins and officials whose scope covers the commune (a commune
 * decision, not a clerk's entry); audited; the same request again changes nothing.
 */
@Service
class GroupChanges {

	private static final Logger log = LoggerFactory.getLogger(GroupChanges.class);

	/**
	 * How the key of a merger's restructuring starts: this class merges the teams of its
	 * own mergers in the request ({@link PlannedGroupMergers} leaves them alone).
	 */
	static final String KEY_PREFIX = "group-merge|";

	private final UnitRegistry registry;

	private final Teams teams;

	private final UnitScope scope;

	private final TeamMerger merger;

	private final AuditTrail audit;

	GroupChanges(UnitRegistry registry, Teams teams, UnitScope scope, TeamMerger merger, AuditTrail audit) {
		this.registry = registry;
		this.teams = teams;
		this.scope = scope;
		this.merger = merger;
		this.audit = audit;
	}

	/**
	 * Merges {@code input.groupIds} (global ids) into the survivor, or into a new group.
	 * @throws AccessDeniedException when the caller may not change one of the groups
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	GroupChangePayload merge(GroupChangePayload.MergeInput input) {
		List<String> ids = internalIds(input.groupIds());
		String survivorId = (input.survivorId() != null) ? this.registry.idOf(input.survivorId()) : null;
		LocalDate date = input.effectiveDate();
		LocalDate dayBefore = date.minusDays(1);
		List<UserError> errors = new ArrayList<>();
		List<UnitRecord> groups = groupsInForce(ids, dayBefore, "groupIds", errors);
		if (!errors.isEmpty()) {
			return GroupChangePayload.rejected(errors);
		}
		if (groups.size() < 2) {
			return GroupChangePayload.rejected(List.of(UserError.of("groupIds",
					"Cần ít nhất hai tổ dân phố, thôn khác nhau để hợp nhất", "TOO_FEW_GROUPS")));
		}
		String communeId = groups.get(0).parentId();
		if (groups.stream().anyMatch((group) -> !group.parentId().equals(communeId))) {
			return GroupChangePayload.rejected(List.of(UserError.of("groupIds",
					"Chỉ hợp nhất các tổ dân phố, thôn của cùng một xã", "GROUPS_OF_TWO_COMMUNES")));
		}
		UnitRecord survivor = null;
		if (survivorId != null) {
			survivor = groups.stream().filter((group) -> group.id().equals(survivorId)).findFirst().orElse(null);
			if (survivor == null) {
				return GroupChangePayload.rejected(List.of(UserError.of("survivorId",
						"Tổ được giữ lại phải là một trong các tổ hợp nhất", "SURVIVOR_NOT_MERGED")));
			}
		}
		String name = strip(input.name());
		String code = strip(input.code());
		if (survivor != null) {
			name = (name != null) ? name : survivor.name();
			code = (code != null) ? code : survivor.code();
		}
		if (name == null || name.length() > CommunityService.MAX_TEXT) {
			errors
				.add(UserError.of("name", "Tên tổ sau hợp nhất không được để trống (tối đa 100 ký tự)", "NAME_EMPTY"));
		}
		checkLegalBasis(input.legalBasis(), errors);
		if (!errors.isEmpty()) {
			return GroupChangePayload.rejected(errors);
		}
		List<UnitRecord> ordered = new ArrayList<>(groups);
		if (survivor != null) {
			ordered.remove(survivor);
			ordered.add(0, survivor);
		}
		TreeSet<String> sorted = new TreeSet<>(ids);
		String key = KEY_PREFIX + date + "|" + String.join(",", sorted) + "|"
				+ ((survivorId != null) ? survivorId : "");
		String mergedId = (survivor != null) ? survivor.id() : Restructuring.newUnitId(key, "merged");
		UnitType type = ordered.get(0).type();
		String fullName = UnitRegistry.groupFullName(type, CommunityService.nfc(name));
		Set<String> ending = new LinkedHashSet<>();
		ordered.stream().map(UnitRecord::id).filter((id) -> !id.equals(mergedId)).forEach(ending::add);
		UserError taken = takenInCommune(communeId, date, code, CommunityService.nfc(name), ending, Set.of(mergedId));
		if (taken != null) {
			return GroupChangePayload.rejected(List.of(taken));
		}
		Integer households = sum(ordered);
		String basis = input.legalBasis().strip();
		List<Restructuring.Link> links = new ArrayList<>();
		ending.forEach((id) -> links.add(new Restructuring.Link(id, "merged", LineageRelation.WHOLE, null, basis)));
		Restructuring change = new Restructuring(key, date,
				List.of(new Restructuring.NewUnit("merged", code, CommunityService.nfc(name), fullName, type, communeId,
						null, (survivor != null) ? survivor.id() : null, null, null, households)),
				List.copyOf(ending), List.of(), links);
		UserError refused = apply(change);
		if (refused != null) {
			return GroupChangePayload.rejected(List.of(refused));
		}
		String names = String.join(", ", ordered.stream().map(UnitRecord::fullName).toList());
		String text = "Hợp nhất " + names + " thành " + fullName + " (" + basis + ")";
		int merged = this.merger.merge(ordered.stream().map(UnitRecord::id).toList(), mergedId, date, text,
				"group-merge:" + key,
				(subject, revision, what) -> this.audit.current().revised(subject, revision, what));
		this.audit.current()
			.summary(text)
			.touched(this.registry.globalIdOf(communeId))
			.touched(this.registry.globalIdOf(mergedId))
			.before(Map.of("groups", ordered.size()))
			.after(Map.of("groups", 1, "teamsMerged", merged));
		ordered.forEach((group) -> this.audit.current().touched(group.globalId()));
		return GroupChangePayload.of(List.of(mergedId), date, this.registry);
	}

	/**
	 * Splits {@code input.groupId}: its first part continues it (its id and its teams),
	 * the others are new groups.
	 * @throws AccessDeniedException when the caller may not change the group
	 */
	@PreAuthorize(Roles.IS_PLANNER)
	GroupChangePayload split(GroupChangePayload.SplitInput input) {
		List<String> ids = internalIds(List.of(input.groupId()));
		LocalDate date = input.effectiveDate();
		List<UserError> errors = new ArrayList<>();
		List<UnitRecord> found = groupsInForce(ids, date.minusDays(1), "groupId", errors);
		if (!errors.isEmpty()) {
			return GroupChangePayload.rejected(errors);
		}
		UnitRecord group = found.get(0);
		if (input.parts().size() < 2) {
			return GroupChangePayload
				.rejected(List.of(UserError.of("parts", "Tách một tổ thành ít nhất hai tổ", "TOO_FEW_PARTS")));
		}
		Set<String> names = new HashSet<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < input.parts().size(); i++) {
			GroupChangePayload.PartInput part = input.parts().get(i);
			String name = strip(part.name());
			if (name == null || name.length() > CommunityService.MAX_TEXT) {
				errors.add(UserError.of("parts", "Tổ thứ " + (i + 1) + ": tên không được để trống (tối đa 100 ký tự)",
						"NAME_EMPTY"));
			}
			else if (!names.add(CommunityService.nfc(name).toLowerCase(java.util.Locale.ROOT))
					|| (strip(part.code()) != null && !codes.add(strip(part.code())))) {
				errors.add(UserError.of("parts",
						"Tổ thứ " + (i + 1) + " trùng tên hoặc mã với một tổ khác của tệp tách", "DUPLICATE_PART"));
			}
		}
		checkLegalBasis(input.legalBasis(), errors);
		if (!errors.isEmpty()) {
			return GroupChangePayload.rejected(errors);
		}
		String communeId = group.parentId();
		String key = "group-split|" + date + "|" + group.id();
		String basis = input.legalBasis().strip();
		List<Restructuring.NewUnit> parts = new ArrayList<>();
		List<Restructuring.Link> links = new ArrayList<>();
		List<String> resultIds = new ArrayList<>();
		Set<String> created = new HashSet<>();
		for (int i = 0; i < input.parts().size(); i++) {
			GroupChangePayload.PartInput part = input.parts().get(i);
			String partKey = "part-" + (i + 1);
			String id = (i == 0) ? group.id() : Restructuring.newUnitId(key, partKey);
			resultIds.add(id);
			created.add(id);
			String name = CommunityService.nfc(java.util.Objects.requireNonNull(strip(part.name())));
			parts.add(new Restructuring.NewUnit(partKey, strip(part.code()), name,
					UnitRegistry.groupFullName(group.type(), name), group.type(), communeId, null,
					(i == 0) ? group.id() : null, null, null, part.households()));
			if (i > 0) {
				links.add(new Restructuring.Link(group.id(), partKey, LineageRelation.PART, null, basis));
			}
		}
		for (Restructuring.NewUnit part : parts) {
			UserError taken = takenInCommune(communeId, date, part.code(), part.name(), Set.of(group.id()), created);
			if (taken != null) {
				return GroupChangePayload.rejected(List.of(taken));
			}
		}
		UserError refused = apply(new Restructuring(key, date, parts, List.of(), List.of(), links));
		if (refused != null) {
			return GroupChangePayload.rejected(List.of(refused));
		}
		String text = "Tách " + group.fullName() + " thành "
				+ String.join(", ", parts.stream().map(Restructuring.NewUnit::fullName).toList()) + " (" + basis + ")";
		int kept = recordSplit(group.id(), date, text + ": các tổ ở lại với " + parts.get(0).fullName(),
				"group-split:" + key);
		this.audit.current()
			.summary(text)
			.touched(this.registry.globalIdOf(communeId))
			.touched(group.globalId())
			.before(Map.of("groups", 1))
			.after(Map.of("groups", parts.size(), "teamsKept", kept));
		return GroupChangePayload.of(resultIds, date, this.registry);
	}

	/** A history line on each team of the split group, which stay with it. */
	private int recordSplit(String groupId, LocalDate date, String text, String historyKey) {
		int kept = 0;
		synchronized (this.teams) {
			for (Team team : this.teams.ofGroup(groupId)) {
				kept++;
				if (team.history().stream().anyMatch((entry) -> historyKey.equals(entry.key()))) {
					continue;
				}
				List<HistoryEntry> history = new ArrayList<>(team.history());
				history.add(new HistoryEntry(date, text, historyKey));
				Team changed = team.withHistory(history, team.revision() + 1);
				if (!this.teams.save(changed, team.revision())) {
					throw new IllegalStateException("Team " + team.id() + " changed while splitting");
				}
				this.audit.current()
					.revised(TeamMerger.subject(team.id()), changed.revision(), "Tách tổ dân phố, thôn");
			}
		}
		return kept;
	}

	/**
	 * Internal ids of global ids, each checked against the caller's scope first (an
	 * official of another province learns nothing about the group).
	 */
	private List<String> internalIds(List<String> globalIds) {
		Authentication caller = Caller.signedIn();
		List<String> ids = new ArrayList<>();
		for (String globalId : new LinkedHashSet<>(globalIds)) {
			String id = this.registry.idOf(globalId);
			if (caller == null || !this.scope.mayEdit(caller, id)) {
				throw new AccessDeniedException("Merging and splitting groups is for the commune's officials");
			}
			ids.add(id);
		}
		return ids;
	}

	private List<UnitRecord> groupsInForce(List<String> ids, LocalDate dayBefore, String field,
			List<UserError> errors) {
		List<UnitRecord> groups = new ArrayList<>();
		for (String id : ids) {
			UnitRecord group = this.registry.unit(id, dayBefore);
			if (group == null || group.level() != UnitLevel.RESIDENTIAL_GROUP || group.parentId() == null) {
				errors.add(UserError.of(field,
						"Không tìm thấy tổ dân phố, thôn có hiệu lực ngày " + dayBefore + " (trước ngày thay đổi)",
						"NOT_FOUND"));
			}
			else {
				groups.add(group);
			}
		}
		return groups;
	}

	/**
	 * A group of the commune on {@code date}, other than those that end and those this
	 * change makes, that holds the code or the name.
	 */
	private @Nullable UserError takenInCommune(String communeId, LocalDate date, @Nullable String code, String name,
			Set<String> ending, Set<String> made) {
		String canonical = name.toLowerCase(java.util.Locale.ROOT);
		for (UnitRecord other : this.registry.children(communeId, date)) {
			if (other.level() != UnitLevel.RESIDENTIAL_GROUP || ending.contains(other.id())
					|| made.contains(other.id())) {
				continue;
			}
			if (code != null && code.equals(other.code())) {
				return UserError.of("code", "Mã " + code + " đã thuộc về " + other.fullName() + " trong cùng xã",
						"CODE_TAKEN");
			}
			if (canonical.equals(other.name().toLowerCase(java.util.Locale.ROOT))) {
				return UserError.of("name", "Xã đã có " + other.fullName() + " cùng tên", "NAME_TAKEN");
			}
		}
		return null;
	}

	/** Applies the change; the registry's refusal as a user error. */
	private @Nullable UserError apply(Restructuring change) {
		try {
			this.registry.restructure(change, (done, total) -> {
			});
			return null;
		}
		catch (IllegalStateException ex) {
			log.info("Group change {} refused by the registry: {}", change.key(), ex.getMessage());
			return UserError.of("effectiveDate", "Sổ đơn vị không cho phép thay đổi này vào ngày "
					+ change.effectiveDate() + " (một tổ đã có thay đổi từ ngày đó trở về sau)", "CHANGE_REFUSED");
		}
	}

	private static void checkLegalBasis(String legalBasis, List<UserError> errors) {
		if (legalBasis.isBlank() || legalBasis.strip().length() > CommunityService.MAX_TEXT) {
			errors.add(UserError.of("legalBasis",
					"Căn cứ (nghị quyết, quyết định) không được để trống (tối đa 100 ký tự)", "LEGAL_BASIS_MISSING"));
		}
	}

	private static @Nullable Integer sum(List<UnitRecord> groups) {
		int households = 0;
		for (UnitRecord group : groups) {
			if (group.households() == null) {
				return null;
			}
			households += group.households();
		}
		return households;
	}

	private static @Nullable String strip(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The registry as other modules see it: units on a date, and {@link #restructure}, the
 * only way a plan changes the registry. Reads come from the in-memory read model
 * ({@link RegistryReadModel}).
 */
@Service
public class UnitRegistry {

	private final RegistryReadModel registry;

	private final Restructurer restructurer;

	private final @Nullable UnitImporter importer;

	private final @Nullable RegistryChanges changes;

	private final @Nullable ApplicationEventPublisher events;

	@Autowired
	UnitRegistry(RegistryReadModel registry, Restructurer restructurer, UnitImporter importer, RegistryChanges changes,
			ApplicationEventPublisher events) {
		this.registry = registry;
		this.restructurer = restructurer;
		this.importer = importer;
		this.changes = changes;
		this.events = events;
	}

	UnitRegistry(RegistryReadModel registry, Restructurer restructurer) {
		this.registry = registry;
		this.restructurer = restructurer;
		this.importer = null;
		this.changes = null;
		this.events = null;
	}

	/**
	 * Imports residential groups ({@code commune_code,code,name,type,households}), all or
	 * nothing, idempotent; returns how many were created.
	 * @throws IllegalStateException naming the first problem when the file does not
	 * import
	 */
	public int importResidentialGroups(String csv) {
		if (this.importer == null) {
			throw new IllegalStateException("No importer");
		}
		UnitImportResult result = this.importer.importText(UnitImportKind.RESIDENTIAL_GROUPS, csv, null, false);
		if (!result.errors().isEmpty()) {
			throw new IllegalStateException("Residential groups do not import: " + result.errors().get(0));
		}
		return result.created();
	}

	/** The unit's version in force on {@code date}; null when none (or no such unit). */
	public @Nullable UnitRecord unit(String id, LocalDate date) {
		AdministrativeUnit unit = this.registry.current().unit(id);
		if (unit == null) {
			return null;
		}
		UnitVersion version = unit.versionAt(date);
		return (version != null) ? UnitRecord.of(unit, version) : null;
	}

	/** The unit of {@code level} that held {@code code} on {@code date}, or null. */
	public @Nullable UnitRecord byCode(String code, UnitLevel level, LocalDate date) {
		AdministrativeUnit unit = this.registry.current().holding(code, level, date);
		return (unit != null) ? unit(unit.id(), date) : null;
	}

	/** The province the unit is in (or is) on {@code date}; null when none. */
	public @Nullable UnitRecord provinceOf(String id, LocalDate date) {
		for (String ancestorId : selfAndAncestorIds(id, date)) {
			UnitRecord unit = unit(ancestorId, date);
			if (unit != null && unit.level() == UnitLevel.PROVINCE) {
				return unit;
			}
		}
		return null;
	}

	/** Units of {@code level} in force on {@code date}, in list order (by code). */
	public List<UnitRecord> unitsOfLevel(UnitLevel level, LocalDate date) {
		List<UnitRecord> units = new ArrayList<>();
		for (AdministrativeUnit unit : this.registry.current().ofLevel(level)) {
			UnitVersion version = unit.versionAt(date);
			if (version != null) {
				units.add(UnitRecord.of(unit, version));
			}
		}
		return units;
	}

	/** Units directly below {@code parentId} on {@code date}, in list order. */
	public List<UnitRecord> children(String parentId, LocalDate date) {
		List<UnitRecord> children = new ArrayList<>();
		for (AdministrativeUnit child : this.registry.current().everChildrenOf(parentId)) {
			UnitVersion version = child.versionAt(date);
			if (version != null && parentId.equals(version.parentId())) {
				children.add(UnitRecord.of(child, version));
			}
		}
		return children;
	}

	/** Units of {@code level} anywhere below {@code unitId} on {@code date}. */
	public List<UnitRecord> descendants(String unitId, UnitLevel level, LocalDate date) {
		List<UnitRecord> found = new ArrayList<>();
		List<UnitRecord> pending = new ArrayList<>(children(unitId, date));
		while (!pending.isEmpty()) {
			UnitRecord next = pending.remove(pending.size() - 1);
			if (next.level() == level) {
				found.add(next);
			}
			else if (next.level().isAbove(level)) {
				pending.addAll(children(next.id(), date));
			}
		}
		return found;
	}

	/**
	 * Internal ids of the units of {@code level} in force on {@code date} anywhere below
	 * {@code unitId} (the unit itself when it is of that level; null: the nation), in no
	 * particular order. Builds no records: the national figures count some 85,000
	 * residential groups with it.
	 */
	public List<String> idsOfLevelBelow(@Nullable String unitId, UnitLevel level, LocalDate date) {
		Snapshot snapshot = this.registry.current();
		List<String> ids = new ArrayList<>();
		if (unitId == null) {
			for (AdministrativeUnit unit : snapshot.ofLevel(level)) {
				if (unit.versionAt(date) != null) {
					ids.add(unit.id());
				}
			}
			return ids;
		}
		AdministrativeUnit start = snapshot.unit(unitId);
		if (start == null || start.versionAt(date) == null) {
			return ids;
		}
		if (start.level() == level) {
			ids.add(unitId);
			return ids;
		}
		java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
		pending.add(unitId);
		while (!pending.isEmpty()) {
			String parent = pending.poll();
			for (AdministrativeUnit child : snapshot.everChildrenOf(parent)) {
				UnitVersion version = child.versionAt(date);
				if (version == null || !parent.equals(version.parentId())) {
					continue;
				}
				if (child.level() == level) {
					ids.add(child.id());
				}
				else if (child.level().isAbove(level)) {
					pending.add(child.id());
				}
			}
		}
		return ids;
	}

	/** The unit and the units above it on {@code date}, nearest first. */
	public List<String> selfAndAncestorIds(String id, LocalDate date) {
		List<String> ids = new ArrayList<>();
		String current = id;
		while (current != null && ids.size() < UnitLevel.values().length) {
			ids.add(current);
			UnitRecord unit = unit(current, date);
			current = (unit != null) ? unit.parentId() : null;
		}
		return ids;
	}

	/**
	 * The GraphQL {@code Unit} on {@code date} (or the nearest date it existed); null
	 * when no such unit.
	 */
	public @Nullable Unit view(String id, LocalDate date) {
		AdministrativeUnit unit = this.registry.current().unit(id);
		return (unit != null) ? Unit.at(unit, date) : null;
	}

	/**
	 * The internal id inside a unit's global id.
	 * @throws vn.ydan.api.protocol.BadRequestException when it is not one
	 */
	public String idOf(String globalId) {
		return GlobalId.unitId(globalId);
	}

	/** A unit's global id ({@code Unit.id}), from its internal id. */
	public String globalIdOf(String unitId) {
		return GlobalId.unit(unitId);
	}

	/**
	 * The id a new unit of a restructuring gets: the same at every retry
	 * ({@link Restructuring#newUnitId}).
	 */
	public static String newUnitId(String restructuringKey, String newUnitKey) {
		return Restructuring.newUnitId(restructuringKey, newUnitKey);
	}

	/**
	 * Applies {@code change}: idempotent and resumable (a retry after a failure midway
	 * ends with the same registry as an uninterrupted run).
	 * @throws IllegalStateException when the registry does not allow the change (a unit
	 * to end that is not in force the day before, a new unit id taken by a different
	 * unit)
	 */
	public Restructuring.Result restructure(Restructuring change, Restructuring.Progress progress) {
		Restructuring.Result result = this.restructurer.apply(change, progress);
		if (this.changes != null) {
			// The public feed tells partners that copy the registry (once per plan).
			String basis = change.links()
				.stream()
				.map(Restructuring.Link::legalBasis)
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse(null);
			try {
				this.changes.planApplied(change.key(), change.effectiveDate(), basis);
			}
			catch (RuntimeException ex) {
				// The registry is changed: a feed entry missing is not a failed apply
				// (the next apply of the plan records it).
				org.slf4j.LoggerFactory.getLogger(UnitRegistry.class)
					.warn("Change feed: plan {} applied but not recorded: {}", change.key(), ex.toString());
			}
		}
		if (this.events != null && !change.groupMoves().isEmpty()) {
			this.events.publishEvent(groupsMoved(change));
		}
		if (this.events != null) {
			ResidentialGroupsMerged merged = groupsMerged(change);
			if (!merged.merges().isEmpty()) {
				this.events.publishEvent(merged);
			}
		}
		return result;
	}

	/**
	 * The groups {@code change} merged: each new group of the change (new, or continuing
	 * one of them) that takes two or more groups whole.
	 */
	private ResidentialGroupsMerged groupsMerged(Restructuring change) {
		LocalDate dayBefore = change.effectiveDate().minusDays(1);
		List<ResidentialGroupsMerged.Merge> merges = new ArrayList<>();
		for (Restructuring.NewUnit unit : change.newUnits()) {
			if (unit.type().level() != UnitLevel.RESIDENTIAL_GROUP) {
				continue;
			}
			List<String> groupIds = new ArrayList<>();
			if (unit.continuedId() != null) {
				groupIds.add(unit.continuedId());
			}
			for (Restructuring.Link link : change.links()) {
				UnitRecord before = link.successorKey().equals(unit.key()) && link.relation() == LineageRelation.WHOLE
						? unit(link.predecessorId(), dayBefore) : null;
				if (before != null && before.level() == UnitLevel.RESIDENTIAL_GROUP
						&& !groupIds.contains(before.id())) {
					groupIds.add(before.id());
				}
			}
			if (groupIds.size() >= 2) {
				String mergedId = (unit.continuedId() != null) ? unit.continuedId()
						: Restructuring.newUnitId(change.key(), unit.key());
				merges.add(new ResidentialGroupsMerged.Merge(mergedId, List.copyOf(groupIds)));
			}
		}
		return new ResidentialGroupsMerged(change.key(), change.effectiveDate(), legalBasis(change), merges);
	}

	/** The groups {@code change} moved, with their commune before and after. */
	private ResidentialGroupsMoved groupsMoved(Restructuring change) {
		Map<String, String> idsByKey = new HashMap<>();
		for (Restructuring.NewUnit unit : change.newUnits()) {
			idsByKey.put(unit.key(), (unit.continuedId() != null) ? unit.continuedId()
					: Restructuring.newUnitId(change.key(), unit.key()));
		}
		LocalDate dayBefore = change.effectiveDate().minusDays(1);
		List<ResidentialGroupsMoved.Move> moves = new ArrayList<>();
		for (Restructuring.GroupMove move : change.groupMoves()) {
			UnitRecord before = unit(move.groupId(), dayBefore);
			String to = idsByKey.get(move.successorKey());
			if (before != null && before.parentId() != null && to != null) {
				moves.add(new ResidentialGroupsMoved.Move(move.groupId(), before.parentId(), to));
			}
		}
		return new ResidentialGroupsMoved(change.key(), change.effectiveDate(), legalBasis(change), moves);
	}

	private static String legalBasis(Restructuring change) {
		return change.links()
			.stream()
			.map(Restructuring.Link::legalBasis)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse("");
	}

	/**
	 * The full name a residential group of {@code type} named {@code name} gets, as the
	 * import gives it ("Thôn 3" for thôn "3"; a name that starts with its type stays).
	 */
	public static String groupFullName(UnitType type, String name) {
		return ImportFile.defaultFullName(type, name);
	}

	/** Revision of the read model: changes with every write. */
	public long revision() {
		return this.registry.current().revision();
	}

}

package vn.ydan.api.units;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Applies a {@link Restructuring}. The embedded store has no transactions, so the change
 * is written as a set of target documents, each computed from the store's current state
 * by rules that leave an already-changed unit as it is: ending a unit that already ends
 * on the date, creating a unit that already exists with the same data, moving a group
 * that already moved are no-ops. A failure midway leaves some units changed; the retry
 * reloads from the store and writes only the rest.
 */
@Component
class Restructurer {

	private static final Logger log = LoggerFactory.getLogger(Restructurer.class);

	/** Units per bulk write: one commit each, and one progress step. */
	static final int BATCH = 100;

	private final RegistryReadModel registry;

	private final Units units;

	private final Lineages lineages;

	private final int batchSize;

	@Autowired
	Restructurer(RegistryReadModel registry, Units units, Lineages lineages) {
		this(registry, units, lineages, BATCH);
	}

	Restructurer(RegistryReadModel registry, Units units, Lineages lineages, int batchSize) {
		this.registry = registry;
		this.units = units;
		this.lineages = lineages;
		this.batchSize = batchSize;
	}

	Restructuring.Result apply(Restructuring change, Restructuring.Progress progress) {
		return this.registry.exclusively(() -> {
			try {
				return applyExclusively(change, progress);
			}
			catch (RuntimeException ex) {
				this.registry.markStale();
				throw ex;
			}
		});
	}

	private Restructuring.Result applyExclusively(Restructuring change, Restructuring.Progress progress) {
		long started = System.nanoTime();
		// The store is the truth after a failed attempt: the read model may lag it.
		this.registry.reloadIfStale();
		Snapshot snapshot = this.registry.current();
		LocalDate date = change.effectiveDate();
		LocalDate dayBefore = date.minusDays(1);
		Map<String, AdministrativeUnit> targets = new LinkedHashMap<>();
		int[] counts = new int[5];
		Map<String, String> idsByKey = new HashMap<>();
		for (Restructuring.NewUnit unit : change.newUnits()) {
			idsByKey.put(unit.key(), (unit.continuedId() != null) ? unit.continuedId()
					: Restructuring.newUnitId(change.key(), unit.key()));
		}
		for (Restructuring.NewUnit unit : change.newUnits()) {
			String id = idsByKey.get(unit.key());
			String parentId = (unit.parentKey() != null) ? idsByKey.get(unit.parentKey()) : unit.parentId();
			UnitVersion version = new UnitVersion(date, null, unit.code(), unit.name(), unit.fullName(), unit.type(),
					parentId, unit.areaKm2(), unit.population(), unit.households());
			AdministrativeUnit existing = snapshot.unit(id);
			if (unit.continuedId() != null) {
				if (existing == null || existing.versionAt(dayBefore) == null) {
					throw new IllegalStateException("Unit " + id + " to continue is not in force on " + dayBefore);
				}
				AdministrativeUnit continued = continuedOn(existing, version);
				if (continued == existing) {
					counts[3]++;
				}
				else {
					targets.put(id, continued);
					counts[4]++;
				}
				continue;
			}
			AdministrativeUnit target = (existing == null)
					? new AdministrativeUnit(id, unit.type().level(), List.of(version), 1)
					: existing.withVersions(List.of(version));
			if (existing != null && existing.sameData(target)) {
				counts[3]++;
			}
			else {
				if (existing != null && existing.level() != target.level()) {
					throw new IllegalStateException("Unit id " + id + " is taken by " + existing);
				}
				targets.put(id, target);
				counts[0]++;
			}
		}
		for (String endingId : change.endingUnitIds()) {
			AdministrativeUnit unit = snapshot.unit(endingId);
			if (unit == null || unit.versionAt(dayBefore) == null) {
				throw new IllegalStateException("Unit " + endingId + " is not in force on " + dayBefore);
			}
			AdministrativeUnit ended = endedOn(unit, date);
			if (ended == unit) {
				counts[3]++;
			}
			else {
				targets.put(endingId, ended);
				counts[1]++;
			}
		}
		for (Restructuring.GroupMove move : change.groupMoves()) {
			AdministrativeUnit group = snapshot.unit(move.groupId());
			String parentId = idsByKey.get(move.successorKey());
			if (group == null || group.versionAt(dayBefore) == null || parentId == null) {
				throw new IllegalStateException("Group " + move.groupId() + " cannot move to " + move.successorKey());
			}
			AdministrativeUnit moved = movedOn(group, date, parentId);
			if (moved == group) {
				counts[3]++;
			}
			else {
				targets.put(group.id(), moved);
				counts[2]++;
			}
		}
		List<AdministrativeUnit> writes = new ArrayList<>(targets.values());
		for (int from = 0; from < writes.size(); from += this.batchSize) {
			int to = Math.min(writes.size(), from + this.batchSize);
			this.units.saveBatch(writes.subList(from, to));
			progress.stored(to, writes.size());
		}
		List<Lineage> links = new ArrayList<>();
		for (Restructuring.Link link : change.links()) {
			String successorId = idsByKey.get(link.successorKey());
			if (successorId == null) {
				throw new IllegalStateException("Link to unknown new unit " + link.successorKey());
			}
			links.add(new Lineage(linkId(link.predecessorId(), successorId, date), link.predecessorId(), successorId,
					link.relation(), link.detail(), date, link.legalBasis()));
		}
		this.lineages.saveAll(links);
		this.registry.written(writes, links);
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info(
				"Restructuring {} applied: {} created, {} continued, {} ended, {} moved, {} unchanged, {} links ({} ms)",
				change.key(), counts[0], counts[4], counts[1], counts[2], counts[3], links.size(), millis);
		return new Restructuring.Result(counts[0], counts[4], counts[1], counts[2], counts[3], links.size(), millis);
	}

	/**
	 * The unit ending the day before {@code date}; the same instance when it already
	 * does.
	 */
	static AdministrativeUnit endedOn(AdministrativeUnit unit, LocalDate date) {
		List<UnitVersion> versions = new ArrayList<>();
		boolean changed = false;
		for (UnitVersion version : unit.versions()) {
			if (version.validFrom() != null && !version.validFrom().isBefore(date)) {
				throw new IllegalStateException(
						unit + " has a version from " + version.validFrom() + ", on or after the day it should end");
			}
			if (version.inForceAt(date)) {
				versions.add(version.withValidTo(date));
				changed = true;
			}
			else {
				versions.add(version);
			}
		}
		return changed ? unit.withVersions(versions) : unit;
	}

	/**
	 * The unit continued with {@code next}'s attributes from {@code next.validFrom()}
	 * (its identity kept: unchanged, renamed, or under a new parent), keeping its own
	 * figures where {@code next} has none; the same instance when nothing changes or it
	 * already has that version.
	 */
	static AdministrativeUnit continuedOn(AdministrativeUnit unit, UnitVersion next) {
		LocalDate date = java.util.Objects.requireNonNull(next.validFrom());
		UnitVersion before = unit.versionAt(date.minusDays(1));
		if (before == null) {
			throw new IllegalStateException(unit + " is not in force on " + date.minusDays(1));
		}
		UnitVersion wanted = new UnitVersion(date, before.validTo(), next.code(), next.name(), next.fullName(),
				next.type(), next.parentId(), (next.areaKm2() != null) ? next.areaKm2() : before.areaKm2(),
				(next.population() != null) ? next.population() : before.population(),
				(next.households() != null) ? next.households() : before.households());
		UnitVersion current = unit.versionAt(date);
		if (current != null && current != before && sameAttributes(current, wanted)) {
			return unit;
		}
		if (current == before && sameAttributes(before, wanted)) {
			return unit;
		}
		return withVersionFrom(unit, date, before, wanted);
	}

	private static boolean sameAttributes(UnitVersion a, UnitVersion b) {
		return java.util.Objects.equals(a.code(), b.code()) && a.name().equals(b.name())
				&& a.fullName().equals(b.fullName()) && a.type() == b.type()
				&& java.util.Objects.equals(a.parentId(), b.parentId());
	}

	/**
	 * The group with a new version under {@code parentId} from {@code date}; the same
	 * instance when it already has one.
	 */
	static AdministrativeUnit movedOn(AdministrativeUnit group, LocalDate date, String parentId) {
		UnitVersion current = group.versionAt(date);
		if (current != null && parentId.equals(current.parentId())) {
			return group;
		}
		UnitVersion before = group.versionAt(date.minusDays(1));
		if (before == null) {
			throw new IllegalStateException(group + " is not in force on " + date.minusDays(1));
		}
		return withVersionFrom(group, date, before,
				new UnitVersion(date, before.validTo(), before.code(), before.name(), before.fullName(), before.type(),
						parentId, before.areaKm2(), before.population(), before.households()));
	}

	/** {@code before} ends the day before {@code date}, and {@code next} follows it. */
	private static AdministrativeUnit withVersionFrom(AdministrativeUnit unit, LocalDate date, UnitVersion before,
			UnitVersion next) {
		List<UnitVersion> versions = new ArrayList<>();
		for (UnitVersion version : unit.versions()) {
			if (version == before) {
				versions.add(version.withValidTo(date));
			}
			else if (version.validFrom() != null && !version.validFrom().isBefore(date)) {
				throw new IllegalStateException(unit + " already changes on or after " + date);
			}
			else {
				versions.add(version);
			}
		}
		versions.add(next);
		return unit.withVersions(versions);
	}

	static String linkId(String predecessorId, String successorId, LocalDate date) {
		String name = "ydan-lineage|" + predecessorId + "|" + successorId + "|" + date;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}

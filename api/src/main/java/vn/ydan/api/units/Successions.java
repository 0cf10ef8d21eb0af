package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where an old unit went: the units it became by a date, following the lineage links
 * forward (a commune merged, then its new commune renamed…). Read from one snapshot; what
 * migration tools, address lookups and the old → new table all ask.
 */
final class Successions {

	/**
	 * Lineage rarely chains more than twice; the bound guards against a corrupt store.
	 */
	private static final int MAX_STEPS = 8;

	private Successions() {
	}

	/**
	 * The units {@code unit} became by {@code to}: itself when it is in force then, else
	 * the successors in force then. Empty when it ended without a successor (a district
	 * of the abolished level). Dates before {@code unit}'s own start give itself,
	 * unchanged.
	 */
	static List<Successor> of(Snapshot snapshot, AdministrativeUnit unit, LocalDate to) {
		if (unit.versionAt(to) != null) {
			return List.of(new Successor(unit, LineageRelation.WHOLE, null, 1.0, null, null, List.of()));
		}
		Map<String, Successor> found = new LinkedHashMap<>();
		walk(snapshot, unit, to, LineageRelation.WHOLE, null, 1.0, 0, found);
		return List.copyOf(found.values());
	}

	private static void walk(Snapshot snapshot, AdministrativeUnit from, LocalDate to, LineageRelation relation,
			@Nullable String detail, @Nullable Double share, int depth, Map<String, Successor> found) {
		if (depth >= MAX_STEPS) {
			return;
		}
		for (Lineage link : snapshot.linksFrom(from.id())) {
			if (link.effectiveDate().isAfter(to)) {
				continue;
			}
			AdministrativeUnit next = snapshot.unit(link.successorId());
			if (next == null) {
				continue;
			}
			LineageRelation combined = combine(relation, link.relation());
			String combinedDetail = (link.relation() == LineageRelation.WHOLE && detail != null) ? detail
					: link.detail();
			Double linkShare = householdShare(snapshot, from, next, link);
			Double combinedShare = (share != null && linkShare != null) ? share * linkShare : null;
			if (next.versionAt(to) != null) {
				List<AdministrativeUnit> groups = (link.relation() == LineageRelation.WHOLE) ? List.of()
						: movedGroups(snapshot, from, next, link.effectiveDate());
				Successor reached = new Successor(next, combined, combinedDetail, combinedShare, link.effectiveDate(),
						link.legalBasis(), groups);
				found.merge(next.id(), reached, Successor::plus);
			}
			else {
				walk(snapshot, next, to, combined, combinedDetail, combinedShare, depth + 1, found);
			}
		}
	}

	/** Whole of whole is whole; a part of anything is a part; the remainder stays one. */
	private static LineageRelation combine(LineageRelation before, LineageRelation step) {
		if (before == LineageRelation.PART || step == LineageRelation.PART) {
			return LineageRelation.PART;
		}
		if (before == LineageRelation.REMAINDER || step == LineageRelation.REMAINDER) {
			return LineageRelation.REMAINDER;
		}
		return LineageRelation.WHOLE;
	}

	/**
	 * The share of the predecessor's households that went to the successor: 1 for a whole
	 * unit; for a part, the households of its residential groups placed there over those
	 * of all its groups; null when the registry does not know (no groups recorded).
	 */
	private static @Nullable Double householdShare(Snapshot snapshot, AdministrativeUnit predecessor,
			AdministrativeUnit successor, Lineage link) {
		if (link.relation() == LineageRelation.WHOLE) {
			return 1.0;
		}
		LocalDate dayBefore = link.effectiveDate().minusDays(1);
		long all = 0;
		long moved = 0;
		for (AdministrativeUnit group : groupsOn(snapshot, predecessor, dayBefore)) {
			UnitVersion before = group.versionAt(dayBefore);
			int households = (before != null && before.households() != null) ? before.households() : 0;
			all += households;
			UnitVersion after = group.versionAt(link.effectiveDate());
			if (after != null && successor.id().equals(after.parentId())) {
				moved += households;
			}
		}
		return (all > 0) ? (double) moved / all : null;
	}

	/**
	 * The residential groups of {@code predecessor} (the day before the change) that are
	 * in {@code successor} from the change on: where a split commune's groups went, as
	 * the plan placed them.
	 */
	static List<AdministrativeUnit> movedGroups(Snapshot snapshot, AdministrativeUnit predecessor,
			AdministrativeUnit successor, LocalDate effectiveDate) {
		List<AdministrativeUnit> moved = new ArrayList<>();
		for (AdministrativeUnit group : groupsOn(snapshot, predecessor, effectiveDate.minusDays(1))) {
			UnitVersion after = group.versionAt(effectiveDate);
			if (after != null && successor.id().equals(after.parentId())) {
				moved.add(group);
			}
		}
		return moved;
	}

	private static List<AdministrativeUnit> groupsOn(Snapshot snapshot, AdministrativeUnit commune, LocalDate date) {
		List<AdministrativeUnit> groups = new ArrayList<>();
		for (AdministrativeUnit child : snapshot.everChildrenOf(commune.id())) {
			if (child.level() != UnitLevel.RESIDENTIAL_GROUP) {
				continue;
			}
			UnitVersion version = child.versionAt(date);
			if (version != null && commune.id().equals(version.parentId())) {
				groups.add(child);
			}
		}
		return groups;
	}

	/**
	 * One unit an old unit became.
	 *
	 * @param unit the unit in force on the date asked
	 * @param relation whole, part or remainder (over every step of the way)
	 * @param detail which part, in the resolution's words
	 * @param share the share of the old unit's households it took (0 to 1), when known
	 * @param effectiveDate when the last step took effect; null when the old unit is
	 * itself still in force
	 * @param legalBasis the act and clause of the last step
	 * @param residentialGroups the old unit's residential groups that went to it (a split
	 * commune's, as placed by the plan)
	 */
	record Successor(AdministrativeUnit unit, LineageRelation relation, @Nullable String detail, @Nullable Double share,
			@Nullable LocalDate effectiveDate, @Nullable String legalBasis,
			List<AdministrativeUnit> residentialGroups) {

		/**
		 * The same successor reached twice (two parts of one old unit): shares add up.
		 */
		Successor plus(Successor other) {
			Double sum = (this.share != null && other.share != null) ? Math.min(1.0, this.share + other.share) : null;
			List<AdministrativeUnit> groups = new ArrayList<>(this.residentialGroups);
			other.residentialGroups.stream().filter((group) -> !groups.contains(group)).forEach(groups::add);
			return new Successor(this.unit, this.relation, this.detail, sum, this.effectiveDate, this.legalBasis,
					groups);
		}

	}

}

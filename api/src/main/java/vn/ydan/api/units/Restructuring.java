package vn.ydan.api.units;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change of the registry on one date, as an adopted plan makes it: new units start,
 * replaced units end, residential groups move to their new commune, and lineage links
 * record which old unit went where. Applying it ({@link UnitRegistry#restructure}) is
 * idempotent: new units get ids derived from {@code key} and their own key.
 *
 * @param key stable key of the change (the plan's id)
 * @param effectiveDate first day of the new units; the last day of the old ones is the
 * day before
 * @param newUnits the units formed
 * @param endingUnitIds internal ids of the units that end (predecessors, and units of an
 * abolished level)
 * @param groupMoves residential groups that move to a new unit
 * @param links lineage links from old units to new ones
 */
public record Restructuring(String key, LocalDate effectiveDate, List<NewUnit> newUnits, List<String> endingUnitIds,
		List<GroupMove> groupMoves, List<Link> links) {

	/**
	 * The id a new unit of a restructuring gets: the same at every retry (a name-based
	 * UUID of the change's key and the unit's).
	 */
	public static String newUnitId(String restructuringKey, String newUnitKey) {
		String name = "ydan-unit|restructuring|" + restructuringKey + "|" + newUnitKey;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * @param key key of the new unit within the change
	 * @param code statistical code from the effective date
	 * @param name name without the type
	 * @param fullName name with the type
	 * @param type the type, which fixes the level
	 * @param parentId internal id of an existing unit above it, or null
	 * @param parentKey key of a new unit above it (a new province), or null
	 * @param continuedId internal id of the existing unit this one continues (its
	 * identity kept: a new version from the effective date), or null for a new unit
	 * @param areaKm2 area when known
	 * @param population population when known
	 * @param households households when known
	 */
	public record NewUnit(String key, @Nullable String code, String name, String fullName, UnitType type,
			@Nullable String parentId, @Nullable String parentKey, @Nullable String continuedId,
			@Nullable Double areaKm2, @Nullable Integer population, @Nullable Integer households) {
	}

	/**
	 * @param groupId internal id of the residential group
	 * @param successorKey key of the new unit it moves to
	 */
	public record GroupMove(String groupId, String successorKey) {
	}

	/**
	 * @param predecessorId internal id of the old unit
	 * @param successorKey key of the new unit
	 * @param relation whole, part or remainder
	 * @param detail which part, in the resolution's words
	 * @param legalBasis the act and clause
	 */
	public record Link(String predecessorId, String successorKey, LineageRelation relation, @Nullable String detail,
			@Nullable String legalBasis) {
	}

	/** Told after each batch of units is stored, so that a caller can show progress. */
	@FunctionalInterface
	public interface Progress {

		void stored(int done, int total);

	}

	/**
	 * What applying did.
	 *
	 * @param created units that started
	 * @param continued units that kept their identity with a new version (unchanged,
	 * renamed, or under a new parent)
	 * @param ended units that ended
	 * @param moved residential groups that moved
	 * @param unchanged units already as the change wants them (a retry)
	 * @param links lineage links written
	 * @param durationMs time taken
	 */
	public record Result(int created, int continued, int ended, int moved, int unchanged, int links, long durationMs) {
	}

}

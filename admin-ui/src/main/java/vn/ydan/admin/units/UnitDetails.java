package vn.ydan.admin.units;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * Everything a unit's page shows, as of one date.
 *
 * @param id the api's global id
 * @param code the GSO code, when it has one
 * @param name the name without its type
 * @param fullName the full name
 * @param level the level
 * @param type the api's type constant
 * @param typeName the type in Vietnamese
 * @param areaKm2 the area in km², when known
 * @param population the population, when known
 * @param households the number of households, when known
 * @param validFrom from when the version in force at {@code asOf} applies (unknown for
 * old records)
 * @param validTo until when it applies; none while it is in force
 * @param asOf the date the api answered for: the one asked for, or the nearest on which
 * the unit existed
 * @param version how many times the unit was changed; sent back with a change so that it
 * does not overwrite someone else's
 * @param ancestors the parent chain, nearest first
 * @param childCounts how many units of each type are below it
 * @param history its versions over time
 * @param predecessors the units it came from
 * @param successors the units it went into
 */
public record UnitDetails(String id, @Nullable String code, String name, String fullName, UnitLevel level, String type,
		String typeName, @Nullable Double areaKm2, @Nullable Integer population, @Nullable Integer households,
		@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable LocalDate asOf, @Nullable Integer version,
		@Nullable List<UnitRef> ancestors, @Nullable List<TypeCount> childCounts, @Nullable List<Version> history,
		@Nullable List<LineageLink> predecessors, @Nullable List<LineageLink> successors) {

	public List<UnitRef> parentChain() {
		return orEmpty(this.ancestors);
	}

	public List<TypeCount> countsByType() {
		return orEmpty(this.childCounts);
	}

	public List<Version> versions() {
		return orEmpty(this.history);
	}

	public List<LineageLink> cameFrom() {
		return orEmpty(this.predecessors);
	}

	public List<LineageLink> wentInto() {
		return orEmpty(this.successors);
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return (list != null) ? list : List.of();
	}

	/**
	 * How many units of one type are below the unit.
	 *
	 * @param level their level
	 * @param type the api's type constant
	 * @param typeName the type in Vietnamese
	 * @param count how many
	 */
	public record TypeCount(UnitLevel level, String type, String typeName, int count) {
	}

	/**
	 * One version of the unit: what it was called, its type and parent, and when.
	 *
	 * @param validFrom from when
	 * @param validTo until when; none for the version in force
	 * @param code the code it had
	 * @param name the name it had
	 * @param fullName the full name it had
	 * @param type the type constant
	 * @param typeName the type in Vietnamese
	 * @param parent the parent it had
	 */
	public record Version(@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String code,
			String name, String fullName, String type, String typeName, @Nullable UnitRef parent) {
	}

	/**
	 * A link of lineage: another unit the unit came from or went into.
	 *
	 * @param unit the other unit
	 * @param relation {@code WHOLE}, {@code PART} or {@code REMAINDER}
	 * @param detail what part, in words
	 * @param effectiveDate when the change took effect
	 * @param legalBasis the act that made it ("Nghị quyết 1656/NQ-UBTVQH15")
	 */
	public record LineageLink(UnitRef unit, String relation, @Nullable String detail, LocalDate effectiveDate,
			@Nullable String legalBasis) {
	}

}

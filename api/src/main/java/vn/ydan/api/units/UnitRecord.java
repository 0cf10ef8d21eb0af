package vn.ydan.api.units;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A unit's version in force on a date, for other modules (plans, consultations) that
 * reason about the registry without reaching into it.
 *
 * @param id internal id (stable, never reused)
 * @param globalId the GraphQL global id
 * @param level level, which never changes
 * @param code statistical code on that date
 * @param name name without the type
 * @param fullName name with the type
 * @param type type on that date
 * @param parentId internal id of the unit above on that date; null for provinces
 * @param areaKm2 area when known
 * @param population population when known
 * @param households households when known
 * @param validFrom first day of the version
 * @param validTo first day it no longer applies
 */
public record UnitRecord(String id, String globalId, UnitLevel level, @Nullable String code, String name,
		String fullName, UnitType type, @Nullable String parentId, @Nullable Double areaKm2,
		@Nullable Integer population, @Nullable Integer households, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo) {

	static UnitRecord of(AdministrativeUnit unit, UnitVersion version) {
		return new UnitRecord(unit.id(), unit.globalId(), unit.level(), version.code(), version.name(),
				version.fullName(), version.type(), version.parentId(), version.areaKm2(), version.population(),
				version.households(), version.validFrom(), version.validTo());
	}

}

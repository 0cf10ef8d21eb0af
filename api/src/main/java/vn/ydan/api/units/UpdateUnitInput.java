package vn.ydan.api.units;

import org.jspecify.annotations.Nullable;

/**
 * The input of {@code updateUnit}: a correction of the version in force
 * ({@link UnitAdministration#update}).
 *
 * @param id global id of the unit
 * @param name new name, or null to keep it
 * @param fullName new full name, or null
 * @param areaKm2 new area, or null
 * @param population new population, or null
 * @param households new households, or null
 * @param expectedVersion the version the change is based on, or null not to check
 */
record UpdateUnitInput(String id, @Nullable String name, @Nullable String fullName, @Nullable Double areaKm2,
		@Nullable Integer population, @Nullable Integer households, @Nullable Integer expectedVersion) {
}

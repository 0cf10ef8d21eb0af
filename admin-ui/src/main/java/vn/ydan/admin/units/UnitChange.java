package vn.ydan.admin.units;

import org.jspecify.annotations.Nullable;

/**
 * New data for a unit ({@code updateUnit}). An empty number means "leave as it is": the
 * api's input cannot clear a value.
 *
 * @param id the unit's global id
 * @param name the name without its type
 * @param fullName the full name
 * @param areaKm2 the area in km²
 * @param population the population
 * @param households the number of households
 * @param expectedVersion the unit's version the change was made on; the api refuses it
 * ({@code VERSION_CONFLICT}) when the unit has changed since
 */
public record UnitChange(String id, String name, String fullName, @Nullable Double areaKm2,
		@Nullable Integer population, @Nullable Integer households, @Nullable Integer expectedVersion) {
}

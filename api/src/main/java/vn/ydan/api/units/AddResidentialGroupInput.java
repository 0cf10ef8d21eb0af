package vn.ydan.api.units;

import org.jspecify.annotations.Nullable;

/**
 * The input of {@code addResidentialGroup}
 * ({@link UnitAdministration#addResidentialGroup}).
 *
 * @param communeId global id of the commune
 * @param code code within the commune, if any
 * @param name name of the group
 * @param type a residential-group type
 * @param households number of households
 */
record AddResidentialGroupInput(String communeId, @Nullable String code, String name, UnitType type, int households) {
}

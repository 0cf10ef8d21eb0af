package vn.ydan.admin.units;

import java.util.Locale;

/** The levels of the registry, top down, as the api names them. */
public enum UnitLevel {

	PROVINCE, DISTRICT, COMMUNE, RESIDENTIAL_GROUP;

	/** The key of its human name in the translation files. */
	public String translationKey() {
		return "units.level." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Residential groups are the bottom of the registry: nothing to expand below them.
	 */
	public boolean mayHaveChildren() {
		return this != RESIDENTIAL_GROUP;
	}

}

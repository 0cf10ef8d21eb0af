package vn.ydan.admin.units;

import java.util.Locale;

/** The shapes of CSV file the api imports ({@code UnitImportKind}). */
public enum ImportKind {

	PROVINCES, DISTRICTS, COMMUNES, HANOI_UNITS_BEFORE, RESIDENTIAL_GROUPS;

	public String translationKey() {
		return "units.import.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

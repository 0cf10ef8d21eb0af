package vn.ydan.api.units;

/**
 * Levels of the hierarchy, from the top. A unit's parent is always at a higher level (a
 * smaller ordinal): communes hang below districts, and from 2025-07-01 directly below
 * provinces.
 */
public enum UnitLevel {

	PROVINCE("cấp tỉnh"),

	DISTRICT("cấp huyện"),

	COMMUNE("cấp xã"),

	RESIDENTIAL_GROUP("tổ dân phố, thôn");

	private final String label;

	UnitLevel(String label) {
		this.label = label;
	}

	/** Vietnamese name of the level, for messages. */
	public String label() {
		return this.label;
	}

	public boolean isAbove(UnitLevel other) {
		return ordinal() < other.ordinal();
	}

}

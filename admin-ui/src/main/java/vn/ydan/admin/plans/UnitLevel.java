package vn.ydan.admin.plans;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The levels a plan forms units at, top down: a plan of the 2025 reform forms provinces
 * and the communes under them. The api names the level of a unit; a new unit's level
 * follows from its type.
 */
public enum UnitLevel {

	PROVINCE, DISTRICT, COMMUNE, RESIDENTIAL_GROUP;

	/** The level of a type as the api names it ({@code TINH}, {@code PHUONG}, …). */
	public static UnitLevel ofType(String type) {
		return switch (type) {
			case "TINH", "THANH_PHO_TRUC_THUOC_TRUNG_UONG" -> PROVINCE;
			case "QUAN", "HUYEN", "THI_XA", "THANH_PHO_THUOC_TINH", "THANH_PHO_THUOC_THANH_PHO_TRUC_THUOC_TRUNG_UONG" ->
				DISTRICT;
			case "PHUONG", "XA", "THI_TRAN", "DAC_KHU" -> COMMUNE;
			default -> RESIDENTIAL_GROUP;
		};
	}

	/**
	 * A level as the api names it; {@code null} for none or one this console does not
	 * know.
	 */
	public static @Nullable UnitLevel of(@Nullable String name) {
		if (name == null) {
			return null;
		}
		for (UnitLevel level : values()) {
			if (level.name().equals(name)) {
				return level;
			}
		}
		return null;
	}

	/** Whether units of this level may be above units of the other. */
	public boolean isAbove(UnitLevel other) {
		return ordinal() < other.ordinal();
	}

	/** The key of the level's name ({@code units.level.province}: "Cấp tỉnh"). */
	public String translationKey() {
		return "units.level." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

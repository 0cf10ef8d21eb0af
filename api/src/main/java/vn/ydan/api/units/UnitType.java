package vn.ydan.api.units;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Types of units, each belonging to one level, with the Vietnamese label that files and
 * people use ("phường"). The GraphQL enum has the same (ASCII) names.
 */
public enum UnitType {

	TINH(UnitLevel.PROVINCE, "tỉnh"),

	THANH_PHO_TRUC_THUOC_TRUNG_UONG(UnitLevel.PROVINCE, "thành phố trực thuộc trung ương"),

	QUAN(UnitLevel.DISTRICT, "quận"),

	HUYEN(UnitLevel.DISTRICT, "huyện"),

	THI_XA(UnitLevel.DISTRICT, "thị xã"),

	THANH_PHO_THUOC_TINH(UnitLevel.DISTRICT, "thành phố thuộc tỉnh"),

	THANH_PHO_THUOC_THANH_PHO_TRUC_THUOC_TRUNG_UONG(UnitLevel.DISTRICT,
			"thành phố thuộc thành phố trực thuộc trung ương", "thành phố thuộc thành phố"),

	PHUONG(UnitLevel.COMMUNE, "phường"),

	XA(UnitLevel.COMMUNE, "xã"),

	THI_TRAN(UnitLevel.COMMUNE, "thị trấn"),

	DAC_KHU(UnitLevel.COMMUNE, "đặc khu"),

	TO_DAN_PHO(UnitLevel.RESIDENTIAL_GROUP, "tổ dân phố"),

	KHU_PHO(UnitLevel.RESIDENTIAL_GROUP, "khu phố"),

	KHOM(UnitLevel.RESIDENTIAL_GROUP, "khóm"),

	TIEU_KHU(UnitLevel.RESIDENTIAL_GROUP, "tiểu khu"),

	KHU_DAN_CU(UnitLevel.RESIDENTIAL_GROUP, "khu dân cư"),

	THON(UnitLevel.RESIDENTIAL_GROUP, "thôn"),

	XOM(UnitLevel.RESIDENTIAL_GROUP, "xóm"),

	LANG(UnitLevel.RESIDENTIAL_GROUP, "làng"),

	BAN(UnitLevel.RESIDENTIAL_GROUP, "bản"),

	BUON(UnitLevel.RESIDENTIAL_GROUP, "buôn"),

	PLEI(UnitLevel.RESIDENTIAL_GROUP, "plei", "plây"),

	AP(UnitLevel.RESIDENTIAL_GROUP, "ấp"),

	PHUM(UnitLevel.RESIDENTIAL_GROUP, "phum"),

	SOC(UnitLevel.RESIDENTIAL_GROUP, "sóc");

	private static final Map<String, UnitType> BY_FOLDED_LABEL = new HashMap<>();

	static {
		for (UnitType type : values()) {
			BY_FOLDED_LABEL.put(SearchKey.fold(type.name().replace('_', ' ')), type);
			for (String label : type.labels) {
				BY_FOLDED_LABEL.put(SearchKey.fold(label), type);
			}
		}
	}

	private final UnitLevel level;

	private final String[] labels;

	UnitType(UnitLevel level, String... labels) {
		this.level = level;
		this.labels = labels;
	}

	public UnitLevel level() {
		return this.level;
	}

	/** The Vietnamese label, lower case, as in "Phường Trúc Bạch" minus the name. */
	public String label() {
		return this.labels[0];
	}

	/**
	 * The type a file or a person names: the Vietnamese label with or without diacritics,
	 * in any case ("Phường", "phuong"), or the enum name ("PHUONG").
	 */
	public static @Nullable UnitType fromLabel(String text) {
		return BY_FOLDED_LABEL.get(SearchKey.fold(text.replace('_', ' ')));
	}

}

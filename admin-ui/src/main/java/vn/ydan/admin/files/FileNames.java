package vn.ydan.admin.files;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Names of downloaded files that say what they are, in plain ASCII so that every system
 * keeps them: {@code ket-qua-ha-noi-2025-04-20.csv}; and the same folding for searching
 * names without their marks ({@code "phuc xa"} finds "Phường Phúc Xá").
 */
public final class FileNames {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

	/** What Vietnamese unit names start with, left out of file names. */
	private static final Pattern UNIT_TYPE = Pattern
		.compile("^(thành phố|tỉnh|quận|huyện|thị xã|phường|xã|thị trấn|đặc khu)\\s+", Pattern.CASE_INSENSITIVE);

	private FileNames() {
	}

	/**
	 * Lower case, without marks ({@code đ} is {@code d}), spaces kept.
	 * @param text any text; null is empty
	 */
	public static String folded(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd');
	}

	/** A file name's part: {@code "Thành phố Hà Nội"} is {@code thanh-pho-ha-noi}. */
	public static String stem(String text) {
		String stem = NOT_ALPHANUMERIC.matcher(folded(text)).replaceAll("-").replaceAll("^-+|-+$", "");
		return stem.isEmpty() ? "tep" : stem;
	}

	/** A unit's name without its type: {@code "Thành phố Hà Nội"} is {@code "Hà Nội"}. */
	public static String withoutUnitType(String name) {
		return UNIT_TYPE.matcher(name.strip()).replaceFirst("");
	}

}

package vn.ydan.api.units;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of a name that search compares: without diacritics, lower case, single spaces
 * ("Phường Đống Đa" → "phuong dong da"), so that people may type either.
 */
public final class SearchKey {

	private SearchKey() {
	}

	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder folded = new StringBuilder(decomposed.length());
		boolean space = true;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			if (c == 'đ' || c == 'Đ') {
				c = 'd';
			}
			if (Character.isWhitespace(c)) {
				if (!space) {
					folded.append(' ');
					space = true;
				}
				continue;
			}
			folded.append(c);
			space = false;
		}
		int end = folded.length();
		if (end > 0 && folded.charAt(end - 1) == ' ') {
			folded.setLength(end - 1);
		}
		return folded.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether {@code query} (folded) occurs in {@code folded} starting at a word: "hoan
	 * kiem" in "quan hoan kiem", not "oan kiem".
	 */
	static boolean matchesAtWord(String folded, String query) {
		int at = folded.indexOf(query);
		while (at >= 0) {
			if (at == 0 || folded.charAt(at - 1) == ' ') {
				return true;
			}
			at = folded.indexOf(query, at + 1);
		}
		return false;
	}

}

package vn.ydan.api.units;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How names are compared where they identify a unit: exactly, as the law writes them. "Xã
 * Tân Thạnh" and "Xã Tân Thành" are two communes; only search ignores diacritics
 * ({@link SearchKey}). The comparison forgives what is not a different name: Unicode
 * composition (NFC), letter case, repeated spaces, and the two accepted placements of the
 * tone mark in an open syllable ending in oa, oe, uy ("Hòa" and "Hoà", "Thủy" and
 * "Thuỷ"), which official tables use interchangeably.
 */
public final class VietnameseName {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private VietnameseName() {
	}

	/** The form two names are compared in. */
	public static String canonical(String name) {
		String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).toLowerCase(VIETNAMESE);
		StringBuilder out = new StringBuilder(decomposed.length());
		boolean space = false;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.isWhitespace(c)) {
				space = true;
				continue;
			}
			if (space && !out.isEmpty()) {
				out.append(' ');
			}
			space = false;
			if (isTone(c) && i + 1 < decomposed.length() && out.length() > 0
					&& opensPair(out.charAt(out.length() - 1), decomposed.charAt(i + 1))
					&& endsWord(decomposed, i + 2)) {
				// "hòa" → "hoà": the tone goes on the second vowel of an open oa, oe, uy.
				out.append(decomposed.charAt(i + 1)).append(c);
				i++;
				continue;
			}
			out.append(c);
		}
		return Normalizer.normalize(out, Normalizer.Form.NFC);
	}

	/** Whether two names are the same name. */
	public static boolean same(String a, String b) {
		return canonical(a).equals(canonical(b));
	}

	/**
	 * Whether two different names differ only by diacritics ("Tân Thạnh", "Tân Thành"): a
	 * warning for the official, never a refusal.
	 */
	public static boolean onlyDiacriticsApart(String a, String b) {
		return !same(a, b) && SearchKey.fold(a).equals(SearchKey.fold(b));
	}

	private static boolean isTone(char c) {
		return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
	}

	private static boolean opensPair(char first, char second) {
		return (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
	}

	private static boolean endsWord(String text, int at) {
		return at >= text.length() || !Character.isLetter(text.charAt(at));
	}

}

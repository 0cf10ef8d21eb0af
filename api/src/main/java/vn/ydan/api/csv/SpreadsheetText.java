package vn.ydan.api.csv;

import org.jspecify.annotations.Nullable;

/**
 * Text for a cell of a CSV file that people open in a spreadsheet. A spreadsheet runs a
 * cell as a formula when it starts with {@code = + - @} (and some also after a leading
 * tab or carriage return), so such text gets a leading apostrophe: an export must not
 * execute what a caller typed (CSV or formula injection). Only text goes through here:
 * numbers are written by the exports as numbers, plainly (a negative number is a number,
 * not a formula).
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/**
	 * Caller-typed text, defused for spreadsheets.
	 * @param value the text, or {@code null}
	 * @return the text with a leading apostrophe where it starts like a formula; empty
	 * for {@code null}
	 */
	public static String defused(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

}

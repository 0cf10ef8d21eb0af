package vn.ydan.api.consultations;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import vn.ydan.api.csv.SpreadsheetText;

/**
 * The result table as CSV (RFC 4180: comma, double quotes, CRLF), UTF-8 with a byte-order
 * mark so that Excel opens the Vietnamese headers as UTF-8. Numbers are written plainly
 * (decimal point), for programs rather than for people. The file is public, and unit
 * names are typed by people: text that a spreadsheet would run as a formula
 * ({@code = + - @}, tab or CR first) gets a leading apostrophe ({@link SpreadsheetText});
 * numbers are never defused (a negative number is a number, not a formula).
 */
final class ResultCsv {

	private ResultCsv() {
	}

	static byte[] write(ResultTable table) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, ResultTable.HEADERS);
		for (ResultTable.Row row : table.rows()) {
			line(csv, row.cells());
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder csv, List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(cells.get(i)));
		}
		csv.append("\r\n");
	}

	private static String field(Object cell) {
		String text = switch (cell) {
			case Double number -> String.format(Locale.ROOT, "%.2f", number);
			case Number number -> number.toString();
			case String string -> SpreadsheetText.defused(string);
			default -> SpreadsheetText.defused(String.valueOf(cell));
		};
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}

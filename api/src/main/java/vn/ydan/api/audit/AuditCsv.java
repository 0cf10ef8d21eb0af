package vn.ydan.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ydan.api.csv.SpreadsheetText;
import vn.ydan.api.protocol.VietnamTime;

/**
 * Entries as CSV for a spreadsheet: RFC 4180 (comma, CRLF, double quotes), UTF-8 with a
 * byte-order mark so that Excel shows the Vietnamese letters, headings in Vietnamese.
 * Text that a spreadsheet would run as a formula ({@code = + - @}, tab or CR first) gets
 * a leading apostrophe ({@link SpreadsheetText}): an audit export must not execute what a
 * caller typed.
 * <p>
 * Each row goes to the {@link Appendable} as it is added, nothing is kept here: a
 * download of 100,000 entries is written to the response while the log is read
 * ({@link AuditExports}), not built in memory first.
 */
final class AuditCsv {

	static final char BOM = '\uFEFF';

	static final List<String> HEADINGS = List.of("STT", "Thời điểm (giờ Việt Nam)", "Tài khoản", "Họ tên", "Vai trò",
			"Ứng dụng", "Mã yêu cầu", "Loại thao tác", "Đơn vị", "Tóm tắt", "Kết quả", "Mã lỗi", "Dữ liệu gửi", "Trước",
			"Sau", "Mã băm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(VietnamTime.ZONE);

	private final Appendable text;

	private int rows;

	/** Writes the byte-order mark and the headings to {@code out} at once. */
	AuditCsv(Appendable out) {
		this.text = out;
		append(BOM);
		row(HEADINGS);
	}

	void add(AuditEntry entry) {
		row(List.of(Long.toString(entry.seq()), TIME.format(entry.at()), text(entry.actor()), text(entry.displayName()),
				String.join(" ", entry.roles()), text(entry.clientId()), text(entry.requestId()), text(entry.kind()),
				String.join(" ", entry.unitIds()), text(entry.summary()), entry.outcome(),
				String.join(" ", entry.codes()), text(entry.input()), text(entry.before()), text(entry.after()),
				entry.hash()));
		this.rows++;
	}

	int rows() {
		return this.rows;
	}

	private void row(List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				append(',');
			}
			cell(cells.get(i));
		}
		append("\r\n");
	}

	private void cell(String value) {
		boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0 || (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
						|| Character.isWhitespace(value.charAt(value.length() - 1))));
		if (!quote) {
			append(value);
			return;
		}
		append('"');
		append(value.replace("\"", "\"\""));
		append('"');
	}

	private void append(char c) {
		try {
			this.text.append(c);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void append(CharSequence chars) {
		try {
			this.text.append(chars);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Caller-typed text, defused for spreadsheets ({@link SpreadsheetText#defused}). */
	static String text(@Nullable String value) {
		return SpreadsheetText.defused(value);
	}

}

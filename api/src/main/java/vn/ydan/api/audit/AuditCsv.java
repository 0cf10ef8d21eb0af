package vn.ydan.api.audit;

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
 */
final class AuditCsv {

	static final char BOM = '\uFEFF';

	static final List<String> HEADINGS = List.of("STT", "Thời điểm (giờ Việt Nam)", "Tài khoản", "Họ tên", "Vai trò",
			"Ứng dụng", "Mã yêu cầu", "Loại thao tác", "Đơn vị", "Tóm tắt", "Kết quả", "Mã lỗi", "Dữ liệu gửi", "Trước",
			"Sau", "Mã băm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(VietnamTime.ZONE);

	private final StringBuilder text = new StringBuilder().append(BOM);

	private int rows;

	AuditCsv() {
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

	@Override
	public String toString() {
		return this.text.toString();
	}

	private void row(List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				this.text.append(',');
			}
			cell(cells.get(i));
		}
		this.text.append("\r\n");
	}

	private void cell(String value) {
		boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0 || (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
						|| Character.isWhitespace(value.charAt(value.length() - 1))));
		if (!quote) {
			this.text.append(value);
			return;
		}
		this.text.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

	/** Caller-typed text, defused for spreadsheets ({@link SpreadsheetText#defused}). */
	static String text(@Nullable String value) {
		return SpreadsheetText.defused(value);
	}

}

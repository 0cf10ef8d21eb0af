package vn.ydan.api.audit;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvUnitTest {

	@Test
	void startsWithAByteOrderMarkAndVietnameseHeadings() {
		StringBuilder out = new StringBuilder();
		new AuditCsv(out);
		String csv = out.toString();

		assertThat(csv.charAt(0)).isEqualTo('\uFEFF');
		assertThat(csv.substring(1)).startsWith("STT,Thời điểm (giờ Việt Nam),Tài khoản,Họ tên,")
			.endsWith(",Mã băm\r\n");
	}

	@Test
	void quotesCommasQuotesAndNewlinesAndKeepsDiacritics() {
		StringBuilder out = new StringBuilder();
		AuditCsv csv = new AuditCsv(out);
		csv.add(entry("Sửa \"Trúc Bạch\", Ba Đình\nrồi lưu", "{\"name\": \"Trúc Bạch\"}"));

		String row = out.toString().split("\r\n", 2)[1];

		assertThat(row).startsWith("7,2025-04-18 14:03:05,canbo,Trần Thị Bình,official,ydan-console,req-1,")
			.contains(",\"Sửa \"\"Trúc Bạch\"\", Ba Đình\nrồi lưu\",")
			.endsWith(",USER_ERRORS,NAME_EMPTY VALUE_INVALID,\"{\"\"name\"\": \"\"Trúc Bạch\"\"}\",,," + "a".repeat(64)
					+ "\r\n");
		assertThat(csv.rows()).isEqualTo(1);
	}

	@Test
	void writesEachRowToItsWriterAsItIsAddedAndKeepsNothing() {
		StringWriter out = new StringWriter();
		AuditCsv csv = new AuditCsv(out);
		int headings = out.getBuffer().length();

		csv.add(entry("một", "{}"));
		int afterOne = out.getBuffer().length();
		out.getBuffer().setLength(0);
		csv.add(entry("hai", "{}"));

		assertThat(headings).isGreaterThan(1);
		assertThat(afterOne).isGreaterThan(headings);
		assertThat(out.toString()).as("only the second row, written when added")
			.startsWith("7,")
			.contains(",hai,")
			.doesNotContain("STT")
			.endsWith("\r\n");
		assertThat(csv.rows()).isEqualTo(2);
	}

	@Test
	void defusesFormulas() {
		assertThat(AuditCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(AuditCsv.text("+84")).isEqualTo("'+84");
		assertThat(AuditCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AuditCsv.text("Phường Trúc Bạch")).isEqualTo("Phường Trúc Bạch");
	}

	private static AuditEntry entry(String summary, String input) {
		return new AuditEntry(7, Instant.parse("2025-04-18T07:03:05Z"), "canbo", "Trần Thị Bình", List.of("official"),
				"ydan-console", "req-1", "mutation:updateUnit", List.of(), summary, input, null, null, "USER_ERRORS",
				List.of("NAME_EMPTY", "VALUE_INVALID"), "0".repeat(64), "a".repeat(64));
	}

}

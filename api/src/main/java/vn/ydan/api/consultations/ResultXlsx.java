package vn.ydan.api.consultations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.ydan.api.protocol.VietnamTime;

/**
 * The result table as an XLSX workbook (FastExcel, a streaming OOXML writer): sheet "Kết
 * quả" with the headers in row 1, one row per commune with numbers as numbers (shares
 * formatted {@code 0.00}) and a total row; sheet "Đợt lấy ý kiến" says which
 * consultation, window, rule and status the figures belong to.
 */
final class ResultXlsx {

	static final String RESULTS_SHEET = "Kết quả";

	static final String ABOUT_SHEET = "Đợt lấy ý kiến";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(VietnamTime.ZONE);

	private ResultXlsx() {
	}

	static byte[] write(ResultTable table, String title, Instant exportedAt) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			// FastExcel wants the version as digits "x.y".
			Workbook workbook = new Workbook(out, "Y Dan", "1.0");
			results(workbook.newWorksheet(RESULTS_SHEET), table);
			about(workbook.newWorksheet(ABOUT_SHEET), table.consultation(), title, exportedAt);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void results(Worksheet sheet, ResultTable table) {
		List<String> headers = ResultTable.HEADERS;
		for (int column = 0; column < headers.size(); column++) {
			sheet.value(0, column, headers.get(column));
			sheet.style(0, column).bold().wrapText(true).fillColor("DDEBF7").set();
		}
		sheet.freezePane(0, 1);
		int row = 1;
		long[] totals = new long[7];
		for (ResultTable.Row result : table.rows()) {
			List<Object> cells = result.cells();
			for (int column = 0; column < cells.size(); column++) {
				Object cell = cells.get(column);
				switch (cell) {
					case Long number -> sheet.value(row, column, number);
					case Double share -> {
						sheet.value(row, column, share);
						sheet.style(row, column).format("0.00").set();
					}
					default -> sheet.value(row, column, String.valueOf(cell));
				}
			}
			long[] counts = { result.households(), result.tookPart(), result.online(), result.paperReturned(),
					result.agree(), result.disagree(), result.invalid() };
			for (int i = 0; i < counts.length; i++) {
				totals[i] += counts[i];
			}
			row++;
		}
		sheet.value(row, 0, "Tổng cộng");
		sheet.style(row, 0).bold().set();
		for (int i = 0; i < totals.length; i++) {
			sheet.value(row, 4 + i, totals[i]);
			sheet.style(row, 4 + i).bold().set();
		}
		double[] shares = { ResultTable.share(totals[1], totals[0]), ResultTable.share(totals[4], totals[0]),
				ResultTable.share(totals[5], totals[0]) };
		for (int i = 0; i < shares.length; i++) {
			sheet.value(row, 11 + i, shares[i]);
			sheet.style(row, 11 + i).bold().format("0.00").set();
		}
		double[] widths = { 22, 18, 8, 24, 9, 11, 11, 11, 9, 11, 11, 11, 11, 11, 16, 10, 30, 30, 11, 11, 30, 14, 22 };
		for (int column = 0; column < widths.length; column++) {
			sheet.width(column, widths[column]);
		}
		if (!table.rows().isEmpty()) {
			sheet.setAutoFilter(0, 0, headers.size() - 1);
		}
	}

	private static void about(Worksheet sheet, Consultation consultation, String title, Instant exportedAt) {
		String[][] lines = { { "Đợt lấy ý kiến", title }, { "Mã đợt", consultation.id() },
				{ "Bắt đầu", WHEN.format(consultation.opensAt()) },
				{ "Kết thúc", WHEN.format(consultation.closesAt()) },
				{ "Điều kiện thông qua", "Số hộ đồng ý " + consultation.rule().describe() },
				{ "Trạng thái", consultation.status().label() }, { "Vòng", String.valueOf(consultation.round()) },
				{ "Xuất lúc", WHEN.format(exportedAt) }, { "Ghi chú",
						"Các tỷ lệ tính trên tổng số hộ của đơn vị (không phải trên số phiếu); số liệu giấy chỉ gồm các tổ đã xác minh." } };
		for (int row = 0; row < lines.length; row++) {
			sheet.value(row, 0, lines[row][0]);
			sheet.style(row, 0).bold().set();
			sheet.value(row, 1, lines[row][1]);
		}
		sheet.width(0, 22);
		sheet.width(1, 90);
	}

}

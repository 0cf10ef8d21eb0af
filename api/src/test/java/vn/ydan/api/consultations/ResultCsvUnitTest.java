package vn.ydan.api.consultations;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultCsvUnitTest {

	@Test
	void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
		ResultTable table = table(new ResultTable.Row("=HYPERLINK(\"http://x\",\"A\")", "+84", "@SUM(A1)", "-2+3", 10,
				4, 3, 1, 3, 1, 0, Consultation.Outcome.PASS, false));

		String row = row(table);

		assertThat(row).startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"A\"\")\",'+84,'@SUM(A1),'-2+3,");
	}

	@Test
	void tabAndCarriageReturnFirstAreDefusedToo() {
		ResultTable table = table(new ResultTable.Row("\t=1+1", "\r=1+1", "001", "Phường Trúc Bạch", 10, 4, 3, 1, 3, 1,
				0, Consultation.Outcome.PASS, false));

		assertThat(row(table)).startsWith("'\t=1+1,\"'\r=1+1\",001,Phường Trúc Bạch,");
	}

	@Test
	void numbersStayPlainNumbers() {
		ResultTable table = table(new ResultTable.Row("Thành phố Hà Nội", "", "00001", "Phường Trúc Bạch", 10, 4, 3, 1,
				3, 1, 0, Consultation.Outcome.PASS, true));

		assertThat(row(table))
			.isEqualTo("Thành phố Hà Nội,,00001,Phường Trúc Bạch,10,4,3,1,3,1,0,40.00,30.00,10.00,Đạt,Có,,,,,,,\r\n");
	}

	private static ResultTable table(ResultTable.Row row) {
		return new ResultTable(null, List.of(row));
	}

	private static String row(ResultTable table) {
		String csv = new String(ResultCsv.write(table), StandardCharsets.UTF_8);
		return csv.split("\r\n", 2)[1];
	}

}

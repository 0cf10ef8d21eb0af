package vn.ydan.api.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvTextUnitTest {

	@Test
	void aFileOfMoreRowsThanAnImportTakesStopsBeingReadAtTheFirstRowTooMany() {
		String text = "household_id\n" + "x\n".repeat(CsvText.MAX_ROWS + 5);

		assertThatExceptionOfType(CsvText.TooManyRows.class).isThrownBy(() -> CsvText.parse(text))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(CsvText.MAX_ROWS + 2))
			.satisfies((ex) -> assertThat(ex.error().code()).isEqualTo("TOO_MANY_ROWS"));
		assertThat(CsvText.parse("household_id\n" + "x\n".repeat(CsvText.MAX_ROWS))).hasSize(CsvText.MAX_ROWS + 1);
	}

	@Test
	void readsQuotedFieldsAndKeepsLineNumbers() {
		List<CsvText.Record> records = CsvText.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\nlast,1");

		assertThat(records).extracting(CsvText.Record::line).containsExactly(1, 2, 4, 6);
		assertThat(records.get(1).fields()).containsExactly("x, y", "say \"hi\"");
		assertThat(records.get(2).fields()).containsExactly("two\nlines", "z");
		assertThat(records.get(3).fields()).containsExactly("last", "1");
	}

	@Test
	void keepsAQuoteInsideAnUnquotedFieldAsTextAndEndsLinesWithALoneCr() {
		List<CsvText.Record> records = CsvText.parse("Thôn \"Mới\",1\ne,f\rlast,2\r");

		assertThat(records).extracting(CsvText.Record::line).containsExactly(1, 2, 3);
		assertThat(records.get(0).fields()).containsExactly("Thôn \"Mới\"", "1");
		assertThat(records.get(2).fields()).containsExactly("last", "2");
	}

	@Test
	void dropsAByteOrderMark() {
		assertThat(CsvText.decode("\uFEFFcode\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("code\n");
	}

	@Test
	void namesTheLineWithBytesThatAreNotUtf8() {
		byte[] bytes = "code\nok\nH\u00e0 N\u1ed9i\n".getBytes(StandardCharsets.UTF_8);
		bytes[9] = (byte) 0xFF;

		assertThatExceptionOfType(CsvText.NotUtf8.class).isThrownBy(() -> CsvText.decode(bytes))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3));
	}

}

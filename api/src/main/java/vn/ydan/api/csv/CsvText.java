package vn.ydan.api.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file (RFC 4180: comma, double quotes, CRLF or LF) read into records that remember
 * their line, so that every error can name it. UTF-8 only: bytes that are not UTF-8 are
 * reported with their line, not replaced. The decoding is this class's; the parsing is
 * Apache Commons CSV's.
 */
public final class CsvText {

	/**
	 * RFC 4180, blank lines kept (skipped by {@link #parse}, which knows their line), and
	 * lenient where the hand-written reader was.
	 */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setLenientEof(true)
		.setTrailingData(true)
		.get();

	private CsvText() {
	}

	/**
	 * Decodes UTF-8 (a byte-order mark is dropped).
	 * @throws NotUtf8 naming the first line with bytes that are not UTF-8
	 */
	public static String decode(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw new NotUtf8(lineAt(bytes, in.position()));
		}
		result = decoder.flush(out);
		if (result.isError()) {
			throw new NotUtf8(lineAt(bytes, bytes.length));
		}
		out.flip();
		return withoutBom(out.toString());
	}

	/**
	 * Text that went through a lenient decoder (a browser's, a JSON parser's) has U+FFFD
	 * where the bytes were not UTF-8.
	 * @throws NotUtf8 naming the first line with a replacement character
	 */
	public static String checked(String text) {
		int at = text.indexOf('\uFFFD');
		if (at >= 0) {
			int line = 1;
			for (int i = 0; i < at; i++) {
				if (text.charAt(i) == '\n') {
					line++;
				}
			}
			throw new NotUtf8(line);
		}
		return withoutBom(text);
	}

	private static String withoutBom(String text) {
		return (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
	}

	private static int lineAt(byte[] bytes, int position) {
		int line = 1;
		for (int i = 0; i < position && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	/**
	 * Records with their first line; blank lines are skipped.
	 * <p>
	 * Parsed by Apache Commons CSV (RFC 4180), leniently where a file is not quite CSV
	 * (as the hand-written reader before it): a quote in the middle of an unquoted field
	 * is kept as text, text after a closing quote belongs to the field, and a quote left
	 * open runs to the end of the file. The line of a record is found from its position
	 * in the text; a line ends with LF, CRLF or CR.
	 */
	public static List<Record> parse(String text) {
		int[] lineStarts = lineStarts(text);
		List<Record> records = new ArrayList<>();
		try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
			for (CSVRecord record : parser) {
				int position = (int) record.getCharacterPosition();
				if (!isBlankLine(record, text, position)) {
					if (records.size() > MAX_ROWS) {
						throw new TooManyRows(lineAt(lineStarts, position));
					}
					records.add(new Record(lineAt(lineStarts, position), List.copyOf(record.toList())));
				}
			}
		}
		catch (IOException ex) {
			// Not from a StringReader, and the format is lenient: a bug if it happens.
			throw new UncheckedIOException(ex);
		}
		return records;
	}

	/** A line with nothing on it (not even a quoted empty field). */
	private static boolean isBlankLine(CSVRecord record, String text, int position) {
		if (record.size() != 1 || !record.get(0).isEmpty()) {
			return false;
		}
		return position >= text.length() || text.charAt(position) == '\n' || text.charAt(position) == '\r';
	}

	/** Where each line starts: LF, CRLF and a lone CR end a line, as for the parser. */
	private static int[] lineStarts(String text) {
		int[] starts = new int[16];
		int count = 1;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == length || text.charAt(i + 1) != '\n'))) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}

	/** The line (from 1) of the character at {@code position}. */
	private static int lineAt(int[] lineStarts, int position) {
		int found = Arrays.binarySearch(lineStarts, position);
		return (found >= 0) ? found + 1 : -found - 1;
	}

	/**
	 * @param line line of the file where the record starts (1 = first line)
	 * @param fields the fields, unquoted
	 */
	public record Record(int line, List<String> fields) {
	}

	/**
	 * Rows one file may hold besides its header: every import reads its whole file before
	 * it writes anything (all or nothing), so the rows are bounded like the bytes. The
	 * largest real files fit: the nation's ~85,000 residential groups, a province's
	 * households in parts.
	 */
	public static final int MAX_ROWS = 200_000;

	/** The file has more than {@link #MAX_ROWS} rows: reading stopped at {@code line}. */
	public static final class TooManyRows extends RuntimeException {

		private final int line;

		TooManyRows(int line) {
			super("more than " + MAX_ROWS + " rows");
			this.line = line;
		}

		public int line() {
			return this.line;
		}

		/** The refusal as the imports report it. */
		public RowError error() {
			return new RowError(this.line, null,
					"Tệp có hơn %,d dòng: hãy chia thành nhiều tệp (mỗi tệp tối đa %,d dòng)".formatted(MAX_ROWS,
							MAX_ROWS),
					"TOO_MANY_ROWS");
		}

	}

	/** The file is not UTF-8. */
	public static final class NotUtf8 extends RuntimeException {

		private final int line;

		NotUtf8(int line) {
			super("not UTF-8 at line " + line);
			this.line = line;
		}

		public int line() {
			return this.line;
		}

	}

}

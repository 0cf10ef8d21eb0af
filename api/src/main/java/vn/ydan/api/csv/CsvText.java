package vn.ydan.api.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file (RFC 4180: comma, double quotes, CRLF or LF) read into records that remember
 * their line, so that every error can name it. UTF-8 only: bytes that are not UTF-8 are
 * reported with their line, not replaced.
 */
public final class CsvText {

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

	/** Records with their first line; blank lines are skipped. */
	public static List<Record> parse(String text) {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		boolean quoted = false;
		boolean blank = true;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < length && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					quoted = true;
					blank = false;
				}
				case ',' -> {
					fields.add(field.toString());
					field.setLength(0);
					blank = false;
				}
				case '\r' -> {
					// CRLF: the LF ends the record.
				}
				case '\n' -> {
					if (!blank || field.length() > 0) {
						fields.add(field.toString());
						records.add(new Record(recordLine, List.copyOf(fields)));
					}
					fields.clear();
					field.setLength(0);
					blank = true;
					line++;
					recordLine = line;
				}
				default -> {
					field.append(c);
					blank = false;
				}
			}
		}
		if (!blank || field.length() > 0) {
			fields.add(field.toString());
			records.add(new Record(recordLine, List.copyOf(fields)));
		}
		return records;
	}

	/**
	 * @param line line of the file where the record starts (1 = first line)
	 * @param fields the fields, unquoted
	 */
	public record Record(int line, List<String> fields) {
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

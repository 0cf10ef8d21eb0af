package vn.ydan.admin.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the upload views do with a file the same way: read it, up to a limit, and take it
 * as text only when it is UTF-8.
 */
public final class Uploads {

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private Uploads() {
	}

	/**
	 * The stream's bytes, but no more than {@code limit}: read with a limit one above the
	 * most allowed, a longer answer means the file is too big, without holding all of it.
	 */
	public static byte[] readAtMost(InputStream in, int limit) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int read;
		while (out.size() < limit && (read = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) != -1) {
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

	/**
	 * The bytes as UTF-8 text, strictly: a file saved in another encoding (Windows-1258,
	 * TCVN3) is refused rather than read with replacement characters in every Vietnamese
	 * name. A byte-order mark (Excel writes one) is not part of the text.
	 * @return the text; empty when the bytes are not UTF-8
	 */
	public static Optional<String> utf8Text(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
		return Optional.of(text.startsWith(BYTE_ORDER_MARK) ? text.substring(BYTE_ORDER_MARK.length()) : text);
	}

}

package vn.ydan.api.units;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.BadRequestException;

/**
 * Cursors of unit lists: the unit's sort key, base64-encoded. Keyset pagination: a page
 * starts after the unit with that key, so inserts elsewhere do not shift it.
 */
final class Cursor {

	private static final String PREFIX = "u|";

	private Cursor() {
	}

	static String of(AdministrativeUnit unit) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + unit.sortKey()).getBytes(StandardCharsets.UTF_8));
	}

	/** The sort key a cursor stands for; null for no cursor. */
	static @Nullable String sortKey(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX)) {
				return decoded.substring(PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new BadRequestException("Invalid cursor: " + cursor);
	}

}

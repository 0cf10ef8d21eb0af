package vn.ydan.api.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one form of a unit's id in the log: its global id as the API hands it out
 * ({@code Unit.id}: URL-safe base64 of {@code Unit:<id>}, without padding). Callers may
 * send the same unit in other forms the API accepts (with {@code =} padding, standard
 * base64, spaces around): entries are tagged, and filters compared, in this one form, so
 * that filtering by a unit finds its entries whichever form the caller sent.
 */
final class UnitIds {

	private static final String PREFIX = "Unit:";

	private UnitIds() {
	}

	/**
	 * The canonical global id of the unit {@code id} names, or null when it names none.
	 */
	static @Nullable String canonicalOrNull(String id) {
		String decoded = decode(id.strip());
		if (decoded == null || !decoded.startsWith(PREFIX) || decoded.length() == PREFIX.length()) {
			return null;
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
	}

	/** The canonical form of a unit's global id; anything else as it is. */
	static String canonical(String id) {
		String canonical = canonicalOrNull(id);
		return (canonical != null) ? canonical : id;
	}

	/**
	 * What a filter's unit means: a global id in any form, or a unit's own id (its code,
	 * e.g. {@code 00004}), as the canonical global id.
	 */
	static String ofFilter(String unit) {
		String canonical = canonicalOrNull(unit);
		if (canonical != null) {
			return canonical;
		}
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + unit.strip()).getBytes(StandardCharsets.UTF_8));
	}

	/** Each in canonical form, once, in order. */
	static List<String> canonical(Collection<String> ids) {
		List<String> canonical = new ArrayList<>(ids.size());
		for (String id : ids) {
			String one = canonical(id);
			if (!canonical.contains(one)) {
				canonical.add(one);
			}
		}
		return canonical;
	}

	private static @Nullable String decode(String text) {
		if (text.length() < 8 || text.length() > 200) {
			return null;
		}
		try {
			byte[] bytes = (text.indexOf('+') >= 0 || text.indexOf('/') >= 0) ? Base64.getDecoder().decode(text)
					: Base64.getUrlDecoder().decode(text);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

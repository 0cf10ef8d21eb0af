package vn.ydan.api.units;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.BadRequestException;

/**
 * Global ids of {@code Node}s: URL-safe base64 of {@code <Type>:<id>}, opaque to clients.
 */
final class GlobalId {

	static final String UNIT = "Unit";

	private GlobalId() {
	}

	static String of(String type, String id) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
	}

	static String unit(String id) {
		return of(UNIT, id);
	}

	/**
	 * The unit id inside a global id.
	 * @throws BadRequestException when it is not a unit's global id
	 */
	static String unitId(String globalId) {
		String[] parts = parse(globalId);
		if (parts == null || !UNIT.equals(parts[0])) {
			throw new BadRequestException("Not the global id of a unit: " + globalId);
		}
		return parts[1];
	}

	/** Type and id, or null when {@code globalId} is not one. */
	static String @Nullable [] parse(String globalId) {
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(globalId.strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0 || colon == decoded.length() - 1) {
			return null;
		}
		return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
	}

}

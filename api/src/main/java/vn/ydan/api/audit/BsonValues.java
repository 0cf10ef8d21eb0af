package vn.ydan.api.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Turns arguments and states (maps, lists, scalars, enums, dates…) into BSON for an
 * entry: the only types written are documents, arrays, strings, 64-bit integers, doubles,
 * booleans and null, so that an entry reads back as it was hashed. Values under a key
 * that names a secret are replaced, and very long strings (a whole CSV file) are cut,
 * keeping their length and SHA-256 so the original can still be matched.
 */
final class BsonValues {

	static final String REDACTED = "***";

	/** Longer strings are cut to {@link #KEPT} characters. */
	static final int MAX_STRING = 2_000;

	static final int KEPT = 200;

	private static final Set<String> SECRETS = Set.of("password", "secret", "token");

	private BsonValues() {
	}

	static BsonDocument document(Map<String, ?> map) {
		BsonDocument document = new BsonDocument();
		map.forEach((key, value) -> document.append(key, isSecret(key) ? redacted(value) : value(value)));
		return document;
	}

	static boolean isSecret(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return SECRETS.stream().anyMatch(lower::contains);
	}

	private static BsonValue redacted(@Nullable Object value) {
		return (value == null) ? BsonNull.VALUE : new BsonString(REDACTED);
	}

	@SuppressWarnings("unchecked")
	static BsonValue value(@Nullable Object value) {
		return switch (value) {
			case null -> BsonNull.VALUE;
			case BsonValue bson -> bson;
			case String text -> string(text);
			case Boolean bool -> BsonBoolean.valueOf(bool);
			case Integer number -> new BsonInt64(number);
			case Long number -> new BsonInt64(number);
			case Short number -> new BsonInt64(number);
			case Byte number -> new BsonInt64(number);
			case Double number -> new BsonDouble(number);
			case Float number -> new BsonDouble(number);
			case BigInteger number -> string(number.toString());
			case BigDecimal number -> string(number.toPlainString());
			case Enum<?> constant -> new BsonString(constant.name());
			case Map<?, ?> map -> document((Map<String, ?>) map);
			case Collection<?> items -> {
				BsonArray array = new BsonArray();
				items.forEach((item) -> array.add(value(item)));
				yield array;
			}
			case Object[] items -> {
				BsonArray array = new BsonArray();
				for (Object item : items) {
					array.add(value(item));
				}
				yield array;
			}
			// Dates, times, ids and anything else: their text.
			default -> string(value.toString());
		};
	}

	private static BsonString string(String text) {
		if (text.length() <= MAX_STRING) {
			return new BsonString(text);
		}
		return new BsonString(
				text.substring(0, KEPT) + "… [" + text.length() + " ký tự, SHA-256 " + sha256(text) + "]");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Global ids of units found among the arguments (at any depth): what a mutation names
	 * ({@code updateUnit(input: {id})}, {@code addResidentialGroup(input: {communeId})}).
	 */
	static void collectUnitIds(@Nullable Object value, Collection<String> into) {
		switch (value) {
			case String text when isUnitGlobalId(text) -> {
				if (!into.contains(text)) {
					into.add(text);
				}
			}
			case Map<?, ?> map -> map.values().forEach((item) -> collectUnitIds(item, into));
			case Collection<?> items -> items.forEach((item) -> collectUnitIds(item, into));
			case null, default -> {
			}
		}
	}

	static boolean isUnitGlobalId(String text) {
		return UnitIds.canonicalOrNull(text) != null;
	}

}

package vn.ydan.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash of an entry: HMAC-SHA256 with the log's key ({@link AuditKey}), kept outside
 * the store, so that someone who can write the store cannot recompute a chain that
 * verifies; plain SHA-256 only for the entries written before the chain was keyed
 * (decision 0012). Both are over a a canonical serialization of every field but
 * {@code hash} itself ({@code prevHash} included, which makes the chain). Canonical so
 * that the store may give the entry back in another shape without changing its hash: keys
 * are sorted at every level and 32- and 64-bit integers are the same number; anything
 * else about the entry (a character, a type, a field more or less) changes it.
 * <p>
 * Not thread-safe: one per thread (the append lock, a verification).
 */
final class ChainHash {

	static final String HASH = "hash";

	/** The {@code prevHash} of the first entry. */
	static final String GENESIS = "0".repeat(64);

	private static final HexFormat HEX = HexFormat.of();

	private final @Nullable MessageDigest sha256;

	private final @Nullable Mac hmac;

	private byte[] buffer = new byte[4096];

	private int length;

	/** Plain SHA-256: the entries of the chain before it was keyed. */
	ChainHash() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
			this.hmac = null;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no SHA-256", ex);
		}
	}

	/** HMAC-SHA256 with {@code key}. */
	ChainHash(byte[] key) {
		try {
			this.hmac = Mac.getInstance("HmacSHA256");
			this.hmac.init(new SecretKeySpec(key, "HmacSHA256"));
			this.sha256 = null;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no HMAC-SHA256", ex);
		}
	}

	/**
	 * Lower-case hex hash (HMAC or plain, as made) of {@code entry} without its
	 * {@code hash} field.
	 */
	String of(BsonDocument entry) {
		this.length = 0;
		document(entry, true);
		byte[] digest;
		if (this.hmac != null) {
			this.hmac.update(this.buffer, 0, this.length);
			digest = this.hmac.doFinal();
		}
		else {
			MessageDigest plain = java.util.Objects.requireNonNull(this.sha256);
			plain.update(this.buffer, 0, this.length);
			digest = plain.digest();
		}
		return HEX.formatHex(digest);
	}

	private void document(BsonDocument document, boolean top) {
		String[] keys = document.keySet().toArray(String[]::new);
		Arrays.sort(keys);
		int size = keys.length;
		if (top && document.containsKey(HASH)) {
			size--;
		}
		tag('o');
		integer(size);
		for (String key : keys) {
			if (top && key.equals(HASH)) {
				continue;
			}
			string(key);
			value(document.get(key));
		}
	}

	private void value(BsonValue value) {
		switch (value.getBsonType()) {
			case NULL, UNDEFINED -> tag('n');
			case STRING -> {
				tag('s');
				string(value.asString().getValue());
			}
			case INT32 -> {
				tag('i');
				longValue(value.asInt32().getValue());
			}
			case INT64 -> {
				tag('i');
				longValue(value.asInt64().getValue());
			}
			case DOUBLE -> {
				tag('d');
				longValue(Double.doubleToLongBits(value.asDouble().getValue()));
			}
			case BOOLEAN -> {
				tag('b');
				tag(value.asBoolean().getValue() ? '1' : '0');
			}
			case DATE_TIME -> {
				tag('t');
				longValue(value.asDateTime().getValue());
			}
			case ARRAY -> {
				BsonArray array = value.asArray();
				tag('a');
				integer(array.size());
				for (BsonValue item : array) {
					value(item);
				}
			}
			case DOCUMENT -> document(value.asDocument(), false);
			default -> {
				// Types the log never writes (a tampered entry may hold one): still
				// hashed.
				tag('x');
				string(value.getBsonType().name() + ":" + value);
			}
		}
	}

	private void tag(char tag) {
		ensure(1);
		this.buffer[this.length++] = (byte) tag;
	}

	private void integer(int value) {
		ensure(4);
		this.buffer[this.length++] = (byte) (value >>> 24);
		this.buffer[this.length++] = (byte) (value >>> 16);
		this.buffer[this.length++] = (byte) (value >>> 8);
		this.buffer[this.length++] = (byte) value;
	}

	private void longValue(long value) {
		integer((int) (value >>> 32));
		integer((int) value);
	}

	private void string(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		integer(bytes.length);
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
		this.length += bytes.length;
	}

	private void ensure(int more) {
		if (this.length + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + more));
		}
	}

}

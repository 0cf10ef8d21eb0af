package vn.ydan.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.jspecify.annotations.Nullable;

/**
 * An entry as stored, for reading (GraphQL, CSV). Built leniently from whatever the store
 * holds: a tampered entry must still be shown, verification says what is wrong with it.
 *
 * @param seq position in the chain, from 1, dense
 * @param at when it was appended (never earlier than the entry before)
 * @param actor login name, {@code (anonymous)} without a sign-in
 * @param displayName name from the token
 * @param roles Ý Dân roles held
 * @param clientId OAuth client ({@code azp})
 * @param requestId the HTTP request's id
 * @param kind e.g. {@code mutation:updateUnit}
 * @param unitIds global ids of the units concerned
 * @param summary a line for people
 * @param input arguments as JSON, secrets redacted
 * @param before state before, as JSON
 * @param after state after, as JSON
 * @param outcome how it ended
 * @param codes user-error or error codes
 * @param prevHash hash of the entry before
 * @param hash this entry's hash
 */
record AuditEntry(long seq, Instant at, String actor, @Nullable String displayName, List<String> roles,
		@Nullable String clientId, String requestId, String kind, List<String> unitIds, @Nullable String summary,
		@Nullable String input, @Nullable String before, @Nullable String after, String outcome, List<String> codes,
		String prevHash, String hash) {

	private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	static AuditEntry of(BsonDocument document) {
		BsonValue at = document.get(AuditLog.AT);
		return new AuditEntry(seqOf(document),
				(at != null && at.isDateTime()) ? Instant.ofEpochMilli(at.asDateTime().getValue()) : Instant.EPOCH,
				text(document, AuditLog.ACTOR, ""), text(document, AuditLog.DISPLAY_NAME),
				texts(document, AuditLog.ROLES), text(document, AuditLog.CLIENT_ID),
				text(document, AuditLog.REQUEST_ID, ""), text(document, AuditLog.KIND, ""),
				texts(document, AuditLog.UNIT_IDS), text(document, AuditLog.SUMMARY), json(document, AuditLog.INPUT),
				json(document, AuditLog.BEFORE), json(document, AuditLog.AFTER), text(document, AuditLog.OUTCOME, ""),
				texts(document, AuditLog.CODES), text(document, AuditLog.PREV_HASH, ""),
				text(document, ChainHash.HASH, ""));
	}

	/** The entry's number (its {@code _id}); -1 when it has none. */
	static long seqOf(BsonDocument document) {
		BsonValue id = document.get(AuditLog.ID);
		return (id != null && id.isNumber()) ? id.asNumber().longValue() : -1;
	}

	private static @Nullable String json(BsonDocument document, String key) {
		BsonValue value = document.get(key);
		return (value != null && value.isDocument()) ? value.asDocument().toJson(JSON) : null;
	}

	private static String text(BsonDocument document, String key, String otherwise) {
		String text = text(document, key);
		return (text != null) ? text : otherwise;
	}

	private static @Nullable String text(BsonDocument document, String key) {
		BsonValue value = document.get(key);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? value.asString().getValue() : value.toString();
	}

	private static List<String> texts(BsonDocument document, String key) {
		BsonValue value = document.get(key);
		if (value == null || !value.isArray()) {
			return List.of();
		}
		BsonArray array = value.asArray();
		List<String> texts = new ArrayList<>(array.size());
		for (BsonValue item : array) {
			texts.add(item.isString() ? item.asString().getValue() : item.toString());
		}
		return texts;
	}

}

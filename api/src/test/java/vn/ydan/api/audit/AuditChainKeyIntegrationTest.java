package vn.ydan.api.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain is keyed: whoever can write the store but has not the key file cannot
 * recompute a chain that verifies, with plain SHA-256 or with another key; the key file
 * is created private at the first start and kept; a store from before the key goes on
 * with a marker, its old entries still checked.
 */
class AuditChainKeyIntegrationTest {

	private final AuditStoreForTests store = new AuditStoreForTests();

	private final AuditLog auditLog = this.store.newLog(4);

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aChainRecomputedWithPlainSha256FromSomeEntryOnIsFoundThere() {
		append(10);

		rewriteFrom(6, new ChainHash());

		AuditLog.Verification verification = this.auditLog.verify(null);
		assertThat(verification.verified()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(6);
		assertThat(verification.reason()).contains("SHA-256 không khóa");
	}

	@Test
	void aChainRecomputedWithAnotherKeyIsFound() {
		append(10);

		rewriteFrom(1, new ChainHash("not-the-key-of-this-audit-log!!!".getBytes(StandardCharsets.UTF_8)));

		AuditLog.Verification verification = this.auditLog.verify(null);
		assertThat(verification.verified()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(1);
	}

	@Test
	void entriesAreHashedWithTheKeyNotPlainSha256() {
		AuditEntry entry = this.auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of()));
		BsonDocument stored = raw().find(Filters.eq("_id", entry.seq())).first();

		assertThat(entry.hash()).isEqualTo(this.store.keyedHash(stored)).isNotEqualTo(new ChainHash().of(stored));
		assertThat(this.auditLog.verify(null).keyedFrom()).isEqualTo(1);
	}

	@Test
	void theKeyFileIsCreatedPrivateOnceAndReadBack(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("audit.key");

		AuditKey created = AuditKey.load(file, true);
		AuditKey again = AuditKey.load(file, true);

		assertThat(again.bytes()).isEqualTo(created.bytes()).hasSize(AuditKey.BYTES);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThatThrownBy(() -> AuditKey.load(directory.resolve("missing.key"), false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("does not exist");
	}

	@Test
	void aStoreFromBeforeTheKeyGoesOnKeyedFromAMarkerAndCannotBeDowngraded() {
		appendUnkeyed(5);

		this.auditLog.startKeyedChain();
		append(3);

		AuditLog.Verification verification = this.auditLog.verify(null);
		assertThat(verification.verified()).as(verification.toString()).isTrue();
		assertThat(verification.keyedFrom()).isEqualTo(6);
		assertThat(verification.entries()).isEqualTo(9);
		assertThat(this.auditLog.newestFirst(AuditFilter.NONE, 7L, 1).get(0).kind()).isEqualTo(AuditLog.KEYED_MARKER);
		// The marker and everything after it rewritten without the key, as if never
		// keyed.
		rewriteFrom(6, new ChainHash());
		assertThat(this.auditLog.verify(null).firstBrokenSeq()).isEqualTo(6);
	}

	@Test
	void aKeyedChainGetsNoSecondMarker() {
		append(3);

		this.auditLog.startKeyedChain();

		assertThat(this.auditLog.head().seq()).isEqualTo(3);
	}

	/** Entries as the log wrote them before decision 0012: plain SHA-256. */
	private void appendUnkeyed(int count) {
		ChainHash plain = new ChainHash();
		String previous = ChainHash.GENESIS;
		for (int seq = 1; seq <= count; seq++) {
			BsonDocument document = this.auditLog
				.toDocument(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of()), seq, seq, previous);
			document.put(ChainHash.HASH, new BsonString(plain.of(document)));
			raw().insertOne(document);
			previous = plain.of(document);
		}
	}

	/** What someone with write access to the store, but not the key, can do. */
	private void rewriteFrom(long from, ChainHash hashes) {
		String previous = (from == 1) ? ChainHash.GENESIS
				: raw().find(Filters.eq("_id", from - 1)).first().getString(ChainHash.HASH).getValue();
		for (BsonDocument document : raw().find(Filters.gte("_id", from))
			.sort(new BsonDocument("_id", new org.bson.BsonInt32(1)))) {
			document.put("summary", new BsonString("đã sửa"));
			document.put(AuditLog.PREV_HASH, new BsonString(previous));
			document.put(ChainHash.HASH, new BsonString(hashes.of(document)));
			raw().replaceOne(Filters.eq("_id", document.get("_id")), document);
			previous = document.getString(ChainHash.HASH).getValue();
		}
	}

	private MongoCollection<BsonDocument> raw() {
		return this.store.database.getCollection(AuditLog.COLLECTION, BsonDocument.class);
	}

	private void append(int count) {
		for (int i = 0; i < count; i++) {
			this.auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of()));
		}
	}

}

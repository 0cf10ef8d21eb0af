package vn.ydan.api.audit;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain's head is published outside the store at start, while running and at
 * shutdown, and verification checks the chain against every published head: the end cut
 * off, or the chain rewritten from some entry on (even by someone holding the key), is
 * found without anyone having noted an anchor. Both ways of reading the chain.
 */
class AuditHeadsPublishedIntegrationTest {

	private final AuditStoreForTests store = new AuditStoreForTests();

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void theHeadIsPublishedAtStartWhenItMovesAndAtShutdown() throws Exception {
		AuditLog auditLog = this.store.newLog(4);
		append(auditLog, 3);
		AuditHeadPublisher publisher = new AuditHeadPublisher(auditLog, Duration.ZERO);

		publisher.start();
		publisher.publish();
		append(auditLog, 2);
		publisher.stop();

		assertThat(Files.readAllLines(this.store.heads.file())).hasSize(2)
			.satisfies((lines) -> assertThat(lines.get(0)).startsWith("head 3 " + hashOf(3)))
			.satisfies((lines) -> assertThat(lines.get(1)).startsWith("head 5 " + hashOf(5)));
		AuditLog.Verification verification = auditLog.verify(null);
		assertThat(verification.verified()).as(verification.toString()).isTrue();
		assertThat(verification.publishedHeads()).isEqualTo(2);
	}

	@Test
	void theEndCutOffAfterAPublishedHeadIsFound() {
		AuditLog auditLog = this.store.newLog(4);
		append(auditLog, 10);
		auditLog.publishHead(null);
		raw().deleteMany(Filters.gte("_id", 8L));

		AuditLog.Verification verification = this.store.newLog(4).verify(null);

		assertThat(verification.verified()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(8);
		assertThat(verification.reason()).contains("đầu chuỗi đã công bố").contains("các mục cuối đã bị xóa");
	}

	@Test
	void aChainRewrittenWithTheKeyFromSomeEntryOnIsFoundAtTheLastPublishedHead() {
		AuditLog auditLog = this.store.newLog(4);
		append(auditLog, 6);
		auditLog.publishHead(null);
		append(auditLog, 4);
		String previous = hashOf(3);
		for (BsonDocument document : raw().find(Filters.gte("_id", 4L))
			.sort(new BsonDocument("_id", new BsonInt32(1)))) {
			document.put("actor", new BsonString("nguoikhac"));
			document.put(AuditLog.PREV_HASH, new BsonString(previous));
			document.put(ChainHash.HASH, new BsonString(this.store.keyedHash(document)));
			raw().replaceOne(Filters.eq("_id", document.get("_id")), document);
			previous = document.getString(ChainHash.HASH).getValue();
		}

		AuditLog.Verification verification = auditLog.verify(null);

		assertThat(verification.verified()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(6);
		assertThat(verification.reason()).contains("khác với đầu chuỗi đã công bố");
	}

	@Test
	void aGapInTheMiddleIsFound() {
		AuditLog auditLog = this.store.newLog(4);
		append(auditLog, 20);
		raw().deleteOne(Filters.eq("_id", 9L));

		AuditLog.Verification verification = auditLog.verify(null);

		assertThat(verification.firstBrokenSeq()).isEqualTo(9);
		assertThat(verification.entries()).isEqualTo(8);
	}

	private String hashOf(long seq) {
		return raw().find(Filters.eq("_id", seq)).first().getString(ChainHash.HASH).getValue();
	}

	private MongoCollection<BsonDocument> raw() {
		return this.store.database.getCollection(AuditLog.COLLECTION, BsonDocument.class);
	}

	private static void append(AuditLog auditLog, int count) {
		for (int i = 0; i < count; i++) {
			auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of()));
		}
	}

}

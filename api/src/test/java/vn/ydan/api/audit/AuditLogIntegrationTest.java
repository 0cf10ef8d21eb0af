package vn.ydan.api.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.access.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain on a real driver and store (the in-memory stand-in): appends verify, and
 * every kind of tampering in the store is found at the first entry it breaks.
 */
class AuditLogIntegrationTest {

	private final AuditStoreForTests store = new AuditStoreForTests();

	private final AuditLog auditLog = this.store.newLog(4);

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void anEmptyLogAndAnAppendedOneVerify() {
		assertThat(this.auditLog.verify(null).verified()).isTrue();
		append(10);

		AuditLog.Verification verification = this.auditLog.verify(null);

		assertThat(verification.verified()).as(verification.toString()).isTrue();
		assertThat(verification.entries()).isEqualTo(10);
		assertThat(verification.firstBrokenSeq()).isNull();
		assertThat(verification.headSeq()).isEqualTo(10);
		assertThat(verification.headHash()).isEqualTo(this.auditLog.head().hash()).hasSize(64);
	}

	@Test
	void entriesChainFromTheGenesisHash() {
		AuditEntry first = this.auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of()));
		AuditEntry second = this.auditLog.append(AuditStoreForTests.entry("canbo", "mutation:updateUnit", List.of()));

		assertThat(first.seq()).isEqualTo(1);
		assertThat(first.prevHash()).isEqualTo(ChainHash.GENESIS);
		assertThat(second.seq()).isEqualTo(2);
		assertThat(second.prevHash()).isEqualTo(first.hash());
		assertThat(first.input()).contains("Trúc Bạch");
	}

	@Test
	void aChangedFieldIsFoundAtItsEntry() {
		append(10);
		this.store.raw().updateOne(Filters.eq("_id", 7L), Updates.set("actor", "nguoikhac"));

		AuditLog.Verification verification = this.auditLog.verify(null);

		assertThat(verification.verified()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(7);
		assertThat(verification.entries()).isEqualTo(6);
		assertThat(verification.reason()).contains("Mục 7 đã bị sửa");
	}

	@Test
	void aChangeInsideTheInputIsFound() {
		append(5);
		this.store.raw().updateOne(Filters.eq("_id", 2L), Updates.set("input.population", 15001L));

		assertThat(this.auditLog.verify(null).firstBrokenSeq()).isEqualTo(2);
	}

	@Test
	void aDeletedEntryIsFoundAsMissing() {
		append(10);
		this.store.raw().deleteOne(Filters.eq("_id", 5L));

		AuditLog.Verification verification = this.auditLog.verify(null);

		assertThat(verification.verified()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(5);
		assertThat(verification.reason()).contains("Thiếu mục 5");
	}

	@Test
	void swappedEntriesAreFoundAtTheFirst() {
		append(10);
		Document third = this.store.raw().find(Filters.eq("_id", 3L)).first();
		Document fourth = this.store.raw().find(Filters.eq("_id", 4L)).first();
		this.store.raw().replaceOne(Filters.eq("_id", 3L), withId(fourth, 3L));
		this.store.raw().replaceOne(Filters.eq("_id", 4L), withId(third, 4L));

		assertThat(this.auditLog.verify(null).firstBrokenSeq()).isEqualTo(3);
	}

	@Test
	void anEntryRewrittenWithARecomputedHashBreaksTheNextLink() {
		append(10);
		Document sixth = this.store.raw().find(Filters.eq("_id", 6L)).first();
		sixth.put("actor", "nguoikhac");
		org.bson.BsonDocument forged = sixth.toBsonDocument();
		forged.put("hash", new org.bson.BsonString(this.store.keyedHash(forged)));
		this.store.raw().withDocumentClass(org.bson.BsonDocument.class).replaceOne(Filters.eq("_id", 6L), forged);

		AuditLog.Verification verification = this.auditLog.verify(null);

		assertThat(verification.firstBrokenSeq()).isEqualTo(7);
		assertThat(verification.reason()).contains("không nối tiếp mục 6");
	}

	@Test
	void aDocumentOutsideTheChainIsFound() {
		append(3);
		this.store.raw().insertOne(new Document("_id", 100L).append("actor", "ke-gian"));

		AuditLog.Verification verification = this.auditLog.verify(null);

		assertThat(verification.verified()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(4);
	}

	@Test
	void removingTheLastEntriesIsFoundOnlyAgainstAnAnchor() {
		append(10);
		AuditLog.Head anchor = this.auditLog.head();
		this.store.raw().deleteMany(Filters.gte("_id", 9L));
		AuditLog fresh = this.store.newLog(4);

		assertThat(fresh.verify(null).verified()).isTrue();
		AuditLog.Verification against = fresh.verify(new AuditLog.Anchor(anchor.seq(), anchor.hash()));
		assertThat(against.verified()).isFalse();
		assertThat(against.firstBrokenSeq()).isEqualTo(9);
		assertThat(against.reason()).contains("mốc");
	}

	@Test
	void aRewrittenChainIsFoundAgainstAnAnchor() {
		append(5);
		AuditLog.Head anchor = this.auditLog.head();
		Document fifth = this.store.raw().find(Filters.eq("_id", 5L)).first();
		fifth.put("summary", "khác");
		org.bson.BsonDocument forged = fifth.toBsonDocument();
		forged.put("hash", new org.bson.BsonString(this.store.keyedHash(forged)));
		this.store.raw().withDocumentClass(org.bson.BsonDocument.class).replaceOne(Filters.eq("_id", 5L), forged);

		assertThat(this.auditLog.verify(null).verified()).isTrue();
		assertThat(this.auditLog.verify(new AuditLog.Anchor(5, anchor.hash())).firstBrokenSeq()).isEqualTo(5);
	}

	@Test
	void aNewProcessFindsTheHeadAndContinuesTheChain() {
		append(37);

		AuditLog restarted = this.store.newLog(4);
		AuditEntry next = restarted.append(AuditStoreForTests.entry("canbo", "mutation:updateUnit", List.of()));

		assertThat(next.seq()).isEqualTo(38);
		assertThat(restarted.verify(null).verified()).isTrue();
	}

	@Test
	void concurrentAppendsFromTwoProcessesMakeAGaplessChain() throws Exception {
		AuditLog other = this.store.newLog(4);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			AuditLog log = (i % 2 == 0) ? this.auditLog : other;
			String actor = "user" + i;
			done.add(threads.submit(() -> {
				for (int n = 0; n < 25; n++) {
					log.append(AuditStoreForTests.entry(actor, "mutation:updateUnit", List.of()));
				}
			}));
		}
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();

		AuditLog.Verification verification = this.auditLog.verify(null);
		assertThat(verification.verified()).as(verification.toString()).isTrue();
		assertThat(verification.entries()).isEqualTo(200);
		assertThat(this.store.raw().countDocuments()).isEqualTo(200);
	}

	/**
	 * Issue 18: two api instances under a burst of answers, each storing batches (group
	 * commit) that collide with the other's numbers; every append succeeds, in one
	 * gapless chain.
	 */
	@Test
	void burstsOfBatchesFromTwoProcessesAllAppendInOneChain() throws Exception {
		AuditLog other = this.store.newLog(64);
		ExecutorService threads = Executors.newFixedThreadPool(32);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			AuditLog log = (i % 2 == 0) ? this.auditLog : other;
			String actor = "user" + i;
			done.add(threads.submit(() -> {
				for (int n = 0; n < 40; n++) {
					log.append(AuditStoreForTests.entry(actor, "mutation:answerConsultation", List.of()));
				}
			}));
		}
		for (Future<?> future : done) {
			future.get(120, TimeUnit.SECONDS);
		}
		threads.shutdown();

		AuditLog.Verification verification = this.auditLog.verify(null);
		assertThat(verification.verified()).as(verification.toString()).isTrue();
		assertThat(verification.entries()).isEqualTo(1_280);
		assertThat(this.store.raw().countDocuments()).isEqualTo(1_280);
	}

	@Test
	void filtersByActorUnitKindAndDays() {
		String hoanKiem = "VW5pdDpDT01NVU5FOjAwMDcw";
		this.store.clock.set(Instant.parse("2025-04-17T20:00:00Z")); // 18 April, 03:00 in
																		// Hanoi
		this.auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of(hoanKiem)));
		this.store.clock.set(Instant.parse("2025-04-18T16:59:59Z")); // 18 April, 23:59:59
		this.auditLog.append(AuditStoreForTests.entry("canbo", "mutation:addResidentialGroup", List.of(hoanKiem)));
		this.store.clock.set(Instant.parse("2025-04-18T17:00:00Z")); // 19 April, 00:00
		this.auditLog.append(AuditStoreForTests.entry("canbo", "read:consultationAnswers", List.of()));
		this.auditLog.append(AuditStoreForTests.entry("Quantri", "mutation:importUnits", List.of()));

		assertThat(seqs(new AuditFilter("QUANTRI", null, null, null, null))).containsExactly(4L, 1L);
		assertThat(seqs(new AuditFilter(null, hoanKiem, null, null, null))).containsExactly(2L, 1L);
		assertThat(seqs(new AuditFilter(null, null, "mutation:", null, null))).containsExactly(4L, 2L, 1L);
		assertThat(seqs(new AuditFilter(null, null, "mutation:updateUnit", null, null))).containsExactly(1L);
		assertThat(seqs(new AuditFilter(null, null, "mutation:update", null, null))).isEmpty();
		LocalDate day = LocalDate.of(2025, 4, 18);
		assertThat(seqs(new AuditFilter(null, null, null, day, day))).containsExactly(2L, 1L);
		assertThat(seqs(new AuditFilter(null, null, null, day.plusDays(1), null))).containsExactly(4L, 3L);
		assertThat(seqs(new AuditFilter("canbo", null, null, day, day.plusDays(1)))).containsExactly(3L, 2L);
	}

	@Test
	void timesNeverGoDownAlongTheChain() {
		this.store.clock.set(Instant.parse("2025-04-18T10:00:00Z"));
		this.auditLog.append(AuditStoreForTests.entry("a", "mutation:x", List.of()));
		this.store.clock.set(Instant.parse("2025-04-18T09:00:00Z"));

		AuditEntry later = this.auditLog.append(AuditStoreForTests.entry("b", "mutation:x", List.of()));

		assertThat(later.at()).isEqualTo(Instant.parse("2025-04-18T10:00:00Z"));
	}

	@Test
	void pagesWalkBackwardsAcrossChunks() {
		append(11);

		List<AuditEntry> first = this.auditLog.newestFirst(AuditFilter.NONE, null, 5);
		List<AuditEntry> second = this.auditLog.newestFirst(AuditFilter.NONE, first.get(4).seq(), 5);
		List<AuditEntry> oldest = new ArrayList<>();
		this.auditLog.oldestFirst(AuditFilter.NONE, (entry) -> oldest.add(entry) && oldest.size() < 3);

		assertThat(first).extracting(AuditEntry::seq).containsExactly(11L, 10L, 9L, 8L, 7L);
		assertThat(second).extracting(AuditEntry::seq).containsExactly(6L, 5L, 4L, 3L, 2L);
		assertThat(oldest).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
	}

	@Test
	void secretsAreRedactedAndHugeTextsCut() {
		String csv = "code,name\n" + "00001,Phúc Xá\n".repeat(500);
		AuditEntry entry = this.auditLog.append(new NewEntry(Caller.ANONYMOUS, "r", "mutation:x", List.of(), null,
				BsonValues.document(Map.of("input",
						Map.of("password", "bí mật", "clientSecret", "s3", "accessToken", "t", "csv", csv))),
				null, null, AuditOutcome.OK, List.of()));

		assertThat(entry.input()).doesNotContain("bí mật", "s3", "\"t\"")
			.contains("\"password\": \"***\"", "\"clientSecret\": \"***\"", "\"accessToken\": \"***\"")
			.contains("[" + csv.length() + " ký tự, SHA-256 ");
		assertThat(this.auditLog.verify(null).verified()).isTrue();
	}

	private List<Long> seqs(AuditFilter filter) {
		return this.auditLog.newestFirst(filter, null, 100).stream().map(AuditEntry::seq).toList();
	}

	private void append(int count) {
		for (int i = 0; i < count; i++) {
			this.auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of()));
		}
	}

	private static Document withId(Document document, long id) {
		Document copy = new Document(document);
		copy.put("_id", id);
		return copy;
	}

}

package vn.ydan.api.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Caller;
import vn.ydan.api.store.CommitLater;
import vn.ydan.api.store.GroupCommit;

/**
 * The {@code auditLog} collection: one document per entry, its sequence number as
 * {@code _id}, each entry holding the hash of the one before. Only ever inserted into.
 * <p>
 * <strong>Appends</strong> are serialized in this process by a lock; across processes the
 * unique {@code _id} makes the second of two appends of the same number fail, and the
 * loser chains onto the winner's entry and tries the next number. Every insert is a
 * single-document write, committed by the embedded store before it is acknowledged.
 * <p>
 * <strong>Reads walk the chain by number</strong>: a verification with one cursor sorted
 * on {@code _id}, which MongoDB streams from its index and the embedded store from its
 * map (issue 19); pages and histories in chunks ({@code _id $in [...]}). The embedded
 * store ignores other indexes, and another sorted or unbounded query would make it load
 * and sort every entry in memory. The time of an entry never goes down along the chain,
 * so a date range becomes a range of numbers by binary search.
 * <p>
 * <strong>Subjects.</strong> An entry that stored revisions of aggregates (a plan) names
 * them in {@code revisions}; {@code auditSubjects} then holds, per aggregate, the numbers
 * of its entries ({@code _id} the subject, {@code seqs} the numbers), so that its history
 * is read by number too. It only points into the chain: the chain is the trail, and a
 * lost pointer loses a line of history, never an entry.
 */
@Component
class AuditLog {

	static final String COLLECTION = "auditLog";

	static final String SUBJECTS = "auditSubjects";

	static final String ID = "_id";

	static final String AT = "at";

	static final String ACTOR = "actor";

	static final String DISPLAY_NAME = "displayName";

	static final String ROLES = "roles";

	static final String CLIENT_ID = "clientId";

	static final String REQUEST_ID = "requestId";

	static final String KIND = "kind";

	static final String UNIT_IDS = "unitIds";

	static final String SUMMARY = "summary";

	static final String INPUT = "input";

	static final String BEFORE = "before";

	static final String AFTER = "after";

	static final String OUTCOME = "outcome";

	static final String CODES = "codes";

	static final String REVISIONS = "revisions";

	static final String SUBJECT = "subject";

	static final String REVISION = "revision";

	static final String CHANGE = "change";

	static final String SEQS = "seqs";

	static final String PREV_HASH = "prevHash";

	/** Entries per read. */
	static final int CHUNK = 256;

	/** The kind of the entry that starts the keyed part of a chain. */
	static final String KEYED_MARKER = "audit:keyed";

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final MongoDatabase database;

	private final MongoCollection<BsonDocument> collection;

	private final MongoCollection<BsonDocument> subjects;

	private final Clock clock;

	private final int chunk;

	private final AuditKey key;

	private final PublishedHeads published;

	private final GroupCommit<NewEntry, AuditEntry> appends = new GroupCommit<>(this::appendAll);

	private final ChainHash appendHash;

	/** The last entry as this process knows it; null until first needed. */
	private volatile @Nullable Head head;

	@Autowired
	AuditLog(MongoDatabaseFactory databases, Clock clock, AuditKey key, PublishedHeads published) {
		this(databases.getMongoDatabase(), clock, CHUNK, key, published);
	}

	AuditLog(MongoDatabase database, Clock clock, int chunk, AuditKey key, PublishedHeads published) {
		this.database = database;
		this.collection = database.getCollection(COLLECTION, BsonDocument.class);
		this.subjects = database.getCollection(SUBJECTS, BsonDocument.class);
		this.clock = clock;
		this.chunk = chunk;
		this.key = key;
		this.published = published;
		this.appendHash = key.hasher();
	}

	/**
	 * Commits the store now: the writes a change left for its entry's commit
	 * ({@link AuditedChange#commitsWithEntry}) when the entry could not be appended.
	 * Never throws (the entry's failure is reported already); a store that cannot commit
	 * stops the api.
	 */
	void commitStore() {
		try {
			CommitLater.commit(this.database);
		}
		catch (RuntimeException ex) {
			log.error("Could not commit the store after a failed audit entry: the change may not be durable", ex);
		}
	}

	PublishedHeads published() {
		return this.published;
	}

	/**
	 * Makes sure new entries continue a keyed chain: when the last entry was hashed
	 * without a key (a store from before decision 0012), appends a marker entry
	 * ({@code audit:keyed}) chained onto it, records in the published heads that entries
	 * are keyed from the marker on, and publishes the marker as a head. The entries
	 * before stay as they are, checked with plain SHA-256. Run once at start, before the
	 * first request.
	 */
	void startKeyedChain() {
		Head last = head();
		if (last.seq() == 0) {
			return;
		}
		List<BsonDocument> documents = fetch(last.seq(), last.seq());
		if (documents.isEmpty()) {
			return;
		}
		BsonDocument document = documents.get(0);
		String hash = (document.get(ChainHash.HASH) instanceof BsonString text) ? text.getValue() : "";
		if (this.key.hasher().of(document).equals(hash)) {
			return;
		}
		if (!new ChainHash().of(document).equals(hash)) {
			log.error("The last audit entry ({}) matches neither the audit key nor plain SHA-256: the key file is not"
					+ " the one the log was written with, or the entry was changed; verifyAuditLog will say where",
					last.seq());
			return;
		}
		AuditEntry marker = append(new NewEntry(new Caller("system", null, List.of(), null), "system:start",
				KEYED_MARKER, List.of(),
				"Từ mục này, mã băm của nhật ký có khóa (HMAC-SHA256); các mục trước dùng SHA-256 không khóa.",
				new BsonDocument("unkeyedEntries", new BsonInt64(last.seq())), null, null, AuditOutcome.OK, List.of()));
		this.published.keyedFrom(marker.seq());
		this.published.publish(new Head(marker.seq(), marker.hash(), marker.at().toEpochMilli()));
		log.warn("Audit log: entries 1 to {} were hashed without a key; the keyed chain starts at entry {}", last.seq(),
				marker.seq());
	}

	/** Publishes the current head when it moved since {@code last}; returns it. */
	Head publishHead(@Nullable Head last) {
		Head now = head();
		if (now.seq() > 0 && (last == null || last.seq() != now.seq() || !last.hash().equals(now.hash()))) {
			this.published.publish(now);
		}
		return now;
	}

	/**
	 * Appends an entry after the last one and returns it as stored, once stored.
	 * <p>
	 * <strong>Group commit</strong> ({@link GroupCommit}): whoever holds the lock chains
	 * every waiting entry and stores them in one ordered insert (one commit of the
	 * embedded store). Under a burst of writes (online answers) one commit serves many
	 * entries instead of one, and the chain stays strictly ordered.
	 * @throws com.mongodb.MongoException when the store refused or did not answer; then
	 * nothing was appended, or (a lost acknowledgement) the entry is there whole
	 */
	AuditEntry append(NewEntry entry) {
		AuditEntry stored = this.appends.submit(entry);
		for (String subject : entry.revisions().stream().map(NewEntry.Revision::subject).distinct().toList()) {
			try {
				this.subjects.updateOne(Filters.eq(ID, subject), Updates.addToSet(SEQS, new BsonInt64(stored.seq())),
						new UpdateOptions().upsert(true));
			}
			catch (RuntimeException ex) {
				// The entry is in the chain; only the way to it from the subject is lost.
				log.error("Could not point {} to audit entry {}: its history will miss it", subject, stored.seq(), ex);
			}
		}
		return stored;
	}

	/**
	 * Under the lock: chains and stores the batch, then settles every entry of it. When
	 * another process (api instance) took the next numbers first, the entries stored
	 * before the collision are settled, the head is read forward from the store, and the
	 * rest of the batch is chained onto it and stored again, still as one insert: under
	 * appenders on several instances a collision costs a read and a retry, not one insert
	 * per entry.
	 */
	private void appendAll(List<GroupCommit.Write<NewEntry, AuditEntry>> batch) {
		Head last = (this.head != null) ? this.head : findHead();
		List<GroupCommit.Write<NewEntry, AuditEntry>> pending = batch;
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			List<BsonDocument> documents = new ArrayList<>(pending.size());
			Head chained = last;
			for (GroupCommit.Write<NewEntry, AuditEntry> write : pending) {
				// Never earlier than the entry before: dates map to ranges of numbers.
				long at = Math.max(this.clock.millis(), chained.at());
				BsonDocument document = toDocument(write.value(), chained.seq() + 1, at, chained.hash());
				documents.add(document);
				chained = new Head(chained.seq() + 1, document.getString(ChainHash.HASH).getValue(), at);
			}
			int stored;
			boolean taken;
			try {
				this.collection.insertMany(documents, new InsertManyOptions().ordered(true));
				stored = documents.size();
				taken = false;
			}
			catch (MongoBulkWriteException ex) {
				// Ordered: the entries before the first error are stored.
				stored = ex.getWriteErrors().isEmpty() ? 0 : ex.getWriteErrors().get(0).getIndex();
				taken = !ex.getWriteErrors().isEmpty()
						&& ex.getWriteErrors().get(0).getCategory() == ErrorCategory.DUPLICATE_KEY;
				if (!taken || attempt >= 1_000) {
					this.head = null;
					settle(pending, documents, stored, ex);
					return;
				}
			}
			catch (RuntimeException ex) {
				this.head = null;
				pending.forEach((write) -> write.fail(ex));
				return;
			}
			for (int i = 0; i < stored; i++) {
				pending.get(i).complete(AuditEntry.of(documents.get(i)));
			}
			if (!taken) {
				this.head = chained;
				return;
			}
			// Another process appended these numbers first: chain onto its entries.
			last = forward((stored > 0) ? Head.of(documents.get(stored - 1)) : last);
			pending = pending.subList(stored, pending.size());
		}
	}

	private void settle(List<GroupCommit.Write<NewEntry, AuditEntry>> pending, List<BsonDocument> documents, int stored,
			RuntimeException failure) {
		for (int i = 0; i < pending.size(); i++) {
			if (i < stored) {
				pending.get(i).complete(AuditEntry.of(documents.get(i)));
			}
			else {
				pending.get(i).fail(failure);
			}
		}
	}

	/** The stored form of an entry, with its hash ({@code hash} is the last field). */
	BsonDocument toDocument(NewEntry entry, long seq, long at, String prevHash) {
		Caller caller = entry.caller();
		BsonDocument document = new BsonDocument(ID, new BsonInt64(seq)).append(AT, new BsonDateTime(at))
			.append(ACTOR, new BsonString(caller.actor()));
		if (caller.displayName() != null) {
			document.append(DISPLAY_NAME, new BsonString(caller.displayName()));
		}
		document.append(ROLES, strings(caller.roles()));
		if (caller.clientId() != null) {
			document.append(CLIENT_ID, new BsonString(caller.clientId()));
		}
		document.append(REQUEST_ID, new BsonString(entry.requestId()))
			.append(KIND, new BsonString(entry.kind()))
			.append(UNIT_IDS, strings(entry.unitIds()));
		if (entry.summary() != null) {
			document.append(SUMMARY, new BsonString(entry.summary()));
		}
		if (entry.input() != null) {
			document.append(INPUT, entry.input());
		}
		if (entry.before() != null) {
			document.append(BEFORE, entry.before());
		}
		if (entry.after() != null) {
			document.append(AFTER, entry.after());
		}
		if (!entry.revisions().isEmpty()) {
			BsonArray revisions = new BsonArray(new ArrayList<>(entry.revisions().size()));
			for (NewEntry.Revision revision : entry.revisions()) {
				revisions.add(new BsonDocument(SUBJECT, new BsonString(revision.subject()))
					.append(REVISION, new BsonInt64(revision.revision()))
					.append(CHANGE, new BsonString(revision.change())));
			}
			document.append(REVISIONS, revisions);
		}
		document.append(OUTCOME, new BsonString(entry.outcome().name()))
			.append(CODES, strings(entry.codes()))
			.append(PREV_HASH, new BsonString(prevHash));
		return document.append(ChainHash.HASH, new BsonString(this.appendHash.of(document)));
	}

	private static BsonArray strings(List<String> values) {
		BsonArray array = new BsonArray(new ArrayList<>(values.size()));
		values.forEach((value) -> array.add(new BsonString(value)));
		return array;
	}

	/** The last entry, including those other processes appended since. */
	Head head() {
		return forward((this.head != null) ? this.head : findHead());
	}

	/** The last entry from {@code known} on, reading forward a chunk at a time. */
	private Head forward(Head known) {
		while (true) {
			List<BsonDocument> next = fetch(known.seq() + 1, known.seq() + this.chunk);
			if (next.isEmpty()) {
				return known;
			}
			long seq = known.seq();
			BsonDocument last = null;
			for (BsonDocument document : next) {
				if (AuditEntry.seqOf(document) == seq + 1) {
					seq++;
					last = document;
				}
			}
			if (last == null) {
				return known;
			}
			known = Head.of(last);
		}
	}

	/**
	 * The highest number present, by doubling then bisecting on single-number lookups (a
	 * few dozen for millions of entries); a log with holes (entries deleted in the store)
	 * may give a number before a hole, which appends then find taken and step over.
	 */
	private Head findHead() {
		if (atOf(1) == null) {
			return Head.EMPTY;
		}
		long present = 1;
		long absent = 2;
		while (atOf(absent) != null) {
			present = absent;
			absent *= 2;
		}
		while (absent - present > 1) {
			long middle = present + (absent - present) / 2;
			if (atOf(middle) != null) {
				present = middle;
			}
			else {
				absent = middle;
			}
		}
		Head found = headAt(present);
		log.info("Audit log: {} entries", found.seq());
		return found;
	}

	private Head headAt(long seq) {
		BsonDocument document = this.collection.find(Filters.eq(ID, seq))
			.projection(Projections.include(AT, ChainHash.HASH))
			.first();
		if (document == null) {
			throw new IllegalStateException("Audit entry " + seq + " disappeared while appending");
		}
		return Head.of(document);
	}

	private @Nullable Instant atOf(long seq) {
		BsonDocument document = this.collection.find(Filters.eq(ID, seq)).projection(Projections.include(AT)).first();
		if (document == null) {
			return null;
		}
		BsonValue at = document.get(AT);
		return (at != null && at.isDateTime()) ? Instant.ofEpochMilli(at.asDateTime().getValue()) : Instant.EPOCH;
	}

	/** Entries {@code from..to} (inclusive) that exist, in order. */
	List<BsonDocument> fetch(long from, long to) {
		if (to < from) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>((int) (to - from + 1));
		for (long seq = from; seq <= to; seq++) {
			ids.add(seq);
		}
		List<BsonDocument> documents = this.collection.find(Filters.in(ID, ids))
			.batchSize(ids.size())
			.into(new ArrayList<>(ids.size()));
		documents.sort(Comparator.comparingLong(AuditEntry::seqOf));
		return documents;
	}

	/**
	 * The entries that stored revisions of {@code subject}, oldest first: who, when and
	 * their {@code revisions} only (not the states before and after, which can be whole
	 * plans).
	 */
	List<BsonDocument> entriesOf(String subject) {
		BsonDocument pointers = this.subjects.find(Filters.eq(ID, subject)).first();
		BsonValue seqs = (pointers != null) ? pointers.get(SEQS) : null;
		if (seqs == null || !seqs.isArray()) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		seqs.asArray().forEach((seq) -> {
			if (seq.isNumber()) {
				ids.add(seq.asNumber().longValue());
			}
		});
		List<BsonDocument> documents = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += this.chunk) {
			List<Long> part = ids.subList(from, Math.min(ids.size(), from + this.chunk));
			this.collection.find(Filters.in(ID, part))
				.projection(Projections.include(ACTOR, AT, REVISIONS))
				.batchSize(part.size())
				.into(documents);
		}
		documents.sort(Comparator.comparingLong(AuditEntry::seqOf));
		return documents;
	}

	/**
	 * Up to {@code limit} entries matching {@code filter}, newest first, numbered below
	 * {@code before} (all when null).
	 */
	List<AuditEntry> newestFirst(AuditFilter filter, @Nullable Long before, int limit) {
		long[] range = range(filter);
		long upper = (before != null) ? Math.min(range[1], before - 1) : range[1];
		List<AuditEntry> found = new ArrayList<>();
		for (long to = upper; to >= range[0] && found.size() < limit; to -= this.chunk) {
			List<BsonDocument> documents = fetch(Math.max(range[0], to - this.chunk + 1), to);
			for (int i = documents.size() - 1; i >= 0 && found.size() < limit; i--) {
				AuditEntry entry = AuditEntry.of(documents.get(i));
				if (filter.matches(entry)) {
					found.add(entry);
				}
			}
		}
		return found;
	}

	/**
	 * Entries matching {@code filter}, oldest first, until {@code consumer} returns
	 * false.
	 */
	void oldestFirst(AuditFilter filter, Predicate<AuditEntry> consumer) {
		long[] range = range(filter);
		for (long from = range[0]; from <= range[1]; from += this.chunk) {
			for (BsonDocument document : fetch(from, Math.min(range[1], from + this.chunk - 1))) {
				AuditEntry entry = AuditEntry.of(document);
				if (filter.matches(entry) && !consumer.test(entry)) {
					return;
				}
			}
		}
	}

	/**
	 * The numbers that can hold entries of the filter's dates: narrowed by binary search
	 * on {@code at}, which never goes down along the chain (the filter is still applied
	 * to every entry, so a log whose times were tampered with is only read more widely).
	 */
	private long[] range(AuditFilter filter) {
		long last = head().seq();
		long first = 1;
		Instant from = filter.fromInstant();
		if (from != null) {
			first = firstAtOrAfter(from, 1, last);
		}
		Instant to = filter.toExclusive();
		if (to != null) {
			last = firstAtOrAfter(to, first, last) - 1;
		}
		return new long[] { first, last };
	}

	/**
	 * The first number in {@code low..high} whose time is at or after {@code instant}.
	 */
	private long firstAtOrAfter(Instant instant, long low, long high) {
		long lo = low;
		long hi = high + 1;
		while (lo < hi) {
			long middle = lo + (hi - lo) / 2;
			Instant at = atOf(middle);
			if (at == null) {
				// A hole: give up narrowing on this side.
				return low;
			}
			if (at.isBefore(instant)) {
				lo = middle + 1;
			}
			else {
				hi = middle;
			}
		}
		return lo;
	}

	/**
	 * Walks the whole chain in order and checks every link: each number present, each
	 * entry's hash matching its content (HMAC with the key; plain SHA-256 only before the
	 * published {@code keyed-from}), each {@code prevHash} matching the entry before, no
	 * document outside the chain, every published head and the anchor (a number and hash
	 * noted earlier), when given.
	 * <p>
	 * A pipeline: a second thread reads and decodes the entries ({@link ChainReader}),
	 * this one hashes and checks them.
	 */
	Verification verify(@Nullable Anchor anchor) {
		long started = System.nanoTime();
		// Counted first: entries appended during the walk only lengthen it.
		long stored = this.collection.estimatedDocumentCount();
		PublishedHeads.Published heads = this.published.read();
		long keyedFrom = heads.keyedFrom();
		Map<Long, List<Head>> headsBySeq = new HashMap<>();
		Head furthest = null;
		for (Head head : heads.heads()) {
			headsBySeq.computeIfAbsent(head.seq(), (seq) -> new ArrayList<>()).add(head);
			if (furthest == null || head.seq() > furthest.seq()) {
				furthest = head;
			}
		}
		ChainHash keyed = this.key.hasher();
		ChainHash unkeyed = new ChainHash();
		String previous = ChainHash.GENESIS;
		long seq = 0;
		Broken broken = null;
		try (ChainReader reader = new ChainReader(this.collection, this.chunk)) {
			walk: for (List<BsonDocument> documents = reader.next(); !documents.isEmpty(); documents = reader.next()) {
				for (BsonDocument document : documents) {
					long next = seq + 1;
					if (AuditEntry.seqOf(document) != next) {
						break walk;
					}
					BsonValue hash = document.get(ChainHash.HASH);
					BsonValue prevHash = document.get(PREV_HASH);
					String text = (hash != null && hash.isString()) ? hash.asString().getValue() : null;
					if (text == null || !((next < keyedFrom) ? unkeyed : keyed).of(document).equals(text)) {
						broken = new Broken(next,
								(text != null && next >= keyedFrom && unkeyed.of(document).equals(text))
										? "Mục " + next
												+ " có mã băm SHA-256 không khóa: đã bị viết lại trong kho bởi người"
												+ " không có khóa của nhật ký."
										: "Mục " + next + " đã bị sửa trong kho: nội dung không khớp mã băm của nó.");
						break walk;
					}
					if (prevHash == null || !prevHash.isString() || !previous.equals(prevHash.asString().getValue())) {
						broken = new Broken(next, (next == 1)
								? "Mục 1 không phải mục đầu tiên của chuỗi (mã băm trước không phải mã khởi đầu)."
								: "Mục " + next + " không nối tiếp mục " + (next - 1) + ": mục " + (next - 1)
										+ " hoặc mục " + next + " đã bị thay, sửa hoặc đổi chỗ.");
						break walk;
					}
					if (anchor != null && anchor.seq() == next && !anchor.hash().equals(text)) {
						broken = new Broken(next, "Mục " + next
								+ " khác với mốc đã ghi nhận: từ mục này trở về trước, chuỗi đã bị viết lại.");
						break walk;
					}
					for (Head head : headsBySeq.getOrDefault(next, List.of())) {
						if (!head.hash().equals(text)) {
							broken = new Broken(next,
									"Mục " + next + " khác với đầu chuỗi đã công bố lúc "
											+ Instant.ofEpochMilli(head.at())
											+ ": chuỗi đã bị viết lại từ mục này trở về trước.");
							break walk;
						}
					}
					previous = text;
					seq = next;
				}
			}
		}
		if (broken == null && seq < stored) {
			broken = new Broken(seq + 1, "Thiếu mục " + (seq + 1) + " (đã bị xóa?): kho có " + stored
					+ " tài liệu nhưng chuỗi dừng ở mục " + seq + ".");
		}
		if (broken == null && anchor != null && anchor.seq() > seq) {
			broken = new Broken(seq + 1, "Chuỗi chỉ có " + seq + " mục nhưng mốc đã ghi nhận là mục " + anchor.seq()
					+ ": các mục cuối đã bị xóa.");
		}
		if (broken == null && furthest != null && furthest.seq() > seq) {
			broken = new Broken(seq + 1, "Chuỗi chỉ có " + seq + " mục nhưng đầu chuỗi đã công bố lúc "
					+ Instant.ofEpochMilli(furthest.at()) + " là mục " + furthest.seq() + ": các mục cuối đã bị xóa.");
		}
		long checked = (broken != null) ? broken.seq() - 1 : seq;
		long durationMs = (System.nanoTime() - started) / 1_000_000;
		return new Verification(checked, broken == null, (broken != null) ? broken.seq() : null,
				(broken != null) ? broken.reason() : null, durationMs, seq, previous, heads.heads().size(), keyedFrom);
	}

	/**
	 * The last entry of the chain.
	 *
	 * @param seq its number, 0 for an empty log
	 * @param hash its hash, {@link ChainHash#GENESIS} for an empty log
	 * @param at its time, epoch milliseconds
	 */
	record Head(long seq, String hash, long at) {

		static final Head EMPTY = new Head(0, ChainHash.GENESIS, 0);

		static Head of(BsonDocument document) {
			BsonValue hash = document.get(ChainHash.HASH);
			BsonValue at = document.get(AT);
			return new Head(AuditEntry.seqOf(document),
					(hash != null && hash.isString()) ? hash.asString().getValue() : "",
					(at != null && at.isDateTime()) ? at.asDateTime().getValue() : 0);
		}

	}

	/**
	 * A number and hash noted outside the system earlier.
	 *
	 * @param seq the entry's number
	 * @param hash its hash then
	 */
	record Anchor(long seq, String hash) {
	}

	/**
	 * @param entries entries found sound, from the first
	 * @param verified whether the whole chain is sound
	 * @param firstBrokenSeq the first entry that fails a check
	 * @param reason what is wrong with it, in Vietnamese
	 * @param durationMs time taken
	 * @param headSeq the last entry reached
	 * @param headHash its hash
	 * @param publishedHeads how many published heads the chain was checked against
	 * @param keyedFrom the first entry whose hash must be keyed (entries before it were
	 * written before the chain was keyed)
	 */
	record Verification(long entries, boolean verified, @Nullable Long firstBrokenSeq, @Nullable String reason,
			long durationMs, long headSeq, String headHash, int publishedHeads, long keyedFrom) {
	}

	private record Broken(long seq, String reason) {
	}

}

package vn.ydan.api.units;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Service;

import vn.ydan.api.protocol.BadRequestException;

/**
 * The public change feed: what partners that copy the registry (and residents' apps)
 * watch for. Kept in the {@code registryChanges} collection, one document per change
 * numbered by a counter in the {@code registry} collection, so that a cursor survives a
 * restart; each change is also pushed to the live {@code registryChanged} subscribers.
 * Recorded once per plan applied and per consultation published (a retry or a second
 * apply records nothing new). The consultations module reports publications here.
 */
@Service
public class RegistryChanges {

	static final String COLLECTION = "registryChanges";

	private static final Logger log = LoggerFactory.getLogger(RegistryChanges.class);

	private static final String PREFIX = "rc|";

	/**
	 * Changes replayed to a new subscriber at most; older ones are read with the query.
	 */
	static final int MAX_REPLAY = 1_000;

	private final MongoCollection<Document> collection;

	private final MongoCollection<Document> counters;

	private final Clock clock;

	private final Sinks.Many<RegistryChange> live = Sinks.many().multicast().directBestEffort();

	@Autowired
	RegistryChanges(MongoDatabaseFactory databases, Clock clock) {
		this(databases.getMongoDatabase(), clock);
	}

	RegistryChanges(MongoDatabase database, Clock clock) {
		this.collection = database.getCollection(COLLECTION);
		this.counters = database.getCollection(RegistryRevision.COLLECTION);
		this.clock = clock;
	}

	/**
	 * Records that the results of a consultation were published (once per consultation).
	 */
	public void resultsPublished(String consultationId, String planId, String title) {
		try {
			record(RegistryChange.Kind.RESULTS_PUBLISHED, planId, consultationId, title, null, null);
		}
		catch (RuntimeException ex) {
			// The results are published: a feed entry missing does not undo that.
			log.warn("Change feed: results of {} published but not recorded: {}", consultationId, ex.toString());
		}
	}

	/** Records that a plan took effect (once per plan). */
	void planApplied(String planId, LocalDate effectiveDate, @Nullable String legalBasis) {
		record(RegistryChange.Kind.PLAN_APPLIED, planId, null, null, effectiveDate, legalBasis);
	}

	/** Changes after {@code cursor} (from the first when null), oldest first. */
	Page page(@Nullable String cursor, int first) {
		long after = sequence(cursor);
		List<RegistryChange> changes = new ArrayList<>(first + 1);
		for (Document document : this.collection.find(Filters.gt("_id", after))
			.sort(Sorts.ascending("_id"))
			.limit(first + 1)) {
			changes.add(read(document));
		}
		boolean hasNext = changes.size() > first;
		return new Page(hasNext ? changes.subList(0, first) : changes, hasNext, after > 0);
	}

	/** Every change recorded from now on. */
	Flux<RegistryChange> live() {
		return this.live.asFlux();
	}

	/**
	 * The changes after {@code cursor} (all of them for an empty cursor), then each new
	 * one: live changes are buffered from before the stored ones are read, so that none
	 * falls between the two (the buffer keeps the last 1,000).
	 */
	Flux<RegistryChange> liveAfter(String cursor) {
		long after = sequence(cursor);
		return Flux.defer(() -> {
			Flux<RegistryChange> buffered = this.live.asFlux().replay(1_000).autoConnect(0);
			List<RegistryChange> stored = new ArrayList<>();
			for (Document document : this.collection.find(Filters.gt("_id", after))
				.sort(Sorts.ascending("_id"))
				.limit(MAX_REPLAY)) {
				stored.add(read(document));
			}
			long last = stored.isEmpty() ? after : stored.get(stored.size() - 1).sequence();
			return Flux.fromIterable(stored).concatWith(buffered.filter((change) -> change.sequence() > last));
		});
	}

	static String cursor(long sequence) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
	}

	private static long sequence(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return 0;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX)) {
				return Long.parseLong(decoded.substring(PREFIX.length()));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new BadRequestException("Invalid cursor: " + cursor);
	}

	private synchronized void record(RegistryChange.Kind kind, String planId, @Nullable String consultationId,
			@Nullable String title, @Nullable LocalDate effectiveDate, @Nullable String legalBasis) {
		Bson same = (consultationId != null)
				? Filters.and(Filters.eq("kind", kind.name()), Filters.eq("consultationId", consultationId))
				: Filters.and(Filters.eq("kind", kind.name()), Filters.eq("planId", planId));
		if (this.collection.find(same).first() != null) {
			return;
		}
		Document counter = this.counters.findOneAndUpdate(Filters.eq("_id", "changes"), Updates.inc("value", 1L),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		long sequence = (counter != null) ? counter.get("value", Number.class).longValue() : 1;
		RegistryChange change = new RegistryChange(sequence, kind, this.clock.instant(), planId, consultationId, title,
				effectiveDate, legalBasis);
		this.collection.insertOne(new Document("_id", sequence).append("kind", kind.name())
			.append("at", change.at().toString())
			.append("planId", planId)
			.append("consultationId", consultationId)
			.append("title", title)
			.append("effectiveDate", (effectiveDate != null) ? effectiveDate.toString() : null)
			.append("legalBasis", legalBasis));
		Sinks.EmitResult result = this.live.tryEmitNext(change);
		if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
			log.warn("Registry change {} not pushed to live subscribers: {}", sequence, result);
		}
	}

	private static RegistryChange read(Document document) {
		String effectiveDate = document.getString("effectiveDate");
		return new RegistryChange(document.get("_id", Number.class).longValue(),
				RegistryChange.Kind.valueOf(document.getString("kind")), Instant.parse(document.getString("at")),
				document.getString("planId"), document.getString("consultationId"), document.getString("title"),
				(effectiveDate != null) ? LocalDate.parse(effectiveDate) : null, document.getString("legalBasis"));
	}

	/**
	 * @param changes the changes of the page
	 * @param hasNext whether changes follow it
	 * @param hasPrevious whether changes precede it
	 */
	record Page(List<RegistryChange> changes, boolean hasNext, boolean hasPrevious) {
	}

}

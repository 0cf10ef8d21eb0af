package vn.ydan.api.consultations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import vn.ydan.api.store.Revisions;

/**
 * The {@code tallies} collection: one document per consultation and residential group,
 * replaced only if its revision is still the one the change was based on.
 */
@Component
class Tallies {

	static final String COLLECTION = "tallies";

	/**
	 * Per consultation, a number that every stored tally raises: api instances that count
	 * results in memory read it to know whether tallies changed through another
	 * ({@link ResultBoard}).
	 */
	static final String REVISIONS = "tallyRevisions";

	private final MongoCollection<Document> collection;

	private final MongoCollection<Document> revisions;

	@Autowired
	Tallies(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	Tallies(MongoDatabase database) {
		this.collection = database.getCollection(COLLECTION);
		this.revisions = database.getCollection(REVISIONS);
	}

	@Nullable Tally find(String consultationId, String groupId) {
		Document document = this.collection.find(Filters.eq("_id", consultationId + "|" + groupId)).first();
		return (document != null) ? fromDocument(document) : null;
	}

	List<Tally> all(String consultationId) {
		List<Tally> all = new ArrayList<>();
		for (Document document : this.collection.find(Filters.eq("consultationId", consultationId))) {
			all.add(fromDocument(document));
		}
		return all;
	}

	boolean save(Tally tally, int expectedRevision) {
		if (!Revisions.save(this.collection, toDocument(tally), expectedRevision)) {
			return false;
		}
		// After the tally: a reader that sees the new number finds the tally stored.
		this.revisions.updateOne(Filters.eq("_id", tally.consultationId()), Updates.inc("revision", 1L),
				new UpdateOptions().upsert(true));
		return true;
	}

	/** The consultation's tallies revision (0 before the first tally). */
	long revision(String consultationId) {
		Document document = this.revisions.find(Filters.eq("_id", consultationId)).first();
		return (document != null) ? document.get("revision", Number.class).longValue() : 0;
	}

	static Document toDocument(Tally tally) {
		List<Document> entries = new ArrayList<>();
		for (Tally.Entry entry : tally.entries()) {
			entries.add(new Document("by", entry.by()).append("at", entry.at().toString())
				.append("counts", entry.counts().toDocument()));
		}
		List<Document> corrections = new ArrayList<>();
		for (Tally.Correction correction : tally.corrections()) {
			corrections.add(correctionDocument(correction));
		}
		Document document = new Document("_id", tally.consultationId() + "|" + tally.groupId())
			.append("consultationId", tally.consultationId())
			.append("communeId", tally.communeId())
			.append("groupId", tally.groupId())
			.append("entries", entries)
			.append("state", tally.state().name())
			.append("corrections", corrections)
			.append("revision", tally.revision());
		if (tally.verified() != null) {
			document.append("verified", tally.verified().toDocument());
		}
		if (tally.pendingCorrection() != null) {
			document.append("pendingCorrection", correctionDocument(tally.pendingCorrection()));
		}
		Tally.Settlement settlement = tally.settlement();
		if (settlement != null) {
			document.append("settlement",
					new Document("by", settlement.by()).append("at", settlement.at().toString())
						.append("reason", settlement.reason())
						.append("counts", settlement.counts().toDocument()));
		}
		return document;
	}

	private static Document correctionDocument(Tally.Correction correction) {
		Document document = new Document("by", correction.by()).append("at", correction.at().toString())
			.append("reason", correction.reason())
			.append("before", correction.before().toDocument())
			.append("after", correction.after().toDocument());
		if (correction.confirmedBy() != null && correction.confirmedAt() != null) {
			document.append("confirmedBy", correction.confirmedBy())
				.append("confirmedAt", correction.confirmedAt().toString());
		}
		return document;
	}

	private static Tally.Correction correctionFrom(Document correction) {
		String confirmedAt = correction.getString("confirmedAt");
		return new Tally.Correction(correction.getString("by"), Instant.parse(correction.getString("at")),
				correction.getString("reason"), PaperCounts.fromDocument(correction.get("before", Document.class)),
				PaperCounts.fromDocument(correction.get("after", Document.class)), correction.getString("confirmedBy"),
				(confirmedAt != null) ? Instant.parse(confirmedAt) : null);
	}

	private static Tally fromDocument(Document document) {
		List<Tally.Entry> entries = new ArrayList<>();
		for (Document entry : document.getList("entries", Document.class)) {
			entries.add(new Tally.Entry(entry.getString("by"), Instant.parse(entry.getString("at")),
					PaperCounts.fromDocument(entry.get("counts", Document.class))));
		}
		List<Tally.Correction> corrections = new ArrayList<>();
		for (Document correction : document.getList("corrections", Document.class)) {
			corrections.add(correctionFrom(correction));
		}
		Document verified = document.get("verified", Document.class);
		Document pending = document.get("pendingCorrection", Document.class);
		Document settlement = document.get("settlement", Document.class);
		return new Tally(document.getString("consultationId"), document.getString("communeId"),
				document.getString("groupId"), entries, Tally.State.valueOf(document.getString("state")),
				(verified != null) ? PaperCounts.fromDocument(verified) : null, corrections,
				document.get("revision", Number.class).intValue(), (pending != null) ? correctionFrom(pending) : null,
				(settlement != null) ? new Tally.Settlement(settlement.getString("by"),
						Instant.parse(settlement.getString("at")), settlement.getString("reason"),
						PaperCounts.fromDocument(settlement.get("counts", Document.class))) : null);
	}

}

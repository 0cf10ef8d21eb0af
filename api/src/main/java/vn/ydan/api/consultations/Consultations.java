package vn.ydan.api.consultations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import vn.ydan.api.units.UnitLevel;

import vn.ydan.api.store.Revisions;

/**
 * The {@code consultations} collection: one document per consultation, replaced whole
 * only if its revision is still the one the change was based on. Read from memory once
 * seen: every answer reads its consultation, a document of hundreds of communes. Memory
 * is a cache that knows when it may be stale: other api instances may change a
 * consultation (close it), so a consultation read from memory is checked against the
 * store's revision (one small read) when it was last checked more than
 * {@code ydan.consultations.refresh-
 * interval} ago (500 ms): a close through one instance is refused by every other within
 * that time and a request (docs/decisions/0017-several-instances.md). Changes read the
 * stored document ({@link #findCurrent}), never memory.
 */
@Component
class Consultations {

	static final String COLLECTION = "consultations";

	private final MongoCollection<Document> collection;

	static final Duration REFRESH_INTERVAL = Duration.ofMillis(500);

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	private final long refreshNanos;

	@Autowired
	Consultations(MongoDatabaseFactory databases,
			@Value("${ydan.consultations.refresh-interval:500ms}") Duration refreshInterval) {
		this(databases.getMongoDatabase(), refreshInterval);
	}

	Consultations(MongoDatabase database) {
		this(database, REFRESH_INTERVAL);
	}

	Consultations(MongoDatabase database, Duration refreshInterval) {
		this.collection = database.getCollection(COLLECTION);
		this.refreshNanos = refreshInterval.toNanos();
	}

	List<Consultation> findAll() {
		List<Consultation> all = new ArrayList<>();
		for (Document document : this.collection.find()) {
			all.add(fromDocument(document));
		}
		all.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
		return all;
	}

	/**
	 * The consultation from memory, checked against the store's revision when last
	 * checked more than the refresh interval ago (by one caller; the others meanwhile get
	 * what memory holds).
	 */
	@Nullable Consultation findById(String id) {
		Known cached = this.known.get(id);
		if (cached == null) {
			return findCurrent(id);
		}
		long now = System.nanoTime();
		if (now - cached.checkedAt() < this.refreshNanos
				|| !this.known.replace(id, cached, new Known(cached.consultation(), now))) {
			return cached.consultation();
		}
		Document stored = this.collection.find(Filters.eq("_id", id))
			.projection(Projections.include("revision"))
			.first();
		if (stored == null) {
			this.known.remove(id);
			return null;
		}
		if (stored.get("revision", Number.class).intValue() == cached.consultation().revision()) {
			return cached.consultation();
		}
		return findCurrent(id);
	}

	/** The consultation as stored now (for a change, which must be based on it). */
	@Nullable Consultation findCurrent(String id) {
		Document document = this.collection.find(Filters.eq("_id", id)).first();
		return (document != null) ? remember(fromDocument(document)) : null;
	}

	/** The plan's consultation of that round (1 for the first), or null. */
	@Nullable Consultation findByPlanAndRound(String planId, int round) {
		Document document = this.collection.find(Filters.eq("roundKey", roundKey(planId, round))).first();
		return (document != null) ? remember(fromDocument(document)) : null;
	}

	/**
	 * The key a unique index holds: one consultation per plan and round, whoever creates
	 * it and however often a request is retried.
	 */
	static String roundKey(String planId, int round) {
		return planId + "|" + round;
	}

	/**
	 * False when another change got there first (or, for a new one, the id or its plan's
	 * round is taken).
	 */
	boolean save(Consultation consultation, int expectedRevision) {
		if (!Revisions.save(this.collection, toDocument(consultation), expectedRevision)) {
			return false;
		}
		remember(consultation);
		return true;
	}

	// The newest revision wins, whichever thread gets here last.
	private Consultation remember(Consultation consultation) {
		Known given = new Known(consultation, System.nanoTime());
		return this.known.merge(consultation.id(), given,
				(known, fresh) -> (fresh.consultation().revision() >= known.consultation().revision()) ? fresh : known)
			.consultation();
	}

	/** A consultation in memory, and when it was last checked against the store. */
	private record Known(Consultation consultation, long checkedAt) {
	}

	static Document toDocument(Consultation consultation) {
		List<Document> units = new ArrayList<>();
		for (Consultation.ConsultedUnit unit : consultation.units()) {
			Document stored = new Document("unitId", unit.unitId()).append("successors", unit.successors())
				.append("nameChoices", unit.nameChoices());
			if (!unit.seatChoices().isEmpty()) {
				stored.append("seatChoices", unit.seatChoices());
			}
			if (unit.province() != null) {
				stored.append("province", new Document("newProvince", unit.province().newProvince())
					.append("nameChoices", unit.province().nameChoices()));
			}
			units.add(stored);
		}
		Document certifications = new Document();
		consultation.certifications()
			.forEach((id, certification) -> certifications.append(id,
					reopening(new Document("level", certification.level().name()).append("by", certification.by())
						.append("at", certification.at().toString()), certification.reopening())));
		Document document = new Document("_id", consultation.id()).append("planId", consultation.planId())
			.append("title", consultation.title())
			.append("opensAt", consultation.opensAt().toString())
			.append("closesAt", consultation.closesAt().toString())
			.append("operator", consultation.rule().operator().name())
			.append("percent", consultation.rule().percent())
			.append("status", consultation.status().name())
			.append("round", consultation.round())
			.append("roundKey", roundKey(consultation.planId(), consultation.round()))
			.append("units", units)
			.append("certifications", certifications)
			.append("revision", consultation.revision())
			.append("createdBy", consultation.createdBy())
			.append("createdAt", consultation.createdAt().toString());
		if (consultation.previousId() != null) {
			document.append("previousId", consultation.previousId());
		}
		return document;
	}

	private static Document reopening(Document certification, Consultation.@Nullable Reopening reopening) {
		if (reopening != null) {
			certification.append("reopening", new Document("by", reopening.by()).append("at", reopening.at().toString())
				.append("reason", reopening.reason()));
		}
		return certification;
	}

	static Consultation fromDocument(Document document) {
		List<Consultation.ConsultedUnit> units = new ArrayList<>();
		for (Document unit : document.getList("units", Document.class)) {
			// Consultations stored before the seat and province questions have neither.
			List<String> seats = unit.getList("seatChoices", String.class);
			Document province = unit.get("province", Document.class);
			units.add(new Consultation.ConsultedUnit(unit.getString("unitId"), unit.getList("successors", String.class),
					unit.getList("nameChoices", String.class), (seats != null) ? seats : List.of(),
					(province != null) ? new Consultation.ProvinceMerger(province.getString("newProvince"),
							province.getList("nameChoices", String.class)) : null));
		}
		Map<String, Consultation.Certification> certifications = new LinkedHashMap<>();
		Document stored = document.get("certifications", Document.class);
		if (stored != null) {
			stored.forEach((id, value) -> {
				Document certification = (Document) value;
				Document reopening = certification.get("reopening", Document.class);
				certifications.put(id,
						new Consultation.Certification(id, UnitLevel.valueOf(certification.getString("level")),
								certification.getString("by"), Instant.parse(certification.getString("at")),
								(reopening != null)
										? new Consultation.Reopening(reopening.getString("by"),
												Instant.parse(reopening.getString("at")), reopening.getString("reason"))
										: null));
			});
		}
		return new Consultation(document.getString("_id"), document.getString("planId"), document.getString("title"),
				Instant.parse(document.getString("opensAt")), Instant.parse(document.getString("closesAt")),
				new PassRule(PassRule.Operator.valueOf(document.getString("operator")),
						document.get("percent", Number.class).doubleValue()),
				ConsultationStatus.valueOf(document.getString("status")), document.getInteger("round"),
				document.getString("previousId"), units, certifications,
				document.get("revision", Number.class).intValue(), document.getString("createdBy"),
				Instant.parse(document.getString("createdAt")));
	}

}

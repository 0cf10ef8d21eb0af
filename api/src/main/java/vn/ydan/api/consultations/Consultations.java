package vn.ydan.api.consultations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import vn.ydan.api.units.UnitLevel;

import vn.ydan.api.store.Revisions;

/**
 * The {@code consultations} collection: one document per consultation, replaced whole
 * only if its revision is still the one the change was based on. Read from memory once
 * seen: every answer reads its consultation, a document of hundreds of communes, and only
 * this api writes the store (docs/decisions/0004).
 */
@Component
class Consultations {

	static final String COLLECTION = "consultations";

	private final MongoCollection<Document> collection;

	private final Map<String, Consultation> known = new ConcurrentHashMap<>();

	@Autowired
	Consultations(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	Consultations(MongoDatabase database) {
		this.collection = database.getCollection(COLLECTION);
	}

	List<Consultation> findAll() {
		List<Consultation> all = new ArrayList<>();
		for (Document document : this.collection.find()) {
			all.add(fromDocument(document));
		}
		all.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
		return all;
	}

	@Nullable Consultation findById(String id) {
		Consultation consultation = this.known.get(id);
		if (consultation != null) {
			return consultation;
		}
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
		return this.known.merge(consultation.id(), consultation,
				(known, given) -> (given.revision() > known.revision()) ? given : known);
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

package vn.ydan.api.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitType;

import vn.ydan.api.store.Revisions;

/**
 * The {@code plans} collection: one document per plan, replaced whole, only if its
 * revision is still the one the change was based on. Each revision as it was, who made it
 * and what changed are in the audit log ({@link PlanService#history}).
 */
@Component
class Plans {

	static final String COLLECTION = "plans";

	private final MongoCollection<Document> plans;

	@Autowired
	Plans(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	Plans(MongoDatabase database) {
		this.plans = database.getCollection(COLLECTION);
	}

	List<Plan> findAll() {
		List<Plan> all = new ArrayList<>();
		for (Document document : this.plans.find().sort(Sorts.descending("createdAt"))) {
			all.add(fromDocument(document));
		}
		return all;
	}

	/** The ids of plans whose apply is RUNNING (by the store's filter, ids only). */
	List<String> applyingIds() {
		List<String> ids = new ArrayList<>();
		for (Document document : this.plans.find(Filters.eq("apply.state", "RUNNING"))
			.projection(Projections.include("_id"))) {
			ids.add(document.getString("_id"));
		}
		return ids;
	}

	@Nullable Plan findById(String id) {
		Document document = this.plans.find(Filters.eq("_id", id)).first();
		return (document != null) ? fromDocument(document) : null;
	}

	/**
	 * Stores {@code plan} if the stored one is still at {@code expectedRevision} (0: if
	 * there is none). False when another change got there first.
	 */
	boolean save(Plan plan, int expectedRevision) {
		return Revisions.save(this.plans, toDocument(plan), expectedRevision);
	}

	/** Records how applying goes; not a new revision. */
	void saveApply(String planId, Plan.ApplyState state) {
		this.plans.updateOne(Filters.eq("_id", planId), Updates.set("apply", applyDocument(state)));
	}

	static Document toDocument(Plan plan) {
		List<Document> units = new ArrayList<>();
		for (ProposedUnit unit : plan.units()) {
			List<Document> components = new ArrayList<>();
			for (PlanComponent component : unit.components()) {
				Document part = new Document("unitId", component.unitId()).append("kind", component.kind().name());
				putIfPresent(part, "areaShare", component.areaShare());
				putIfPresent(part, "populationShare", component.populationShare());
				putIfPresent(part, "householdShare", component.householdShare());
				components.add(part);
			}
			Document document = new Document("key", unit.key());
			putIfPresent(document, "code", unit.code());
			document.append("name", unit.name()).append("fullName", unit.fullName()).append("type", unit.type().name());
			document.append("alternativeNames", unit.alternativeNames());
			putIfPresent(document, "seat", unit.seat());
			putIfPresent(document, "parentId", unit.parentId());
			putIfPresent(document, "parentKey", unit.parentKey());
			putIfPresent(document, "legalClause", unit.legalClause());
			document.append("components", components);
			units.add(document);
		}
		Document document = new Document("_id", plan.id()).append("title", plan.title())
			.append("scopeIds", plan.scopeIds())
			.append("abolishedLevels", plan.abolishedLevels().stream().map(Enum::name).toList())
			.append("status", plan.status().name())
			.append("units", units)
			.append("groupPlacements", new Document(new LinkedHashMap<>(plan.groupPlacements())))
			.append("groupMergers", plan.groupMergers().stream().map(Plans::mergerDocument).toList())
			.append("revision", plan.revision())
			.append("createdBy", plan.createdBy())
			.append("createdAt", plan.createdAt().toString())
			.append("updatedAt", plan.updatedAt().toString());
		putIfPresent(document, "effectiveDate",
				(plan.effectiveDate() != null) ? plan.effectiveDate().toString() : null);
		if (plan.legalBasis() != null) {
			document.append("legalBasis", new Document("number", plan.legalBasis().number()).append("date",
					plan.legalBasis().date().toString()));
		}
		if (plan.apply() != null) {
			document.append("apply", applyDocument(plan.apply()));
		}
		Plan.AdoptionOverride override = plan.adoptionOverride();
		if (override != null) {
			Document overrideDocument = new Document("reason", override.reason()).append("number", override.number())
				.append("date", override.date().toString())
				.append("effectiveDate", override.effectiveDate().toString())
				.append("requestedBy", override.requestedBy())
				.append("requestedAt", override.requestedAt().toString());
			putIfPresent(overrideDocument, "confirmedBy", override.confirmedBy());
			putIfPresent(overrideDocument, "confirmedAt",
					(override.confirmedAt() != null) ? override.confirmedAt().toString() : null);
			document.append("adoptionOverride", overrideDocument);
		}
		return document;
	}

	private static Document mergerDocument(GroupMerger merger) {
		Document document = new Document("key", merger.key()).append("groupIds", merger.groupIds());
		putIfPresent(document, "survivorId", merger.survivorId());
		putIfPresent(document, "name", merger.name());
		putIfPresent(document, "type", (merger.type() != null) ? merger.type().name() : null);
		putIfPresent(document, "code", merger.code());
		return document;
	}

	private static GroupMerger mergerFrom(Document document) {
		String type = document.getString("type");
		return new GroupMerger(document.getString("key"), document.getList("groupIds", String.class),
				document.getString("survivorId"), document.getString("name"),
				(type != null) ? UnitType.valueOf(type) : null, document.getString("code"));
	}

	private static Document applyDocument(Plan.ApplyState state) {
		Document document = new Document("state", state.state()).append("done", state.done())
			.append("total", state.total())
			.append("at", state.at().toString());
		putIfPresent(document, "message", state.message());
		return document;
	}

	static Plan fromDocument(Document document) {
		List<ProposedUnit> units = new ArrayList<>();
		for (Document unit : document.getList("units", Document.class)) {
			List<PlanComponent> components = new ArrayList<>();
			for (Document part : unit.getList("components", Document.class)) {
				components
					.add(new PlanComponent(part.getString("unitId"), ComponentKind.valueOf(part.getString("kind")),
							share(part, "areaShare"), share(part, "populationShare"), share(part, "householdShare")));
			}
			units.add(new ProposedUnit(unit.getString("key"), unit.getString("code"), unit.getString("name"),
					unit.getString("fullName"), UnitType.valueOf(unit.getString("type")),
					unit.getList("alternativeNames", String.class), unit.getString("seat"), unit.getString("parentId"),
					unit.getString("parentKey"), unit.getString("legalClause"), components));
		}
		Map<String, String> placements = new LinkedHashMap<>();
		Document placementDocument = document.get("groupPlacements", Document.class);
		if (placementDocument != null) {
			placementDocument.forEach((group, key) -> placements.put(group, String.valueOf(key)));
		}
		List<GroupMerger> mergers = new ArrayList<>();
		List<Document> mergerDocuments = document.getList("groupMergers", Document.class);
		if (mergerDocuments != null) {
			mergerDocuments.forEach((merger) -> mergers.add(mergerFrom(merger)));
		}
		Document basis = document.get("legalBasis", Document.class);
		Document apply = document.get("apply", Document.class);
		Document override = document.get("adoptionOverride", Document.class);
		String effectiveDate = document.getString("effectiveDate");
		return new Plan(document.getString("_id"), document.getString("title"),
				document.getList("scopeIds", String.class),
				(effectiveDate != null) ? LocalDate.parse(effectiveDate) : null,
				document.getList("abolishedLevels", String.class).stream().map(UnitLevel::valueOf).toList(),
				PlanStatus.valueOf(document.getString("status")),
				(basis != null)
						? new Plan.LegalBasis(basis.getString("number"), LocalDate.parse(basis.getString("date")))
						: null,
				units, placements, mergers, document.get("revision", Number.class).intValue(),
				document.getString("createdBy"), Instant.parse(document.getString("createdAt")),
				Instant.parse(document.getString("updatedAt")),
				(apply != null) ? new Plan.ApplyState(apply.getString("state"), apply.getInteger("done"),
						apply.getInteger("total"), apply.getString("message"), Instant.parse(apply.getString("at")))
						: null,
				(override != null) ? overrideFrom(override) : null);
	}

	private static Plan.AdoptionOverride overrideFrom(Document document) {
		String confirmedAt = document.getString("confirmedAt");
		return new Plan.AdoptionOverride(document.getString("reason"), document.getString("number"),
				LocalDate.parse(document.getString("date")), LocalDate.parse(document.getString("effectiveDate")),
				document.getString("requestedBy"), Instant.parse(document.getString("requestedAt")),
				document.getString("confirmedBy"), (confirmedAt != null) ? Instant.parse(confirmedAt) : null);
	}

	private static @Nullable Double share(Document document, String key) {
		Number value = document.get(key, Number.class);
		return (value != null) ? value.doubleValue() : null;
	}

	private static void putIfPresent(Document document, String key, @Nullable Object value) {
		if (value != null) {
			document.append(key, value);
		}
	}

}

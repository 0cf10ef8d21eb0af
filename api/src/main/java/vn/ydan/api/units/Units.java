package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import vn.ydan.api.store.CommitLater;
import vn.ydan.api.store.Revisions;

/**
 * The {@code units} collection: one document per unit with all its versions. Written with
 * the plain driver, whole documents at a time, so that a write is atomic per unit and a
 * repeated write of the same document is a no-op in effect (upsert by the deterministic
 * id).
 * <p>
 * Besides the versions, each document carries derived fields that only the raw-driver
 * benchmark handler and a future real-MongoDB query path read ({@code codes},
 * {@code search}, {@code sortKey}); the API itself reads from {@link RegistryReadModel}.
 */
@Component
class Units {

	static final String COLLECTION = "units";

	/** Documents per bulk write (one command). */
	static final int BATCH = 1_000;

	private final MongoDatabase database;

	private final MongoCollection<Document> collection;

	@Autowired
	Units(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	Units(MongoDatabase database) {
		this.database = database;
		this.collection = database.getCollection(COLLECTION);
	}

	List<AdministrativeUnit> findAll() {
		List<AdministrativeUnit> units = new ArrayList<>();
		for (Document document : this.collection.find()) {
			units.add(fromDocument(document));
		}
		return units;
	}

	@Nullable AdministrativeUnit findById(String id) {
		Document document = this.collection.find(Filters.eq("_id", id)).first();
		return (document != null) ? fromDocument(document) : null;
	}

	/**
	 * Writes each unit whole, in batches; idempotent, so that a retry after a failure
	 * midway converges. Returns how many batches were written.
	 */
	int saveAll(List<AdministrativeUnit> units) {
		List<List<AdministrativeUnit>> batches = new ArrayList<>();
		for (int from = 0; from < units.size(); from += BATCH) {
			batches.add(units.subList(from, Math.min(units.size(), from + BATCH)));
		}
		// One commit for the whole write, not one per batch: the embedded store rewrites
		// every B-tree page a commit touches, and the batches' random ids touch most of
		// them, so per-batch commits grew with the square of an import
		// (bench/communities).
		try {
			batches.forEach((batch) -> saveBatch(batch, CommitLater.orderedBulk()));
		}
		finally {
			CommitLater.commit(this.database);
		}
		return batches.size();
	}

	void saveBatch(List<AdministrativeUnit> batch) {
		saveBatch(batch, new BulkWriteOptions().ordered(true));
	}

	void saveBatch(List<AdministrativeUnit> batch, BulkWriteOptions options) {
		List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
		ReplaceOptions upsert = new ReplaceOptions().upsert(true);
		for (AdministrativeUnit unit : batch) {
			// A unit's first revision is new to the read model, which mirrors the store:
			// an insert, several times cheaper than an upsert on the embedded store.
			writes.add((unit.revision() == 1) ? new InsertOneModel<>(toDocument(unit))
					: new ReplaceOneModel<>(Filters.eq("_id", unit.id()), toDocument(unit), upsert));
		}
		try {
			this.collection.bulkWrite(writes, options);
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors()
				.stream()
				.anyMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
				throw ex;
			}
			// A new unit is in the store already, unknown to this read model: the same
			// change applied by another api instance that died midway, whose batches this
			// instance resumes (decision 17). Its ids and contents are the same from
			// every
			// writer: the batch is written again whole.
			List<WriteModel<Document>> again = new ArrayList<>(batch.size());
			for (AdministrativeUnit unit : batch) {
				again.add(new ReplaceOneModel<>(Filters.eq("_id", unit.id()), toDocument(unit), upsert));
			}
			this.collection.bulkWrite(again, new BulkWriteOptions().ordered(true));
		}
	}

	/**
	 * Replaces the unit only if its stored revision is still {@code expectedRevision}
	 * (optimistic concurrency across writers); inserts it when {@code expectedRevision}
	 * is 0. Returns false when another writer got there first.
	 */
	boolean replace(AdministrativeUnit unit, int expectedRevision) {
		return Revisions.save(this.collection, toDocument(unit), expectedRevision);
	}

	long count() {
		return this.collection.countDocuments();
	}

	static Document toDocument(AdministrativeUnit unit) {
		List<Document> versions = new ArrayList<>(unit.versions().size());
		List<String> codes = new ArrayList<>();
		for (UnitVersion version : unit.versions()) {
			Document document = new Document();
			putIfPresent(document, "validFrom", date(version.validFrom()));
			putIfPresent(document, "validTo", date(version.validTo()));
			putIfPresent(document, "code", version.code());
			document.append("name", version.name()).append("fullName", version.fullName());
			document.append("type", version.type().name());
			putIfPresent(document, "parentId", version.parentId());
			putIfPresent(document, "areaKm2", version.areaKm2());
			putIfPresent(document, "population", version.population());
			putIfPresent(document, "households", version.households());
			versions.add(document);
			if (version.code() != null && !codes.contains(version.code())) {
				codes.add(version.code());
			}
		}
		return new Document("_id", unit.id()).append("level", unit.level().name())
			.append("revision", unit.revision())
			.append("versions", versions)
			.append("codes", codes)
			.append("search", unit.searchKeys())
			.append("sortKey", unit.sortKey());
	}

	static AdministrativeUnit fromDocument(Document document) {
		List<UnitVersion> versions = new ArrayList<>();
		for (Document version : document.getList("versions", Document.class)) {
			Number area = version.get("areaKm2", Number.class);
			Number population = version.get("population", Number.class);
			Number households = version.get("households", Number.class);
			versions.add(new UnitVersion(date(version.getString("validFrom")), date(version.getString("validTo")),
					version.getString("code"), version.getString("name"), version.getString("fullName"),
					UnitType.valueOf(version.getString("type")), version.getString("parentId"),
					(area != null) ? area.doubleValue() : null, (population != null) ? population.intValue() : null,
					(households != null) ? households.intValue() : null));
		}
		return new AdministrativeUnit(document.getString("_id"), UnitLevel.valueOf(document.getString("level")),
				versions, document.get("revision", Number.class).intValue());
	}

	private static void putIfPresent(Document document, String key, @Nullable Object value) {
		if (value != null) {
			document.append(key, value);
		}
	}

	private static @Nullable String date(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		return (text != null) ? LocalDate.parse(text) : null;
	}

}

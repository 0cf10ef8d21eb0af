package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code unitLineage} collection: one document per predecessor → successor link. Its
 * unique index (see {@link UnitStoreIndexes}) keeps one link per pair and date.
 */
@Component
class Lineages {

	static final String COLLECTION = "unitLineage";

	private final MongoCollection<Document> collection;

	@Autowired
	Lineages(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	Lineages(MongoDatabase database) {
		this.collection = database.getCollection(COLLECTION);
	}

	List<Lineage> findAll() {
		List<Lineage> links = new ArrayList<>();
		for (Document document : this.collection.find()) {
			links.add(new Lineage(document.getString("_id"), document.getString("predecessorId"),
					document.getString("successorId"), LineageRelation.valueOf(document.getString("relation")),
					document.getString("detail"), LocalDate.parse(document.getString("effectiveDate")),
					document.getString("legalBasis")));
		}
		return links;
	}

	/** Writes the links whole in one bulk write; idempotent. */
	void saveAll(List<Lineage> links) {
		if (links.isEmpty()) {
			return;
		}
		List<WriteModel<Document>> writes = new ArrayList<>(links.size());
		ReplaceOptions upsert = new ReplaceOptions().upsert(true);
		for (Lineage link : links) {
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", link.id()), toDocument(link), upsert));
		}
		this.collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
	}

	/** Writes the link whole; idempotent. */
	void save(Lineage link) {
		this.collection.replaceOne(Filters.eq("_id", link.id()), toDocument(link), new ReplaceOptions().upsert(true));
	}

	private static Document toDocument(Lineage link) {
		return new Document("_id", link.id()).append("predecessorId", link.predecessorId())
			.append("successorId", link.successorId())
			.append("relation", link.relation().name())
			.append("detail", link.detail())
			.append("effectiveDate", link.effectiveDate().toString())
			.append("legalBasis", link.legalBasis());
	}

}

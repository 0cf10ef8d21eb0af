package vn.ydan.api.units;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * A counter in the {@code registry} collection, incremented after every write to the
 * registry. An instance whose read model was built at revision r and finds a greater one
 * knows that someone else wrote, and reloads.
 */
@Component
class RegistryRevision {

	static final String COLLECTION = "registry";

	private static final String ID = "revision";

	private final MongoCollection<Document> collection;

	@Autowired
	RegistryRevision(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	RegistryRevision(MongoDatabase database) {
		this.collection = database.getCollection(COLLECTION);
	}

	long current() {
		Document document = this.collection.find(Filters.eq("_id", ID)).first();
		return (document != null) ? document.get("value", Number.class).longValue() : 0;
	}

	long increment() {
		Document document = this.collection.findOneAndUpdate(Filters.eq("_id", ID), Updates.inc("value", 1L),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		return (document != null) ? document.get("value", Number.class).longValue() : 0;
	}

}

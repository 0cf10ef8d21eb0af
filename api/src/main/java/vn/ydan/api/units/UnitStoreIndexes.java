package vn.ydan.api.units;

import org.bson.Document;

import vn.ydan.api.store.StoreIndexes;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;

/**
 * One lineage link per predecessor, successor and date, whoever writes it. Units need no
 * unique index beyond their id: codes are unique per level only on a given day, which no
 * index can say, so imports and edits check it under the registry's write lock.
 */
@Component
class UnitStoreIndexes implements StoreIndexes {

	@Override
	public void ensureIndexes(MongoOperations mongo) {
		mongo.indexOps(Lineages.COLLECTION)
			.createIndex(new CompoundIndexDefinition(
					new Document("predecessorId", 1).append("successorId", 1).append("effectiveDate", 1))
				.unique()
				.named("lineage_link"));
	}

}

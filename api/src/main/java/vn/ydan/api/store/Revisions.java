package vn.ydan.api.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * Optimistic concurrency for aggregates stored whole, one document each with a
 * {@code revision} field: the one write every feature's repository uses, so that two
 * writers based on the same revision never both win.
 */
public final class Revisions {

	private Revisions() {
	}

	/**
	 * Inserts {@code document} when {@code expectedRevision} is 0, else replaces the
	 * stored document with its {@code _id} only if that one is still at
	 * {@code expectedRevision}. Returns false when another writer got there first (or,
	 * for an insert, the id is taken).
	 */
	public static boolean save(MongoCollection<Document> collection, Document document, int expectedRevision) {
		if (expectedRevision == 0) {
			try {
				collection.insertOne(document);
				return true;
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
					return false;
				}
				throw ex;
			}
		}
		return collection
			.replaceOne(Filters.and(Filters.eq("_id", document.get("_id")), Filters.eq("revision", expectedRevision)),
					document)
			.getMatchedCount() == 1;
	}

}

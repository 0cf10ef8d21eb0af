package vn.ydan.api.store;

import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Implemented by a feature module (as a bean) to create the indexes it relies on, unique
 * indexes above all: the stand-in enforces unique indexes but ignores the others, and
 * correctness must come from unique indexes and single-document atomicity only. Runs at
 * startup against both kinds of store, before the web server accepts requests, so it must
 * be idempotent ({@code createIndex} of an existing index is).
 */
public interface StoreIndexes {

	void ensureIndexes(MongoOperations mongo);

}

package vn.ydan.api.store;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StoreIndexes} once all beans exist and before the web server starts
 * (which happens later, when the context's lifecycle starts). No feature declares indexes
 * yet.
 */
@Component
class StoreIndexesAtStartup implements SmartInitializingSingleton {

	private final ObjectProvider<StoreIndexes> indexes;

	private final MongoOperations mongo;

	StoreIndexesAtStartup(ObjectProvider<StoreIndexes> indexes, MongoOperations mongo) {
		this.indexes = indexes;
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.indexes.orderedStream().forEach((declaration) -> declaration.ensureIndexes(this.mongo));
	}

}

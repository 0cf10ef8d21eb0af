package vn.ydan.api.store;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the stand-in whose maps are opened with explicit types: documents as BSON
 * ({@link BsonDocumentType}), index keys compared value by value ({@link IndexKeyType}).
 * Otherwise it keeps mongo-java-server's H2 layout (map names, collection metadata), so
 * {@link StoreFileFormat} can copy a file of the default layout map by map.
 */
final class TypedH2Database extends AbstractSynchronizedMongoDatabase<Object> {

	private final MVStore mvStore;

	TypedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
		super(databaseName, cursorRegistry);
		this.mvStore = mvStore;
		initializeNamespacesAndIndexes();
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		String namespace = getFullCollectionNamespace(collectionName);
		return new OrderedH2Collection(this, collectionName, options,
				StoreFileFormat.documents(this.mvStore, namespace), StoreFileFormat.metadata(this.mvStore, namespace),
				this.cursorRegistry);
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new UniqueIndex(
				StoreFileFormat.index(this.mvStore,
						StoreFileFormat.indexMapName(getFullCollectionNamespace(collectionName), indexName)),
				indexName, keys, sparse);
	}

	@Override
	protected void dropIndex(MongoCollection<Object> collection, String indexName) {
		super.dropIndex(collection, indexName);
		this.mvStore.removeMap(StoreFileFormat.indexMapName(collection.getFullName(), indexName));
	}

	@Override
	public void drop(Oplog oplog) {
		super.drop(oplog);
		this.mvStore.getMapNames()
			.stream()
			.filter((name) -> StoreFileFormat.belongsTo(name, this.databaseName))
			.toList()
			.forEach(this.mvStore::removeMap);
	}

	@Override
	public void dropCollection(String collectionName, Oplog oplog) {
		super.dropCollection(collectionName, oplog);
		String namespace = getFullCollectionNamespace(collectionName);
		this.mvStore.removeMap(StoreFileFormat.DOCUMENTS + namespace);
		this.mvStore.removeMap(StoreFileFormat.METADATA + namespace);
	}

	@Override
	public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
		super.moveCollection(oldDatabase, collection, newCollectionName);
		String from = collection.getFullName();
		String to = getFullCollectionNamespace(newCollectionName);
		this.mvStore.renameMap(StoreFileFormat.documents(this.mvStore, from), StoreFileFormat.DOCUMENTS + to);
		this.mvStore.renameMap(StoreFileFormat.metadata(this.mvStore, from), StoreFileFormat.METADATA + to);
	}

	@Override
	protected long getStorageSize() {
		return (this.mvStore.getFileStore() != null) ? this.mvStore.getFileStore().size() : 0;
	}

	@Override
	protected long getFileSize() {
		return getStorageSize();
	}

	/** A unique index kept in one typed map: key to the document's position (its id). */
	private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

		private final MVMap<KeyValue, Object> map;

		UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
			super(name, keys, sparse);
			this.map = map;
		}

		@Override
		protected Object removeDocument(KeyValue key) {
			return this.map.remove(key);
		}

		@Override
		protected boolean putKeyPosition(KeyValue key, Object position) {
			return this.map.putIfAbsent(key, Missing.ofNullable(position)) == null;
		}

		@Override
		protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
			return this.map.entrySet();
		}

		@Override
		protected Object getPosition(KeyValue key) {
			return this.map.get(key);
		}

		@Override
		public long getCount() {
			return this.map.sizeAsLong();
		}

		@Override
		public boolean isEmpty() {
			return this.map.isEmpty();
		}

		@Override
		public long getDataSize() {
			return getCount();
		}

	}

}

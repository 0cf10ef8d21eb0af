package vn.ydan.api.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * A collection of the stand-in that streams a query sorted on {@code _id} from its map,
 * in key order, as MongoDB streams it from the {@code _id} index. mongo-java-server
 * answers such a query by reading, matching and sorting the whole collection in the heap
 * before the first batch (out of memory for a million audit entries, bench/audit), so the
 * api could only walk the audit chain by {@code _id $in} chunks there. Here the first
 * batch is read from the lower bound of the query, and a cursor reads the rest as the
 * client asks for it.
 * <p>
 * Only where the map's order is MongoDB's: every {@code _id} of the collection a
 * {@link Long} (H2 orders keys by type first, so a first and last key both {@code Long}
 * leave no other type between them), ascending, without skip or projection. Everything
 * else goes the stand-in's own way.
 */
final class OrderedH2Collection extends H2Collection {

	private static final String ID = "_id";

	/** MongoDB's first batch when the client names none. */
	private static final int DEFAULT_FIRST_BATCH = 101;

	private final MVMap<Object, Document> documents;

	OrderedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> documents, MVMap<String, Object> metadata, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, documents, metadata, cursorRegistry);
		this.documents = documents;
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		if (!ascendingById(orderBy) || numberToSkip > 0 || (fieldSelector != null && !fieldSelector.isEmpty())
				|| !longKeyed()) {
			return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		Matches matches = new Matches(this.documents.cursor(lowerBound(query)), query, upperBound(query), limit);
		List<Document> first = matches.take((batchSize > 0) ? batchSize : DEFAULT_FIRST_BATCH);
		if (!matches.hasNext()) {
			return new QueryResult(first);
		}
		Rest rest = new Rest(this.cursorRegistry.generateCursorId(), matches);
		this.cursorRegistry.add(rest);
		return new QueryResult(first, rest);
	}

	private boolean longKeyed() {
		return this.documents.firstKey() instanceof Long && this.documents.lastKey() instanceof Long;
	}

	private static boolean ascendingById(@Nullable Document orderBy) {
		return orderBy != null && orderBy.size() == 1 && orderBy.get(ID) instanceof Number direction
				&& direction.intValue() == 1;
	}

	/** Where to start: at or below the smallest {@code _id} the query can match. */
	private static @Nullable Long lowerBound(Document query) {
		Number bound = bound(query, "$gte", "$gt");
		return (bound != null) ? (long) Math.floor(bound.doubleValue()) : null;
	}

	/**
	 * Where to stop: past the largest {@code _id} the query can match; none if it has no
	 * such bound.
	 */
	private static @Nullable Double upperBound(Document query) {
		Number bound = bound(query, "$lte", "$lt");
		return (bound != null) ? bound.doubleValue() : null;
	}

	private static @Nullable Number bound(Document query, String inclusive, String exclusive) {
		if (query.get(ID) instanceof Document range) {
			if (range.get(inclusive) instanceof Number number) {
				return number;
			}
			if (range.get(exclusive) instanceof Number number) {
				return number;
			}
		}
		return null;
	}

	/**
	 * The documents of the query in key order, read from the map as they are asked for.
	 */
	private final class Matches implements Iterator<Document> {

		private final Cursor<Object, Document> cursor;

		private final Document query;

		private final @Nullable Double upperBound;

		private final int limit;

		private int returned;

		private @Nullable Document next;

		Matches(Cursor<Object, Document> cursor, Document query, @Nullable Double upperBound, int limit) {
			this.cursor = cursor;
			this.query = query;
			this.upperBound = upperBound;
			this.limit = limit;
		}

		@Override
		public boolean hasNext() {
			if (this.next != null) {
				return true;
			}
			if (this.limit > 0 && this.returned >= this.limit) {
				return false;
			}
			while (this.cursor.hasNext()) {
				Object key = this.cursor.next();
				if (this.upperBound != null && ((Long) key) > this.upperBound) {
					return false;
				}
				Document document = this.cursor.getValue();
				if (documentMatchesQuery(document, this.query)) {
					this.next = document;
					return true;
				}
			}
			return false;
		}

		@Override
		public Document next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Document document = this.next;
			this.next = null;
			this.returned++;
			return document;
		}

		List<Document> take(int count) {
			List<Document> taken = new ArrayList<>(Math.min(count, 1024));
			while (taken.size() < count && hasNext()) {
				taken.add(next());
			}
			return taken;
		}

	}

	/** The rest of a query's documents, for the client's {@code getMore}s. */
	private static final class Rest extends AbstractCursor {

		private final Matches matches;

		Rest(long id, Matches matches) {
			super(id);
			this.matches = matches;
		}

		@Override
		public boolean isEmpty() {
			return !this.matches.hasNext();
		}

		@Override
		public List<Document> takeDocuments(int numberToReturn) {
			return this.matches.take(numberToReturn);
		}

	}

}

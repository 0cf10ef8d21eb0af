package vn.ydan.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.BsonDocument;

/**
 * Reads the chain in order on a thread of its own, a few batches ahead of the one that
 * checks it: the store's work and the driver's decoding overlap with the hashing, the two
 * halves of a verification's time.
 * <p>
 * The batches are the entries in order of number, read with one cursor sorted on
 * {@code _id}; after a missing number the cursor goes on, and the checker stops at the
 * gap.
 */
final class ChainReader implements AutoCloseable {

	/** Batches read ahead: enough to ride out a pause of either side, little memory. */
	private static final int AHEAD = 4;

	private static final List<BsonDocument> END = List.of();

	private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(AHEAD);

	private final Thread thread;

	private volatile boolean closed;

	ChainReader(MongoCollection<BsonDocument> collection, int chunk) {
		this.thread = Thread.ofPlatform().daemon().name("audit-verify-reader").unstarted(() -> {
			try {
				readSorted(collection, chunk);
				put(END);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				try {
					put(ex);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		});
		this.thread.start();
	}

	private void readSorted(MongoCollection<BsonDocument> collection, int chunk) throws InterruptedException {
		try (MongoCursor<BsonDocument> cursor = collection.find(Filters.gt(AuditLog.ID, 0L))
			.sort(Sorts.ascending(AuditLog.ID))
			.batchSize(chunk)
			.iterator()) {
			List<BsonDocument> batch = new ArrayList<>(chunk);
			while (!this.closed && cursor.hasNext()) {
				batch.add(cursor.next());
				if (batch.size() == chunk) {
					put(batch);
					batch = new ArrayList<>(chunk);
				}
			}
			if (!batch.isEmpty()) {
				put(batch);
			}
		}
	}

	private void put(Object batch) throws InterruptedException {
		while (!this.closed) {
			if (this.batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
				return;
			}
		}
	}

	/**
	 * The next batch, in order; empty at the end.
	 * @throws RuntimeException what the store threw while reading
	 */
	@SuppressWarnings("unchecked")
	List<BsonDocument> next() {
		Object batch;
		try {
			batch = this.batches.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while verifying the audit log", ex);
		}
		if (batch instanceof RuntimeException ex) {
			this.batches.offer(batch);
			throw ex;
		}
		if (batch == END) {
			this.batches.offer(END);
		}
		return (List<BsonDocument>) batch;
	}

	/** Stops reading (the checker found a break, or is done). */
	@Override
	public void close() {
		this.closed = true;
		this.batches.clear();
	}

}

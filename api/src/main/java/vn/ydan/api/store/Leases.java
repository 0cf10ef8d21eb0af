package vn.ydan.api.store;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Exclusive jobs across api instances (applying a plan, freezing a register, loading the
 * demo data): a lease is one document of the {@code leases} collection, {@code _id} the
 * job, with its holder (this instance) and when it expires. The holder renews it every
 * third of its time while the job runs and deletes it at the end; a holder that dies
 * (kill -9, a lost machine) stops renewing, and once the lease has expired another
 * instance may take it and resume the job, which is why every leased job is idempotent.
 * <p>
 * Taking a lease is one write the store decides alone: an insert of the {@code _id} (the
 * unique key refuses a second), or, over an expired lease, a replace conditioned on its
 * expiry. Expiry is compared on each instance's clock: clocks must agree (NTP) within a
 * small part of the lease time (docs/decisions/0017-several-instances.md).
 */
@Component
public class Leases implements DisposableBean {

	static final String COLLECTION = "leases";

	/** How long a lease lasts without renewal; a dead holder's job resumes after it. */
	public static final Duration DEFAULT_TIME = Duration.ofSeconds(15);

	private static final Logger log = LoggerFactory.getLogger(Leases.class);

	private final MongoCollection<Document> collection;

	private final Clock clock;

	private final String instance;

	private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "lease-renewals");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	Leases(MongoDatabaseFactory databases, Clock clock) {
		this(databases.getMongoDatabase(), clock);
	}

	public Leases(MongoDatabase database, Clock clock) {
		this.collection = database.getCollection(COLLECTION);
		this.clock = clock;
		// Distinct per process, also for two processes of one host with the same pid
		// (containers).
		this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	/** This instance, as leases name their holder. */
	public String instance() {
		return this.instance;
	}

	/**
	 * Takes the lease {@code name} for {@code time} when nobody holds it (or its holder
	 * let it expire); null when it is held, by another instance or by this one (not
	 * reentrant: a job runs once). The lease is renewed until {@link Lease#close()
	 * closed}.
	 */
	public @Nullable Lease tryAcquire(String name, Duration time) {
		long now = this.clock.millis();
		Document lease = new Document("_id", name).append("holder", this.instance)
			.append("expiresAt", now + time.toMillis())
			.append("acquiredAt", now);
		try {
			this.collection.insertOne(lease);
			return held(name, time);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		boolean taken = this.collection
			.replaceOne(Filters.and(Filters.eq("_id", name), Filters.lt("expiresAt", now)), lease)
			.getMatchedCount() == 1;
		if (!taken) {
			return null;
		}
		log.info("Took over the lease {} (its holder let it expire)", name);
		return held(name, time);
	}

	/** {@link #tryAcquire} with the default time. */
	public @Nullable Lease tryAcquire(String name) {
		return tryAcquire(name, DEFAULT_TIME);
	}

	/**
	 * Runs {@code job} under the lease {@code name}, waiting (up to {@code patience})
	 * while another instance holds it; returns what the job returned, or null when the
	 * wait was over first. For start-up work that one instance does for all (the demo
	 * data): the job runs after the other instance's, and finds its work done.
	 */
	public <T> @Nullable T runExclusively(String name, Duration patience, Supplier<T> job) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			Lease lease = tryAcquire(name);
			if (lease != null) {
				try (lease) {
					return job.get();
				}
			}
			if (System.nanoTime() > deadline) {
				log.warn("Gave up waiting for the lease {} after {}", name, patience);
				return null;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	/** The instance holding {@code name} now, or null when it is free or expired. */
	public @Nullable String holder(String name) {
		Document lease = this.collection.find(Filters.eq("_id", name)).first();
		if (lease == null || lease.get("expiresAt", Number.class).longValue() < this.clock.millis()) {
			return null;
		}
		return lease.getString("holder");
	}

	/**
	 * The leases named {@code prefix…} whose holder let them expire (it died while its
	 * job ran): the jobs to resume. Reads the {@code leases} collection only, a few
	 * documents.
	 */
	public List<String> expired(String prefix) {
		List<String> names = new ArrayList<>();
		for (Document lease : this.collection.find(Filters.lt("expiresAt", this.clock.millis()))) {
			String name = lease.getString("_id");
			if (name.startsWith(prefix)) {
				names.add(name);
			}
		}
		return names;
	}

	private Lease held(String name, Duration time) {
		long period = Math.max(1, time.toMillis() / 3);
		Lease lease = new Lease(name);
		lease.renewal = this.renewals.scheduleAtFixedRate(() -> renew(lease, time), period, period,
				TimeUnit.MILLISECONDS);
		return lease;
	}

	private void renew(Lease lease, Duration time) {
		try {
			boolean renewed = this.collection
				.updateOne(Filters.and(Filters.eq("_id", lease.name), Filters.eq("holder", this.instance)),
						Updates.set("expiresAt", this.clock.millis() + time.toMillis()))
				.getMatchedCount() == 1;
			if (!renewed) {
				// Expired while this instance could not reach the store, and taken: the
				// job's idempotent writes converge with the new holder's.
				log.warn("Lost the lease {} to another instance", lease.name);
				lease.lost = true;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the lease {}: {}", lease.name, ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.renewals.shutdownNow();
	}

	/** A lease this instance holds, renewed until closed; closing deletes it. */
	public final class Lease implements AutoCloseable {

		private final String name;

		private volatile @Nullable ScheduledFuture<?> renewal;

		private volatile boolean lost;

		private Lease(String name) {
			this.name = name;
		}

		/** Whether another instance took it over (this one failed to renew in time). */
		public boolean lost() {
			return this.lost;
		}

		@Override
		public void close() {
			ScheduledFuture<?> renewing = this.renewal;
			if (renewing != null) {
				renewing.cancel(false);
			}
			try {
				Leases.this.collection
					.deleteOne(Filters.and(Filters.eq("_id", this.name), Filters.eq("holder", Leases.this.instance)));
			}
			catch (RuntimeException ex) {
				// It expires by itself.
				log.warn("Could not release the lease {}: {}", this.name, ex.toString());
			}
		}

	}

}

package vn.ydan.api.units;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The read model: the whole registry in memory ({@link Snapshot}), loaded from MongoDB at
 * start-up and updated by this process's writes, which all pass through
 * {@link #exclusively}. Inside the units module only; other modules read the registry
 * through {@link UnitRegistry}.
 * <p>
 * <strong>One writer per registry.</strong> Several API instances on one database would
 * each see only their own writes. Every write increments the {@code registry} revision
 * document; a background check compares it with the snapshot's every
 * {@code ydan.units.revision-check-interval} (5 s; 0 turns it off) and reloads on a
 * difference, so another instance's writes show up within that interval. Reads themselves
 * never touch the store. Writes from two instances are still serialized only per unit
 * (optimistic revision check on {@code updateUnit}); imports from two instances at once
 * are not supported.
 */
@Component
class RegistryReadModel implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RegistryReadModel.class);

	private final Units units;

	private final Lineages lineages;

	private final RegistryRevision revisions;

	private final Duration checkInterval;

	private final Object writeLock = new Object();

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	/** Set when a write failed midway: the store may hold what the read model lacks. */
	private volatile boolean stale;

	private @Nullable ScheduledExecutorService checker;

	RegistryReadModel(Units units, Lineages lineages, RegistryRevision revisions,
			@Value("${ydan.units.revision-check-interval:5s}") Duration checkInterval) {
		this.units = units;
		this.lineages = lineages;
		this.revisions = revisions;
		this.checkInterval = checkInterval;
	}

	Snapshot current() {
		return this.snapshot;
	}

	/**
	 * Reads the whole registry from the store (at start-up, and after a failed write).
	 */
	void reload() {
		synchronized (this.writeLock) {
			long started = System.nanoTime();
			long revision = this.revisions.current();
			List<AdministrativeUnit> all = this.units.findAll();
			List<Lineage> links = this.lineages.findAll();
			this.snapshot = Snapshot.of(all, links, revision);
			log.info("Registry loaded: {} units, {} lineage links, revision {} ({} ms)", all.size(), links.size(),
					revision, (System.nanoTime() - started) / 1_000_000);
		}
	}

	/** Runs a write: one at a time in this process, so that checks and writes agree. */
	<T> T exclusively(Supplier<T> write) {
		synchronized (this.writeLock) {
			return write.get();
		}
	}

	/**
	 * Called (inside {@link #exclusively}) after {@code written} units were stored: bumps
	 * the revision and folds them into the read model, or reloads everything when the
	 * revision shows that another instance wrote too.
	 */
	void written(Collection<AdministrativeUnit> written) {
		long revision = this.revisions.increment();
		Snapshot before = this.snapshot;
		if (revision == before.revision() + 1) {
			this.snapshot = before.with(written, revision);
		}
		else {
			reload();
		}
	}

	/**
	 * Called (inside {@link #exclusively}) before a write that builds on the read model:
	 * reads the store again only when the read model may lag it (a failed write, or
	 * another instance's revision).
	 */
	void reloadIfStale() {
		if (this.stale || this.revisions.current() != this.snapshot.revision()) {
			reload();
			this.stale = false;
		}
	}

	/** Called when a write failed midway. */
	void markStale() {
		this.stale = true;
	}

	/**
	 * Called (inside {@link #exclusively}) after a restructuring stored {@code written}
	 * units and {@code links}: bumps the revision and folds them into the read model, or
	 * reloads everything when the revision shows that another instance wrote too.
	 */
	void written(Collection<AdministrativeUnit> written, Collection<Lineage> links) {
		long revision = this.revisions.increment();
		Snapshot before = this.snapshot;
		if (revision == before.revision() + 1) {
			this.snapshot = before.with(written, links, revision);
		}
		else {
			reload();
		}
	}

	/**
	 * Called (inside {@link #exclusively}) after a change written straight to the store:
	 * bumps the revision and reads everything again.
	 */
	void bumpAndReload() {
		this.revisions.increment();
		reload();
	}

	/** Stores lineage links and reloads. */
	void record(Collection<Lineage> links) {
		exclusively(() -> {
			links.forEach(this.lineages::save);
			this.revisions.increment();
			reload();
			return null;
		});
	}

	private void checkRevision() {
		try {
			if (this.revisions.current() == this.snapshot.revision()) {
				return;
			}
			// Checked again under the write lock: this process's own write bumps the
			// revision before it swaps its snapshot in, and a check in between would
			// read the whole registry again for nothing (with the nation's residential
			// groups, a second copy of it in memory: bench/communities).
			synchronized (this.writeLock) {
				if (this.revisions.current() != this.snapshot.revision()) {
					log.info("Registry changed in the store (another instance?): reloading");
					reload();
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Registry revision check failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		if (this.checkInterval.isZero() || this.checkInterval.isNegative()) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "registry-revision-check");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.checkInterval.toMillis();
		executor.scheduleWithFixedDelay(this::checkRevision, millis, millis, TimeUnit.MILLISECONDS);
		this.checker = executor;
	}

	@Override
	public void stop() {
		if (this.checker != null) {
			this.checker.shutdownNow();
			this.checker = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.checker != null;
	}

}

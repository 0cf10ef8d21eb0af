package vn.ydan.api.plans;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.ydan.api.store.Leases;

/**
 * Applying a plan runs here, on one background thread, not on the request: a national
 * reform writes tens of thousands of units and would outlive any request timeout. The
 * request waits a little ({@code ydan.plans.apply-wait}, below the request timeout) so
 * that a small plan answers at once; a larger one answers RUNNING and is followed through
 * {@code Plan.applyProgress} or the {@code planApplyProgress} subscription. One thread:
 * restructurings are serialized by the registry anyway, and a second request for the same
 * plan joins the job that runs.
 */
@Component
class PlanApplyJobs {

	private static final Logger log = LoggerFactory.getLogger(PlanApplyJobs.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "plan-apply");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

	private static final String LEASE_PREFIX = "applyPlan:";

	private final Duration wait;

	private final Leases leases;

	PlanApplyJobs(@Value("${ydan.plans.apply-wait:8s}") Duration wait, Leases leases) {
		this.wait = wait;
		this.leases = leases;
	}

	/**
	 * Starts {@code job} for the plan unless one runs for it already, here or in another
	 * api instance: the job holds the plan's lease in the store while it runs
	 * ({@link Leases}), so that an apply started twice, through two instances, runs once;
	 * and when its holder dies, the lease expires and another instance resumes it
	 * ({@link InterruptedApplies}). Returns whether this call started it.
	 */
	boolean start(String planId, Runnable job) {
		boolean[] started = { false };
		this.running.computeIfAbsent(planId, (id) -> {
			Leases.Lease lease = this.leases.tryAcquire(leaseName(id));
			if (lease == null) {
				return null;
			}
			started[0] = true;
			return CompletableFuture.runAsync(() -> {
				try (lease) {
					job.run();
				}
				catch (RuntimeException ex) {
					log.error("Applying plan {} failed", planId, ex);
				}
				finally {
					this.running.remove(planId);
				}
			}, this.executor);
		});
		return started[0];
	}

	/** Whether the plan's apply runs, in this instance or (by its lease) another. */
	boolean isRunning(String planId) {
		return this.running.containsKey(planId) || this.leases.holder(leaseName(planId)) != null;
	}

	/**
	 * Plans whose apply's lease expired: its holder died while it ran (a few documents
	 * read, not the plans).
	 */
	List<String> abandoned() {
		return this.leases.expired(LEASE_PREFIX).stream().map((name) -> name.substring(LEASE_PREFIX.length())).toList();
	}

	private static String leaseName(String planId) {
		return LEASE_PREFIX + planId;
	}

	/** Waits until the plan's job ends or the wait is over, whichever comes first. */
	void awaitBriefly(String planId) {
		CompletableFuture<Void> job = this.running.get(planId);
		if (job == null) {
			return;
		}
		try {
			job.get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// Still running: the caller answers RUNNING.
		}
		catch (ExecutionException ex) {
			// Reported by the job as FAILED.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

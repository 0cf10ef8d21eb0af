package vn.ydan.api.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes the chain's head outside the store ({@link PublishedHeads}) without anyone
 * asking: at start (after making sure the chain is keyed), every
 * {@code ydan.audit.publish-interval} when it moved, and at shutdown. Starts before the
 * web server (phase 0) and stops after it, so that the first request finds a keyed chain
 * and the last entry of a run is published.
 */
@Component
class AuditHeadPublisher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditHeadPublisher.class);

	private final AuditLog auditLog;

	private final Duration interval;

	private @Nullable ScheduledExecutorService timer;

	private volatile AuditLog.@Nullable Head last;

	AuditHeadPublisher(AuditLog auditLog, @Value("${ydan.audit.publish-interval}") Duration interval) {
		this.auditLog = auditLog;
		this.interval = interval;
	}

	/** Whether the chain is known to go on keyed (else tried again before publishing). */
	private boolean keyed;

	private boolean running;

	@Override
	public synchronized void start() {
		this.running = true;
		publish();
		if (!this.interval.isZero() && !this.interval.isNegative()) {
			this.timer = Executors
				.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("audit-head-publisher").factory());
			this.timer.scheduleWithFixedDelay(this::publish, this.interval.toMillis(), this.interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/** Publishes the head if it moved since the last time; never throws. */
	synchronized void publish() {
		try {
			if (!this.keyed) {
				// At start; again later if the store did not answer then (MongoDB down).
				this.auditLog.startKeyedChain();
				this.keyed = true;
			}
			this.last = this.auditLog.publishHead(this.last);
		}
		catch (RuntimeException ex) {
			log.error("Could not publish the audit log's head to {}", this.auditLog.published().file(), ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
		publish();
		this.running = false;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}

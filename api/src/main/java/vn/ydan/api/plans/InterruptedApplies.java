package vn.ydan.api.plans;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When the api starts, resumes the applies that a stop interrupted (plans adopted with
 * their apply still RUNNING): applying is idempotent, so the job finishes what it began.
 * After the demo data, which may create plans. Then every
 * {@code ydan.plans.resume-check-interval} (10 s; 0: never) the applies whose holder,
 * another api instance, died: their lease expired, and this instance takes it over
 * ({@link PlanApplyJobs}). The check reads the few documents of the {@code leases}
 * collection, not the plans.
 */
@Component
@Order(3)
class InterruptedApplies implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(InterruptedApplies.class);

	private final PlanService service;

	private final PlanApplyJobs jobs;

	private final Duration interval;

	private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "interrupted-applies");
		thread.setDaemon(true);
		return thread;
	});

	InterruptedApplies(PlanService service, PlanApplyJobs jobs,
			@Value("${ydan.plans.resume-check-interval:10s}") Duration interval) {
		this.service = service;
		this.jobs = jobs;
		this.interval = interval;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.service.resumeInterruptedApplies();
		if (!this.interval.isZero()) {
			long period = this.interval.toMillis();
			this.checks.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
		}
	}

	private void check() {
		try {
			this.jobs.abandoned().forEach(this.service::resumeInterruptedApply);
		}
		catch (RuntimeException ex) {
			log.warn("Could not check for interrupted applies: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.checks.shutdownNow();
	}

}

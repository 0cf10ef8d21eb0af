package vn.ydan.api.plans;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When the api starts, resumes the applies that a stop interrupted (plans adopted with
 * their apply still RUNNING): applying is idempotent, so the job finishes what it began.
 * After the demo data, which may create plans.
 */
@Component
@Order(3)
class InterruptedApplies implements ApplicationRunner {

	private final PlanService service;

	InterruptedApplies(PlanService service) {
		this.service = service;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.service.resumeInterruptedApplies();
	}

}

package vn.ydan.api.plans;

import java.time.Duration;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import vn.ydan.api.protocol.NotFoundException;

/**
 * Following a plan's apply job ({@code Subscription.planApplyProgress}): its progress at
 * once, then each time it changes, until it is done or failed.
 */
@Controller
class PlanApplyProgressGraphQl {

	private static final Duration INTERVAL = Duration.ofMillis(500);

	private final PlanService service;

	PlanApplyProgressGraphQl(PlanService service) {
		this.service = service;
	}

	@SubscriptionMapping
	Flux<Plan.ApplyState> planApplyProgress(@Argument String planId) {
		if (this.service.visible(planId) == null) {
			throw new NotFoundException("Không tìm thấy phương án " + planId);
		}
		return Flux.interval(Duration.ZERO, INTERVAL, Schedulers.boundedElastic())
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.justOrEmpty(state(planId)))
			.distinctUntilChanged((state) -> state.state() + "|" + state.done() + "|" + state.total())
			.takeUntil((state) -> "DONE".equals(state.state()) || "FAILED".equals(state.state()));
	}

	private Plan.ApplyState state(String planId) {
		Plan plan = this.service.find(planId);
		return (plan != null) ? Objects.requireNonNullElse(plan.apply(), NOT_STARTED) : NOT_STARTED;
	}

	private static final Plan.ApplyState NOT_STARTED = new Plan.ApplyState("NOT_STARTED", 0, 0, null,
			java.time.Instant.EPOCH);

}

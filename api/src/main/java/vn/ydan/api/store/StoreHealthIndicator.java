package vn.ydan.api.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code store} health component. Replaces Boot's MongoDB indicator (disabled in
 * {@code application.properties}), which sends {@code hello}: the stand-in does not know
 * it and would always be reported DOWN.
 */
@Component
class StoreHealthIndicator implements HealthIndicator {

	private final StoreProbe probe;

	StoreHealthIndicator(StoreProbe probe) {
		this.probe = probe;
	}

	@Override
	public Health health() {
		StoreStatus status = this.probe.check();
		Health.Builder health = (status.status() == Availability.UP) ? Health.up() : Health.down();
		health.withDetail("kind", status.kind());
		if (status.collections() != null) {
			health.withDetail("collections", status.collections());
		}
		if (status.problem() != null) {
			health.withDetail("problem", status.problem());
		}
		return health.build();
	}

}

package vn.ydan.admin.plans;

import java.util.List;
import java.util.Locale;

/** Where a plan stands, as the api names it; only drafts can be edited. */
public enum PlanStatus {

	DRAFT, PUBLISHED, IN_CONSULTATION, CONSULTED, ADOPTED, IN_EFFECT, WITHDRAWN;

	public String translationKey() {
		return "plans.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public boolean editable() {
		return this == DRAFT;
	}

	/**
	 * The statuses {@code changePlanStatus} moves to from here; adoption and applying
	 * have their own steps.
	 */
	public List<PlanStatus> next() {
		return switch (this) {
			case DRAFT -> List.of(PUBLISHED, WITHDRAWN);
			case PUBLISHED -> List.of(IN_CONSULTATION, WITHDRAWN);
			case IN_CONSULTATION -> List.of(CONSULTED, WITHDRAWN);
			case CONSULTED -> List.of(WITHDRAWN);
			case ADOPTED, IN_EFFECT, WITHDRAWN -> List.of();
		};
	}

}

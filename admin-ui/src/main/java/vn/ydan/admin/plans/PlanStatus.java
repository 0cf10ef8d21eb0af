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
	 * The statuses {@code changePlanStatus} moves to from here. A plan goes into
	 * consultation and is consulted by its consultation's steps (opening it, publishing
	 * its results), never by hand; adoption and applying have their own steps.
	 */
	public List<PlanStatus> next() {
		return switch (this) {
			case DRAFT -> List.of(PUBLISHED, WITHDRAWN);
			case PUBLISHED, IN_CONSULTATION, CONSULTED -> List.of(WITHDRAWN);
			case ADOPTED, IN_EFFECT, WITHDRAWN -> List.of();
		};
	}

	/**
	 * Whether the plan may be adopted: with its consultation's results published, or
	 * before by an override that two people make.
	 */
	public boolean adoptable() {
		return this == PUBLISHED || this == IN_CONSULTATION || this == CONSULTED;
	}

}

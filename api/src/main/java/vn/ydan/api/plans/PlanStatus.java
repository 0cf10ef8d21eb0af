package vn.ydan.api.plans;

import java.util.Set;

/**
 * Where a plan stands. Only a draft can be edited; from publication on, a plan is public
 * and read-only.
 */
enum PlanStatus {

	DRAFT("dự thảo"),

	PUBLISHED("đã công bố"),

	IN_CONSULTATION("đang lấy ý kiến"),

	CONSULTED("đã lấy ý kiến"),

	ADOPTED("đã thông qua"),

	IN_EFFECT("có hiệu lực"),

	WITHDRAWN("đã rút");

	private final String label;

	PlanStatus(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	/** Whether anyone may see the plan, without a role. */
	boolean isPublic() {
		return this != DRAFT && this != WITHDRAWN;
	}

	/**
	 * The statuses {@code changePlanStatus} may move to from this one: publishing and
	 * withdrawing. Going into consultation and being consulted are the consultation's
	 * steps (its opening, the publication of its results: {@link PlanOutlines}), so that
	 * no one can mark a plan consulted without residents having been asked; adoption and
	 * coming into effect have their own operations (they need a legal basis, and the
	 * registry).
	 */
	Set<PlanStatus> next() {
		return switch (this) {
			case DRAFT -> Set.of(PUBLISHED, WITHDRAWN);
			case PUBLISHED, IN_CONSULTATION, CONSULTED -> Set.of(WITHDRAWN);
			case ADOPTED, IN_EFFECT, WITHDRAWN -> Set.of();
		};
	}

	/** Whether only a consultation's step moves a plan to this status. */
	boolean setByConsultation() {
		return this == IN_CONSULTATION || this == CONSULTED;
	}

}

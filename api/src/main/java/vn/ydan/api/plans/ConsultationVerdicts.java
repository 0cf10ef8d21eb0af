package vn.ydan.api.plans;

import java.util.Set;

/**
 * What the residents said of a plan, as the consultations module knows it (it implements
 * this; plans do not depend on consultations).
 */
public interface ConsultationVerdicts {

	/**
	 * Internal ids of the old communes that rejected the plan: their outcome in the
	 * latest published round that asked them is a failure.
	 */
	Set<String> rejectedUnitIds(String planId);

}

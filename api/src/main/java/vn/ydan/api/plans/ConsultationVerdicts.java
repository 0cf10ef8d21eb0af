package vn.ydan.api.plans;

import java.util.Map;
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

	/**
	 * The name residents chose for each new unit whose name they were asked, by the
	 * unit's key: the winning name in the latest published round of each commune asked;
	 * units nobody chose a name for are left out.
	 */
	default Map<String, String> chosenNames(String planId) {
		return Map.of();
	}

}

package vn.ydan.admin.consultations;

/**
 * When a commune agrees.
 *
 * @param operator more than, or at least
 * @param percent the threshold in percent of all households
 * @param description the rule in Vietnamese
 */
public record PassRule(PassOperator operator, double percent, String description) {

	/**
	 * Whether so many agreeing households pass: the api's own comparison (its
	 * {@code PassRule.passes}), so that the console never says "enough" when the api says
	 * not.
	 */
	public boolean passes(long agree, long households) {
		if (households <= 0) {
			return false;
		}
		double share = agree * 100.0 / households;
		return (this.operator == PassOperator.GT) ? share > this.percent : share >= this.percent;
	}

	/**
	 * The fewest agreeing households with which a commune of so many households passes;
	 * more than {@code households} when none can (more than 100 %).
	 */
	public long agreeingNeeded(long households) {
		long agree = Math.max(0, (long) Math.floor(households * this.percent / 100.0) - 2);
		while (agree <= households && !passes(agree, households)) {
			agree++;
		}
		return agree;
	}

}

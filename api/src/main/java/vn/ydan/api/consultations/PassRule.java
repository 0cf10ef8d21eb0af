package vn.ydan.api.consultations;

/**
 * When a commune agrees: the share of all its households (not of the answers) that agree,
 * compared with {@code percent} by {@code operator}. More than 50% by default (the 2023
 * rules); some texts of 2025 say "from 50%".
 *
 * @param operator {@code GT} (more than) or {@code GTE} (at least)
 * @param percent the threshold, 0 to 100
 */
record PassRule(Operator operator, double percent) {

	static final PassRule DEFAULT = new PassRule(Operator.GT, 50);

	boolean passes(long agree, long households) {
		if (households <= 0) {
			return false;
		}
		// Compare agree * 100 with percent * households in exact arithmetic where
		// possible.
		double share = agree * 100.0 / households;
		return (this.operator == Operator.GT) ? share > this.percent : share >= this.percent;
	}

	String describe() {
		return ((this.operator == Operator.GT) ? "trên " : "từ ") + stripZeros(this.percent) + "% tổng số hộ";
	}

	private static String stripZeros(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	enum Operator {

		GT, GTE

	}

}

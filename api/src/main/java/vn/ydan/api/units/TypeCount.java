package vn.ydan.api.units;

/**
 * How many units of a type lie below a unit.
 *
 * @param type the type
 * @param count how many
 */
record TypeCount(UnitType type, int count) {

	public UnitLevel level() {
		return this.type.level();
	}

	public String typeName() {
		return this.type.label();
	}

}

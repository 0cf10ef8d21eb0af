package vn.ydan.api.units;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A unit as one row of an import file describes it, before it is checked against the
 * other rows and the registry. The check fills in {@link #id} and {@link #parentId}.
 */
final class Candidate {

	final int line;

	final UnitLevel level;

	final @Nullable String code;

	final String name;

	final String fullName;

	/** Null when the row's type is unknown or of another level (already reported). */
	final @Nullable UnitType type;

	final @Nullable String parentCode;

	/** The level the parent code is looked up at (a wrong file may name another). */
	final @Nullable UnitLevel parentLevel;

	final @Nullable LocalDate validFrom;

	final @Nullable LocalDate validTo;

	final @Nullable Double areaKm2;

	final @Nullable Integer population;

	final @Nullable Integer households;

	/** Which header names the row's columns have, for errors. */
	final Columns columns;

	/**
	 * Implied by another row rather than a row of its own (Hanoi's districts, repeated on
	 * each of their communes' rows): identical repeats are expected.
	 */
	final boolean implied;

	@Nullable String id;

	@Nullable String parentId;

	/** A province the parent must belong to (communes files name both). */
	@Nullable String grandparentCode;

	Candidate(int line, UnitLevel level, @Nullable String code, String name, String fullName, @Nullable UnitType type,
			@Nullable String parentCode, @Nullable UnitLevel parentLevel, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, @Nullable Double areaKm2, @Nullable Integer population,
			@Nullable Integer households, Columns columns, boolean implied) {
		this.line = line;
		this.level = level;
		this.code = code;
		this.name = name;
		this.fullName = fullName;
		this.type = type;
		this.parentCode = parentCode;
		this.parentLevel = parentLevel;
		this.validFrom = validFrom;
		this.validTo = validTo;
		this.areaKm2 = areaKm2;
		this.population = population;
		this.households = households;
		this.columns = columns;
		this.implied = implied;
	}

	/** Whether two rows say the same thing (duplicate rows, repeated implied rows). */
	boolean sameAs(Candidate other) {
		return this.level == other.level && java.util.Objects.equals(this.code, other.code)
				&& this.name.equals(other.name) && this.fullName.equals(other.fullName) && this.type == other.type
				&& java.util.Objects.equals(this.parentCode, other.parentCode)
				&& java.util.Objects.equals(this.validFrom, other.validFrom)
				&& java.util.Objects.equals(this.validTo, other.validTo)
				&& java.util.Objects.equals(this.areaKm2, other.areaKm2)
				&& java.util.Objects.equals(this.population, other.population)
				&& java.util.Objects.equals(this.households, other.households);
	}

	String label() {
		String what = this.fullName.isBlank() ? this.name : this.fullName;
		return (this.code != null) ? what + " (mã " + this.code + ")" : what;
	}

	/**
	 * Header names of the columns a candidate's fields came from.
	 *
	 * @param code the code column
	 * @param name the name column
	 * @param fullName the full-name column
	 * @param type the type column
	 * @param parent the parent-code column
	 */
	record Columns(String code, String name, String fullName, String type, @Nullable String parent) {

		static final Columns UNIT = new Columns("code", "name", "full_name", "type", null);

		Columns withParent(String parentColumn) {
			return new Columns(this.code, this.name, this.fullName, this.type, parentColumn);
		}

	}

}

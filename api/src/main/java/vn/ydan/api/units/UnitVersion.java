package vn.ydan.api.units;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A unit's attributes over one interval of time, {@code [validFrom, validTo)}.
 *
 * @param validFrom first day; null: since before the registry's records
 * @param validTo first day it no longer applies; null: still in force
 * @param code statistical (GSO) code; residential groups may have none
 * @param name name without the type ("Trúc Bạch")
 * @param fullName name with the type ("Phường Trúc Bạch")
 * @param type the type, which fixes the level
 * @param parentId id of the unit above; null for provinces
 * @param areaKm2 area when known
 * @param population population when known
 * @param households households when known
 */
record UnitVersion(@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String code, String name,
		String fullName, UnitType type, @Nullable String parentId, @Nullable Double areaKm2,
		@Nullable Integer population, @Nullable Integer households) {

	static final int MAX_NAME_LENGTH = 100;

	boolean inForceAt(LocalDate date) {
		return (this.validFrom == null || !date.isBefore(this.validFrom))
				&& (this.validTo == null || date.isBefore(this.validTo));
	}

	/**
	 * In force on {@code date}, where a null date means "since ever": only versions
	 * without a start are.
	 */
	boolean inForceAtOrSinceEver(@Nullable LocalDate date) {
		return (date != null) ? inForceAt(date) : this.validFrom == null;
	}

	/** Whether this version and {@code [from, to)} share at least one day. */
	boolean overlaps(@Nullable LocalDate from, @Nullable LocalDate to) {
		boolean startsBeforeItEnds = this.validFrom == null || to == null || this.validFrom.isBefore(to);
		boolean endsAfterItStarts = this.validTo == null || from == null || from.isBefore(this.validTo);
		return startsBeforeItEnds && endsAfterItStarts;
	}

	/** Read by GraphQL. */
	public String typeName() {
		return this.type.label();
	}

	/**
	 * The date inside this version nearest to {@code date}: {@code date} itself when the
	 * version is in force then.
	 */
	LocalDate clamp(LocalDate date) {
		if (this.validFrom != null && date.isBefore(this.validFrom)) {
			return this.validFrom;
		}
		if (this.validTo != null && !date.isBefore(this.validTo)) {
			return this.validTo.minusDays(1);
		}
		return date;
	}

	/**
	 * This version with its strings interned: thousands of units share a parent id, and
	 * residential groups their names, codes and types ("Thôn 1", "Tổ dân phố 2").
	 */
	UnitVersion interned() {
		return new UnitVersion(this.validFrom, this.validTo, (this.code != null) ? this.code.intern() : null,
				this.name.intern(), this.fullName.intern(), this.type,
				(this.parentId != null) ? this.parentId.intern() : null, this.areaKm2, this.population,
				this.households);
	}

	UnitVersion withValidTo(@Nullable LocalDate newValidTo) {
		return new UnitVersion(this.validFrom, newValidTo, this.code, this.name, this.fullName, this.type,
				this.parentId, this.areaKm2, this.population, this.households);
	}

}

package vn.ydan.api.units;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A unit as it stood on a date: the GraphQL {@code Unit}. Nested fields (parent,
 * children, lineage…) are resolved by {@link UnitGraphQl} on the same date.
 *
 * @param registered the unit with its whole history
 * @param current the version shown: the one in force on {@code asOf}
 * @param asOf the date of this view
 */
// The accessors are public for GraphQL's property fetcher, which reads public methods
// only.
public record Unit(AdministrativeUnit registered, UnitVersion current, LocalDate asOf) {

	/**
	 * The unit on {@code date}; if it did not exist then, on the nearest date it did.
	 */
	static Unit at(AdministrativeUnit unit, LocalDate date) {
		UnitVersion version = unit.nearestVersion(date);
		return new Unit(unit, version, version.clamp(date));
	}

	public String id() {
		return this.registered.globalId();
	}

	public @Nullable String code() {
		return this.current.code();
	}

	public String name() {
		return this.current.name();
	}

	public String fullName() {
		return this.current.fullName();
	}

	public UnitLevel level() {
		return this.registered.level();
	}

	public UnitType type() {
		return this.current.type();
	}

	public String typeName() {
		return this.current.typeName();
	}

	public @Nullable Double areaKm2() {
		return this.current.areaKm2();
	}

	public @Nullable Integer population() {
		return this.current.population();
	}

	public @Nullable Integer households() {
		return this.current.households();
	}

	public @Nullable LocalDate validFrom() {
		return this.current.validFrom();
	}

	public @Nullable LocalDate validTo() {
		return this.current.validTo();
	}

	public int version() {
		return this.registered.revision();
	}

	/**
	 * Cheap identity (data loaders key their caches by units): the same unit on the same
	 * date, whose version follows from both.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Unit unit && unit.registered == this.registered && unit.asOf.equals(this.asOf);
	}

	@Override
	public int hashCode() {
		return 31 * System.identityHashCode(this.registered) + this.asOf.hashCode();
	}

}

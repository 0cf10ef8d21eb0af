package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code convertAddress} answers: the old units recognised in a free-text address
 * and the units they are on a date. Never an exception: input that does not name one unit
 * is an answer with a {@link Reason}.
 *
 * @param text the address as given
 * @param asOf the date of the new units
 * @param status found, ambiguous or unknown
 * @param reason why not found; null when found
 * @param message what was recognised or why not, in Vietnamese
 * @param candidates the old units recognised, best first (one when found, none when
 * unknown)
 */
record AddressConversion(String text, LocalDate asOf, Status status, @Nullable Reason reason, String message,
		List<Candidate> candidates) {

	static AddressConversion unknown(String text, LocalDate asOf, Reason reason, String message) {
		return new AddressConversion(text, asOf, Status.UNKNOWN, reason, message, List.of());
	}

	/** How sure the answer is. */
	enum Status {

		/** One old unit. */
		FOUND,

		/** Several candidates, or the nearest names to a typo: the caller chooses. */
		AMBIGUOUS,

		/** No unit. */
		UNKNOWN

	}

	/** Why an address was not found as one unit (the GraphQL {@code AddressReason}). */
	enum Reason {

		EMPTY_INPUT,

		INPUT_TOO_LONG,

		MIXED_SCRIPT,

		BEFORE_RECORDS,

		UNKNOWN_NAME,

		NOT_IN_DISTRICT,

		NOT_IN_PROVINCE,

		COMMUNE_MISSING,

		SEVERAL_UNITS,

		APPROXIMATE,

		NO_SUCCESSOR,

		UNKNOWN_CODE

	}

	/**
	 * An old unit recognised.
	 *
	 * @param old the unit as it stood when it had the name matched
	 * @param matchedName the full name matched ("Phường Trúc Bạch")
	 * @param formerName whether the unit no longer has that name on {@code asOf} (it
	 * ended, or was renamed)
	 * @param approximate whether the name is only near the one given (a typo)
	 * @param current what it is on {@code asOf}
	 */
	record Candidate(Unit old, String matchedName, boolean formerName, boolean approximate,
			List<UnitSuccessor> current) {
	}

}

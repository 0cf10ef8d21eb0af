package vn.ydan.api.audit;

/**
 * How the audited operation ended.
 */
enum AuditOutcome {

	/** Done. */
	OK,

	/**
	 * Refused for the user to fix ({@code userErrors} in the payload); nothing was
	 * changed.
	 */
	USER_ERRORS,

	/** Failed with a GraphQL error other than a refusal (its code is kept). */
	ERROR,

	/** Refused because the caller was not signed in or lacked the role. */
	DENIED,

	/**
	 * An intent ({@code intent:<field>}): recorded before an action that cannot be taken
	 * back; how it ended is a later entry of the same request.
	 */
	STARTED

}

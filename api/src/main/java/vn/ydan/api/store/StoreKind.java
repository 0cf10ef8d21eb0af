package vn.ydan.api.store;

/**
 * Which MongoDB the API is using.
 */
public enum StoreKind {

	/**
	 * The in-process stand-in (no {@code MONGODB_URI}): development, tests, small sites.
	 */
	EMBEDDED,

	/** A MongoDB server or replica set at {@code MONGODB_URI}. */
	EXTERNAL

}

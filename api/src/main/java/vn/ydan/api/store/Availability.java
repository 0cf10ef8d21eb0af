package vn.ydan.api.store;

/**
 * Whether the store answered just now.
 */
public enum Availability {

	UP,

	DOWN

}

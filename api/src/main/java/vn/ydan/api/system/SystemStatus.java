package vn.ydan.api.system;

import vn.ydan.api.store.StoreStatus;

/**
 * @param version the application version (from the build), {@code unknown} when run from
 * an IDE without one
 * @param startedAt when this process started, ISO-8601 in UTC
 * @param store the store as probed for this answer
 */
record SystemStatus(String version, String startedAt, StoreStatus store) {
}

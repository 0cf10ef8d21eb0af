package vn.ydan.api.store;

import org.jspecify.annotations.Nullable;

/**
 * The store as last probed.
 *
 * @param kind embedded stand-in or external MongoDB
 * @param status whether it answered
 * @param collections how many collections the API's database holds; null when down
 * @param problem why it is down; null when up
 */
public record StoreStatus(StoreKind kind, Availability status, @Nullable Integer collections,
		@Nullable String problem) {

	static StoreStatus up(StoreKind kind, int collections) {
		return new StoreStatus(kind, Availability.UP, collections, null);
	}

	static StoreStatus down(StoreKind kind, String problem) {
		return new StoreStatus(kind, Availability.DOWN, null, problem);
	}

}

package vn.ydan.admin.api;

import org.jspecify.annotations.Nullable;

/**
 * The api's health as admins see it ({@code query { systemStatus { … } }}). Fields may be
 * missing: the api is young, and a renamed field should blank one line, not the whole
 * card.
 *
 * @param version the api's version
 * @param startedAt when the api started (ISO-8601)
 * @param store the MongoDB store behind it
 */
public record SystemStatus(@Nullable String version, @Nullable String startedAt, @Nullable Store store) {

	/**
	 * @param kind {@code EMBEDDED} (the in-process stand-in) or {@code EXTERNAL} (a real
	 * MongoDB)
	 * @param status {@code UP} or {@code DOWN}
	 * @param collections how many collections its database has; unknown when it is down
	 */
	public record Store(@Nullable String kind, @Nullable String status, @Nullable Integer collections) {
	}

}

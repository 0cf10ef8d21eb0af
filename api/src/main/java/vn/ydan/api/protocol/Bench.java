package vn.ydan.api.protocol;

/**
 * The benchmark baselines ({@code bench/}): controllers named {@code Bench*}, present
 * only with the {@value #PROFILE} profile, answering under {@value #PATHS} without a
 * token through one security chain ({@code access.SecurityConfiguration}). Not part of
 * the product: without the profile, nothing answers there.
 */
public final class Bench {

	/** The Spring profile that turns the baselines on. */
	public static final String PROFILE = "bench";

	/** Where they answer. */
	public static final String PATHS = "/bench/**";

	private Bench() {
	}

}

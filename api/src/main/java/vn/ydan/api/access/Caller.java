package vn.ydan.api.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the one place that reads the caller's authentication (roles, name,
 * client, the claims of scope and household), for every module. Features ask it
 * ({@link #current()}, {@link #hasRole}, {@link #household}) instead of reading the token
 * themselves; the audit log records it as it is.
 *
 * @param actor login name ({@code preferred_username}), else the token's subject;
 * {@link #ANONYMOUS_ACTOR} without a sign-in
 * @param displayName the name in the token, family name first, when it has one
 * @param roles the Ý Dân roles held (what {@code @PreAuthorize} sees: the authorities,
 * not the token)
 * @param clientId the OAuth client the token was issued to ({@code azp})
 */
public record Caller(String actor, @Nullable String displayName, List<String> roles, @Nullable String clientId) {

	/**
	 * The actor of a request without a sign-in, the one spelling everywhere (audit log,
	 * plans, consultations). Not a possible Keycloak username (no parentheses there).
	 */
	public static final String ANONYMOUS_ACTOR = "(anonymous)";

	public static final Caller ANONYMOUS = new Caller(ANONYMOUS_ACTOR, null, List.of(), null);

	/** The claim binding a resident to a household (Keycloak user attribute). */
	static final String HOUSEHOLD_CLAIM = "ydan_household";

	/** The caller of the current thread's request. */
	public static Caller current() {
		return of(signedIn());
	}

	/** The caller {@code authentication} stands for; {@link #ANONYMOUS} without one. */
	public static Caller of(@Nullable Authentication authentication) {
		if (!isSignedIn(authentication)) {
			return ANONYMOUS;
		}
		Set<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		List<String> roles = Roles.ALL.stream()
			.filter((role) -> authorities.contains(Roles.AUTHORITY_PREFIX + role))
			.toList();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return new Caller(authentication.getName(), null, roles, null);
		}
		var jwt = token.getToken();
		String actor = blankToNull(authentication.getName());
		if (actor == null) {
			actor = (jwt.getSubject() != null) ? jwt.getSubject() : ANONYMOUS_ACTOR;
		}
		String family = blankToNull(jwt.getClaimAsString("family_name"));
		String given = blankToNull(jwt.getClaimAsString("given_name"));
		String displayName = (family != null && given != null) ? family + " " + given
				: blankToNull(jwt.getClaimAsString("name"));
		return new Caller(actor, displayName, roles, blankToNull(jwt.getClaimAsString("azp")));
	}

	/**
	 * The current thread's authentication when someone is signed in; null without one
	 * (none, or Spring Security's anonymous token).
	 */
	public static @Nullable Authentication signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return isSignedIn(authentication) ? authentication : null;
	}

	/** Whether {@code authentication} is someone signed in (not anonymous). */
	public static boolean isSignedIn(@Nullable Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/** Whether the caller holds the realm role {@code role} (one of {@link Roles}). */
	public static boolean hasRole(@Nullable Authentication authentication, String role) {
		if (authentication == null) {
			return false;
		}
		String authority = Roles.AUTHORITY_PREFIX + role;
		return authentication.getAuthorities().stream().anyMatch((granted) -> authority.equals(granted.getAuthority()));
	}

	/**
	 * The household the caller's token binds them to: the one value of the claim
	 * {@value #HOUSEHOLD_CLAIM}; null without one, or with several (a resident answers
	 * for one household).
	 */
	public static @Nullable String household(@Nullable Authentication authentication) {
		Set<String> households = claimValues(authentication, HOUSEHOLD_CLAIM);
		return (households.size() == 1) ? households.iterator().next() : null;
	}

	/**
	 * The entries of a claim of the caller's token, stripped: a list, or a text separated
	 * by spaces or commas; empty without a token or the claim.
	 */
	static Set<String> claimValues(@Nullable Authentication authentication, String name) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return Set.of();
		}
		return values(token.getToken().getClaims().get(name));
	}

	/**
	 * The entries of a claim's value, stripped: a list, or a text separated by spaces or
	 * commas; empty for anything else.
	 */
	static Set<String> values(@Nullable Object claim) {
		Collection<?> entries = switch (claim) {
			case Collection<?> list -> list;
			case String text -> List.of(text.split("[\\s,]+"));
			case null, default -> List.of();
		};
		return entries.stream()
			.map(String::valueOf)
			.map(String::strip)
			.filter((entry) -> !entry.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

package vn.ydan.api.audit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.access.Roles;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who did it, as the audit log records them.
 *
 * @param actor login name ({@code preferred_username}), {@link #ANONYMOUS_ACTOR} without
 * a sign-in
 * @param displayName the name in the token, family name first, when it has one
 * @param roles the Ý Dân roles held at the time (what {@code @PreAuthorize} saw)
 * @param clientId the OAuth client the token was issued to ({@code azp})
 */
record Caller(String actor, @Nullable String displayName, List<String> roles, @Nullable String clientId) {

	/** Not a possible Keycloak username (no parentheses there). */
	static final String ANONYMOUS_ACTOR = "(anonymous)";

	static final Caller ANONYMOUS = new Caller(ANONYMOUS_ACTOR, null, List.of(), null);

	static Caller of(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
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

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

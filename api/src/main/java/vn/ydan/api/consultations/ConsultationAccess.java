package vn.ydan.api.consultations;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Roles;
import vn.ydan.api.access.UnitScope;

/**
 * Who may act on which commune of a consultation: admins everywhere; officials and clerks
 * where their scope covers the unit ({@link UnitScope}); residents only for the household
 * their token is bound to (claim {@code ydan_household}).
 */
@Component
class ConsultationAccess {

	static final String HOUSEHOLD_CLAIM = "ydan_household";

	private final UnitScope scope;

	ConsultationAccess(UnitScope scope) {
		this.scope = scope;
	}

	boolean isAdmin() {
		return has(Roles.ADMIN);
	}

	/** Officials (and admins) acting for {@code unitId}. */
	boolean mayManage(String unitId) {
		Authentication authentication = current();
		return authentication != null
				&& (has(Roles.ADMIN) || (has(Roles.OFFICIAL) && this.scope.covers(authentication, unitId)));
	}

	/**
	 * Admins, officials whose scope covers {@code communeId}, and clerks assigned that
	 * commune (only the communes named, not those below a district in their scope):
	 * {@link vn.ydan.api.access.Roles#MAY_ACT_FOR_COMMUNE}.
	 */
	boolean mayTally(String communeId) {
		Authentication authentication = current();
		return authentication != null && this.scope.mayActForCommune(authentication, communeId);
	}

	/** The household the caller's token is bound to, for residents; null otherwise. */
	@Nullable String household() {
		if (!has(Roles.RESIDENT) || !(current() instanceof JwtAuthenticationToken token)) {
			return null;
		}
		Object claim = token.getToken().getClaims().get(HOUSEHOLD_CLAIM);
		return (claim instanceof String household && !household.isBlank()) ? household.strip() : null;
	}

	static String actor() {
		Authentication authentication = current();
		return (authentication != null) ? authentication.getName() : "anonymous";
	}

	static @Nullable String clientId() {
		return (current() instanceof JwtAuthenticationToken token) ? token.getToken().getClaimAsString("azp") : null;
	}

	private static boolean has(String role) {
		Authentication authentication = current();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> (Roles.AUTHORITY_PREFIX + role).equals(authority.getAuthority()));
	}

	private static @Nullable Authentication current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication : null;
	}

}

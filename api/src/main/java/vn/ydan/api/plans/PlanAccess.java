package vn.ydan.api.plans;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Roles;
import vn.ydan.api.access.UnitScope;

/**
 * Who may see and change which plan: published plans are public; drafts and withdrawn
 * drafts only to admins and to officials whose scope covers every unit of the plan's
 * scope.
 */
@Component
class PlanAccess {

	private final UnitScope scope;

	PlanAccess(UnitScope scope) {
		this.scope = scope;
	}

	boolean mayRead(Plan plan) {
		return plan.status().isPublic() || mayEdit(plan);
	}

	boolean mayEdit(Plan plan) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		if (has(authentication, Roles.ADMIN)) {
			return true;
		}
		return has(authentication, Roles.OFFICIAL) && !plan.scopeIds().isEmpty()
				&& plan.scopeIds().stream().allMatch((id) -> this.scope.covers(authentication, id));
	}

	void checkEdit(Plan plan) {
		if (!mayEdit(plan)) {
			throw new AccessDeniedException("Plan " + plan.id() + " is outside the caller's scope");
		}
	}

	static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "anonymous";
	}

	private static boolean has(Authentication authentication, String role) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> (Roles.AUTHORITY_PREFIX + role).equals(authority.getAuthority()));
	}

}

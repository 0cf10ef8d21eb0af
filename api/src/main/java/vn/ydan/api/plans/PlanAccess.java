package vn.ydan.api.plans;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Caller;
import vn.ydan.api.access.Roles;
import vn.ydan.api.access.UnitScope;

/**
 * Who may see and change which plan: published plans are public; drafts and withdrawn
 * drafts only to admins and to officials whose scope covers every unit of the plan's
 * scope ({@link UnitScope#mayEdit}).
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
		Authentication authentication = Caller.signedIn();
		if (authentication == null) {
			return false;
		}
		if (Caller.hasRole(authentication, Roles.ADMIN)) {
			return true;
		}
		return !plan.scopeIds().isEmpty()
				&& plan.scopeIds().stream().allMatch((id) -> this.scope.mayEdit(authentication, id));
	}

	void checkEdit(Plan plan) {
		if (!mayEdit(plan)) {
			throw new AccessDeniedException("Plan " + plan.id() + " is outside the caller's scope");
		}
	}

	/**
	 * A unit a plan's edit touches beyond the plan's scope (a residential group of a
	 * group merger) must be the caller's too.
	 */
	void checkEditUnit(String unitId) {
		Authentication authentication = Caller.signedIn();
		if (authentication == null || !this.scope.mayEdit(authentication, unitId)) {
			throw new AccessDeniedException("Unit " + unitId + " is outside the caller's scope");
		}
	}

	/** Who is changing a plan, as its revisions record them. */
	static String actor() {
		return Caller.current().actor();
	}

}

package vn.ydan.api.consultations;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Caller;
import vn.ydan.api.access.Roles;
import vn.ydan.api.access.UnitScope;

/**
 * Who may act on which commune of a consultation: admins everywhere; officials and clerks
 * where their scope covers the unit ({@link UnitScope}); residents only for the household
 * their token is bound to ({@link Caller#household}).
 */
@Component
class ConsultationAccess {

	private final UnitScope scope;

	ConsultationAccess(UnitScope scope) {
		this.scope = scope;
	}

	boolean isAdmin() {
		return Caller.hasRole(Caller.signedIn(), Roles.ADMIN);
	}

	/** Officials (and admins) acting for {@code unitId}: {@link UnitScope#mayEdit}. */
	boolean mayManage(String unitId) {
		Authentication authentication = Caller.signedIn();
		return authentication != null && this.scope.mayEdit(authentication, unitId);
	}

	/**
	 * Admins, officials whose scope covers {@code communeId}, and clerks assigned that
	 * commune (only the communes named, not those below a district in their scope):
	 * {@link vn.ydan.api.access.Roles#MAY_ACT_FOR_COMMUNE}.
	 */
	boolean mayTally(String communeId) {
		Authentication authentication = Caller.signedIn();
		return authentication != null && this.scope.mayActForCommune(authentication, communeId);
	}

	/** The household the caller's token is bound to, for residents; null otherwise. */
	@Nullable String household() {
		Authentication authentication = Caller.signedIn();
		return Caller.hasRole(authentication, Roles.RESIDENT) ? Caller.household(authentication) : null;
	}

	/** Who is acting, as consultations, answers and tallies record them. */
	static String actor() {
		return Caller.current().actor();
	}

	/** The OAuth client the caller's token was issued to ({@code azp}), if any. */
	static @Nullable String clientId() {
		return Caller.current().clientId();
	}

}

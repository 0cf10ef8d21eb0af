package vn.ydan.api.access;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whether a caller's scope covers a unit: the one place that decides it (used as
 * {@code @unitScope} in {@link Roles}' expressions). Deny by default: no claim, an
 * unknown unit, or no hierarchy to walk means no.
 * <p>
 * The scope is the token claim {@code ydan_scope}: Keycloak puts the user attribute of
 * the same name into access tokens (see {@code docs/decisions/0008-scoped-roles.md}), so
 * the check runs from the token and the in-memory registry, without calling Keycloak.
 * Entries name units by internal id, global id or code.
 * <ul>
 * <li>{@link #covers}: hierarchical, for officials: a scope entry covers the unit it
 * names and everything below (a district's official acts on its communes).</li>
 * <li>{@link #assigned}: for clerks: only the communes named, and their residential
 * groups; a clerk's scope naming a district or a province gives nothing.</li>
 * </ul>
 */
@Component("unitScope")
public class UnitScope {

	static final String CLAIM = "ydan_scope";

	private final ObjectProvider<UnitHierarchy> hierarchy;

	UnitScope(ObjectProvider<UnitHierarchy> hierarchy) {
		this.hierarchy = hierarchy;
	}

	/** Whether the scope names the unit or a unit above it. */
	public boolean covers(Authentication authentication, @Nullable String unitId) {
		Set<String> scope = scopeOf(authentication);
		UnitHierarchy units = this.hierarchy.getIfAvailable();
		if (unitId == null || scope.isEmpty() || units == null) {
			return false;
		}
		return units.identifiersUpward(unitId).stream().anyMatch(scope::contains);
	}

	/**
	 * Whether the scope names the commune the unit is (or, for a residential group, lies
	 * in).
	 */
	public boolean assigned(Authentication authentication, @Nullable String unitId) {
		Set<String> scope = scopeOf(authentication);
		UnitHierarchy units = this.hierarchy.getIfAvailable();
		if (unitId == null || scope.isEmpty() || units == null) {
			return false;
		}
		return units.identifiersOfCommune(unitId).stream().anyMatch(scope::contains);
	}

	/**
	 * {@link Roles#MAY_EDIT_UNIT} for code that checks inside a method: admins, and
	 * officials whose scope covers the unit.
	 */
	public boolean mayEdit(Authentication authentication, @Nullable String unitId) {
		return Caller.hasRole(authentication, Roles.ADMIN)
				|| (Caller.hasRole(authentication, Roles.OFFICIAL) && covers(authentication, unitId));
	}

	/**
	 * {@link Roles#MAY_ACT_FOR_COMMUNE} for code that checks inside a method (the commune
	 * is known only after loading something): admins; officials whose scope covers the
	 * unit; clerks assigned its commune.
	 */
	public boolean mayActForCommune(Authentication authentication, @Nullable String unitId) {
		return mayEdit(authentication, unitId)
				|| (Caller.hasRole(authentication, Roles.CLERK) && assigned(authentication, unitId));
	}

	/** The scope entries the caller's token carries; empty without one. */
	private static Set<String> scopeOf(Authentication authentication) {
		return Caller.claimValues(authentication, CLAIM);
	}

}

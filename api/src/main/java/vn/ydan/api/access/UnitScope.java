package vn.ydan.api.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Whether an official's scope covers a unit: the one place that decides it (used as
 * {@code @unitScope} in {@link Roles#MAY_EDIT_UNIT}). A scope names units (by id, global
 * id or code); it covers them and everything below. Deny by default: no claim, an unknown
 * unit, or no hierarchy to walk means no.
 * <p>
 * Scopes come from the token claim {@code ydan_scope} (a list, or a string separated by
 * spaces or commas) for now; when they move to Keycloak (issue 6) only {@link #scopeOf}
 * changes.
 */
@Component("unitScope")
public class UnitScope {

	static final String CLAIM = "ydan_scope";

	private final ObjectProvider<UnitHierarchy> hierarchy;

	UnitScope(ObjectProvider<UnitHierarchy> hierarchy) {
		this.hierarchy = hierarchy;
	}

	public boolean covers(Authentication authentication, String unitId) {
		Set<String> scope = scopeOf(authentication);
		UnitHierarchy units = this.hierarchy.getIfAvailable();
		if (scope.isEmpty() || units == null) {
			return false;
		}
		return units.identifiersUpward(unitId).stream().anyMatch(scope::contains);
	}

	private static Set<String> scopeOf(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return Set.of();
		}
		Object claim = token.getToken().getClaims().get(CLAIM);
		Collection<?> entries = switch (claim) {
			case Collection<?> list -> list;
			case String text -> List.of(text.split("[\\s,]+"));
			case null, default -> List.of();
		};
		return entries.stream()
			.map(String::valueOf)
			.map(String::strip)
			.filter((entry) -> !entry.isEmpty())
			.collect(Collectors.toSet());
	}

}

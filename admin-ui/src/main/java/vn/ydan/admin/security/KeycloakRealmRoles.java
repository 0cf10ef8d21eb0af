package vn.ydan.admin.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Turns Keycloak realm roles ({@code realm_access.roles}) into {@code ROLE_*}
 * authorities, so that Vaadin's {@code @RolesAllowed("admin")} and
 * {@code hasRole("admin")} work.
 * <p>
 * Keycloak puts realm roles in the access token by default and in the ID token or user
 * info only when the realm's "roles" mapper is told to; this mapper reads the ID token
 * and user info claims, {@link AccessTokenRoles} adds those of the access token. Only the
 * roles of Ý Dân become authorities: Keycloak's own ({@code offline_access},
 * {@code default-roles-ydan}) mean nothing here.
 */
final class KeycloakRealmRoles implements GrantedAuthoritiesMapper {

	static final String REALM_ACCESS = "realm_access";

	static final String ROLES = "roles";

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority oidc) {
				mapped.addAll(authoritiesOf(oidc.getAttributes()));
			}
		}
		return mapped;
	}

	/**
	 * The {@code ROLE_*} authorities of the realm roles listed in a Keycloak-shaped claim
	 * set.
	 */
	static Set<GrantedAuthority> authoritiesOf(Map<String, ?> claims) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		if (claims.get(REALM_ACCESS) instanceof Map<?, ?> realmAccess
				&& realmAccess.get(ROLES) instanceof List<?> roles) {
			for (Object role : roles) {
				if (role instanceof String name) {
					Role.of(name).ifPresent((known) -> authorities.add(new SimpleGrantedAuthority(known.authority())));
				}
			}
		}
		return authorities;
	}

}

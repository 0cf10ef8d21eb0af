package vn.ydan.admin.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.security.Role;

/**
 * The signed-in user as the api sees them ({@code query { me { … } }}).
 *
 * @param username the Keycloak username
 * @param displayName the name to show
 * @param roles the realm roles the api recognised
 * @param clientId the client the token was issued to
 */
public record Me(String username, @Nullable String displayName, @Nullable List<String> roles,
		@Nullable String clientId) {

	public List<String> roleNames() {
		return (this.roles != null) ? this.roles : List.of();
	}

	public boolean hasRole(Role role) {
		return roleNames().stream().anyMatch((name) -> Role.of(name).filter(role::equals).isPresent());
	}

}

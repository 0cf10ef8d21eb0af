package vn.ydan.api.access.admin;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A Keycloak user as the administration shows it (GraphQL {@code User}).
 *
 * @param id Keycloak's user id (the token's {@code sub})
 * @param username login name
 * @param firstName given name
 * @param lastName family name
 * @param email e-mail address
 * @param enabled whether the user may sign in
 * @param roles Ý Dân realm roles assigned directly
 * @param scopeEntries the {@code ydan_scope} attribute: units by id (or code)
 * @param household the {@code ydan_household} attribute
 */
record UserAccount(String id, String username, @Nullable String firstName, @Nullable String lastName,
		@Nullable String email, boolean enabled, List<Role> roles, List<String> scopeEntries,
		@Nullable String household) {

	static final String SCOPE = "ydan_scope";

	static final String HOUSEHOLD = "ydan_household";

	/** Name to show: family then given name (Vietnamese order), else the username. */
	public String displayName() {
		String family = (this.lastName != null) ? this.lastName.strip() : "";
		String given = (this.firstName != null) ? this.firstName.strip() : "";
		String name = (family + " " + given).strip();
		return name.isEmpty() ? this.username : name;
	}

	boolean has(Role role) {
		return this.roles.contains(role);
	}

	static UserAccount of(Map<String, Object> representation, List<Role> roles) {
		Map<?, ?> attributes = (representation.get("attributes") instanceof Map<?, ?> map) ? map : Map.of();
		List<String> household = values(attributes.get(HOUSEHOLD));
		return new UserAccount(String.valueOf(representation.get("id")), String.valueOf(representation.get("username")),
				text(representation.get("firstName")), text(representation.get("lastName")),
				text(representation.get("email")), Boolean.TRUE.equals(representation.get("enabled")), roles,
				values(attributes.get(SCOPE)), household.isEmpty() ? null : household.get(0));
	}

	private static List<String> values(@Nullable Object value) {
		if (value instanceof Collection<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return (value != null) ? List.of(String.valueOf(value)) : List.of();
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

}

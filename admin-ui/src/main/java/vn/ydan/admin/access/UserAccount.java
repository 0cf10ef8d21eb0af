package vn.ydan.admin.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A user as the api shows them to admins.
 *
 * @param id Keycloak's id
 * @param username login name
 * @param displayName family name first
 * @param firstName given name
 * @param lastName family name
 * @param email e-mail
 * @param enabled may sign in
 * @param roles roles held
 * @param household a resident's household
 * @param scope the units they act for
 * @param effectivePermissions what they may do, in Vietnamese
 */
public record UserAccount(String id, String username, String displayName, @Nullable String firstName,
		@Nullable String lastName, @Nullable String email, boolean enabled, List<Role> roles,
		@Nullable String household, List<ScopeUnit> scope, List<String> effectivePermissions) {
}

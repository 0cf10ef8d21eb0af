package vn.ydan.api.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The caller as the API sees them.
 *
 * @param username the login name ({@code preferred_username})
 * @param displayName the name to show: family then given name, else {@code name}, else
 * the username
 * @param roles the Ý Dân roles the caller holds
 * @param clientId the OAuth client the token was issued to ({@code azp})
 */
record Me(String username, String displayName, List<String> roles, @Nullable String clientId) {
}

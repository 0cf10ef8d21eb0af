package vn.ydan.admin.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A registered third-party app.
 *
 * @param id Keycloak's id of its client
 * @param clientId its OAuth client id
 * @param name its name
 * @param description what it is
 * @param enabled whether it gets tokens
 * @param residentAnswers whether residents may answer through it
 * @param redirectUris where residents return after signing in
 */
public record PartnerApp(String id, String clientId, String name, @Nullable String description, boolean enabled,
		boolean residentAnswers, @Nullable List<String> redirectUris) {
}

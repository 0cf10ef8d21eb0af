package vn.ydan.api.access.admin;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A third-party app registered by an admin: a Keycloak confidential client whose service
 * account holds the role {@code partner} (GraphQL {@code PartnerApp}).
 *
 * @param id Keycloak's internal id of the client
 * @param clientId the OAuth {@code client_id}
 * @param name name shown to admins
 * @param description what the app is, who runs it
 * @param enabled whether Keycloak issues it tokens
 * @param residentAnswers whether it may submit answers for residents signed in through it
 * @param redirectUris where residents return after signing in (resident answers only)
 */
record PartnerApp(String id, String clientId, String name, @Nullable String description, boolean enabled,
		boolean residentAnswers, List<String> redirectUris) {

	/** Client attribute that marks the clients this module manages. */
	static final String MARK = "ydan.partner";

	static final String GRANTS = "ydan.grants";

	static boolean isPartnerApp(Map<String, Object> client) {
		return client.get("attributes") instanceof Map<?, ?> attributes && "true".equals(attributes.get(MARK));
	}

	static PartnerApp of(Map<String, Object> client) {
		Map<?, ?> attributes = (client.get("attributes") instanceof Map<?, ?> map) ? map : Map.of();
		String grants = (attributes.get(GRANTS) != null) ? String.valueOf(attributes.get(GRANTS)) : "";
		List<String> redirects = (client.get("redirectUris") instanceof Collection<?> uris)
				? uris.stream().map(String::valueOf).toList() : List.of();
		return new PartnerApp(String.valueOf(client.get("id")), String.valueOf(client.get("clientId")),
				String.valueOf(client.getOrDefault("name", client.get("clientId"))),
				(client.get("description") != null) ? String.valueOf(client.get("description")) : null,
				Boolean.TRUE.equals(client.get("enabled")), grants.contains("resident-answers"), redirects);
	}

}

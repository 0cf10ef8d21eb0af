package vn.ydan.api.access.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the api reaches Keycloak's Admin REST API, and as whom.
 *
 * @param url Keycloak's base URL (the issuer without {@code /realms/<realm>})
 * @param realm the realm whose users and clients are managed
 * @param clientId the service account's client
 * @param clientSecret its secret (a development default; set
 * {@code YDAN_ROLE_MANAGER_SECRET} in production)
 * @param timeout connect and read timeout of each call: a change fails fast rather than
 * hang a console request while Keycloak is down
 */
@ConfigurationProperties("ydan.keycloak.admin")
record KeycloakAdminProperties(String url, String realm, String clientId, String clientSecret, Duration timeout) {
}

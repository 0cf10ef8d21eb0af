package vn.ydan.admin.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is and who the console is to it. The endpoints are derived from the base
 * URL instead of discovered, so that the console starts (and can explain the problem)
 * while Keycloak is down.
 *
 * @param url base URL of Keycloak, e.g. {@code http://127.0.0.1:8180}
 * @param realm the realm of Ý Dân
 * @param clientId the console's (confidential) client
 * @param clientSecret its secret; the default in application.properties is for
 * development only
 * @param probeTimeout how long the sign-in page waits for Keycloak before saying it is
 * down
 * @param connectTimeout connect timeout of the console's own calls to Keycloak (tokens,
 * keys)
 * @param readTimeout read timeout of those calls
 */
@ConfigurationProperties("ydan.keycloak")
record KeycloakProperties(URI url, @DefaultValue("ydan") String realm, @DefaultValue("ydan-console") String clientId,
		String clientSecret, @DefaultValue("1500ms") Duration probeTimeout, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout) {

	String issuer() {
		return stripTrailingSlash(this.url.toString()) + "/realms/" + this.realm;
	}

	String endpoint(String name) {
		return issuer() + "/protocol/openid-connect/" + name;
	}

	private static String stripTrailingSlash(String value) {
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

}

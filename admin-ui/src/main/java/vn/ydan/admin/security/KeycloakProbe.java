package vn.ydan.admin.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Keycloak, briefly, whether the realm answers. Sending a user's browser to a
 * Keycloak that is down would leave them on the browser's own connection error page;
 * asking first lets the console explain what is wrong instead.
 */
class KeycloakProbe {

	private static final Logger log = LoggerFactory.getLogger(KeycloakProbe.class);

	private final URI realmMetadata;

	private final Duration timeout;

	private final HttpClient http;

	KeycloakProbe(String issuer, Duration timeout) {
		this.realmMetadata = URI.create(issuer + "/.well-known/openid-configuration");
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** True when the realm's metadata answers 200 within the timeout. */
	boolean isUp() {
		HttpRequest request = HttpRequest.newBuilder(this.realmMetadata).timeout(this.timeout).GET().build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 200) {
				log.warn("Keycloak answered {} for {}: the realm is not ready", status, this.realmMetadata);
			}
			return status == 200;
		}
		catch (IOException ex) {
			log.warn("Keycloak does not answer at {}: {}", this.realmMetadata, ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

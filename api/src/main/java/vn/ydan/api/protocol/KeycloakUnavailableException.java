package vn.ydan.api.protocol;

/**
 * Keycloak did not answer, or answered with an unexpected error, while the api changed
 * users, roles or partner apps; becomes a GraphQL error with
 * {@code extensions.code = KEYCLOAK_UNAVAILABLE}. The message (Vietnamese) says whether
 * anything was left changed.
 */
public class KeycloakUnavailableException extends RuntimeException {

	public KeycloakUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public KeycloakUnavailableException(String message) {
		super(message);
	}

}

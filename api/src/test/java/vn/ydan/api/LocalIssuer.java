package vn.ydan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the ydan realm of Keycloak: serves the OpenID discovery document and a
 * JWK set with a key generated at start, and signs tokens shaped like Keycloak's (realm
 * roles in {@code realm_access.roles}, {@code aud}, {@code azp},
 * {@code preferred_username}). The API under test resolves it like the real issuer, so
 * its real decoder and role mapping run; unlike the real one, it can sign tokens that
 * expired long ago.
 */
public final class LocalIssuer {

	public static final String AUDIENCE = "ydan-api";

	/**
	 * The client of a resident app: a partner app granted resident answers, whose tokens
	 * carry {@value #GRANTS_CLAIM} {@value #RESIDENT_ANSWERS} (decision 13). Residents
	 * answer through such an app, never through the console.
	 */
	public static final String RESIDENT_APP = "partner-resident-app-test";

	public static final String GRANTS_CLAIM = "ydan_grants";

	public static final String RESIDENT_ANSWERS = "resident-answers";

	private static LocalIssuer shared;

	private final HttpServer server;

	private final RSAKey key;

	private final RSAKey untrustedKey;

	private LocalIssuer() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("local-issuer").generate();
			// Same kid: the decoder finds "its" key and the signature check is what
			// fails.
			this.untrustedKey = new RSAKeyGenerator(2048).keyID("local-issuer").generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/realms/ydan/.well-known/openid-configuration", (exchange) -> json(exchange, """
				{"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs",
				 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}"""
			.formatted(issuer(), issuer())));
		this.server.createContext("/realms/ydan/protocol/openid-connect/certs",
				(exchange) -> json(exchange, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.start();
	}

	public static synchronized LocalIssuer shared() {
		if (shared == null) {
			shared = new LocalIssuer();
		}
		return shared;
	}

	/** What {@code YDAN_KEYCLOAK_URL} is set to. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String issuer() {
		return baseUrl() + "/realms/ydan";
	}

	/**
	 * A valid token of the {@code ydan-console} client for a user holding the given realm
	 * roles (plus Keycloak's own default roles).
	 */
	public String tokenFor(String username, String name, String... roles) {
		return token((claims) -> claims.claim("preferred_username", username)
			.claim("name", name)
			.claim("realm_access", Map.of("roles", realmRoles(roles))));
	}

	/** A valid token, adjusted by {@code customizer}. */
	public String token(Consumer<JWTClaimsSet.Builder> customizer) {
		return sign(this.key, customizer);
	}

	/** A token the issuer's published key does not verify. */
	public String tokenSignedByAnotherKey(Consumer<JWTClaimsSet.Builder> customizer) {
		return sign(this.untrustedKey, customizer);
	}

	private String sign(RSAKey signingKey, Consumer<JWTClaimsSet.Builder> customizer) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(UUID.randomUUID().toString())
			.audience(List.of(AUDIENCE, "account"))
			.claim("azp", "ydan-console")
			.claim("typ", "Bearer")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString());
		customizer.accept(claims);
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims.build());
			jwt.sign(new RSASSASigner(signingKey));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> realmRoles(String... roles) {
		var all = new java.util.ArrayList<>(List.of(roles));
		all.addAll(List.of("default-roles-ydan", "offline_access", "uma_authorization"));
		return all;
	}

	private static void json(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}

package vn.ydan.admin.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserSource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRolesUnitTest {

	private static final String ISSUER = "http://127.0.0.1:8180/realms/ydan";

	private static KeyPair keycloakKeys;

	private static KeyPair someoneElsesKeys;

	@BeforeAll
	static void keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		keycloakKeys = generator.generateKeyPair();
		someoneElsesKeys = generator.generateKeyPair();
	}

	@Test
	void realmRolesOfAKeycloakIdTokenBecomeRoleAuthorities() {
		OidcIdToken idToken = idToken(Map.of("realm_access",
				Map.of("roles", List.of("default-roles-ydan", "offline_access", "official", "uma_authorization"))));

		Collection<? extends GrantedAuthority> mapped = new KeycloakRealmRoles()
			.mapAuthorities(List.of(new OidcUserAuthority(idToken, null)));

		assertThat(AuthorityUtils.authorityListToSet(mapped)).contains("ROLE_official")
			.doesNotContain("ROLE_offline_access", "ROLE_default-roles-ydan", "ROLE_uma_authorization");
	}

	@Test
	void anIdTokenWithoutRealmRolesGivesNoRoles() {
		Collection<? extends GrantedAuthority> mapped = new KeycloakRealmRoles()
			.mapAuthorities(List.of(new OidcUserAuthority(idToken(Map.of()), null)));

		assertThat(AuthorityUtils.authorityListToSet(mapped)).noneMatch((authority) -> authority.startsWith("ROLE_"));
	}

	@Test
	void realmRolesOfTheAccessTokenBecomeRoleAuthoritiesOfTheSignedInUser() throws Exception {
		// Keycloak's default: the realm roles are in the access token only.
		String accessToken = accessToken(keycloakKeys, ISSUER, List.of("default-roles-ydan", "admin"));

		OidcUser user = accessTokenRoles().convert(source(accessToken));

		assertThat(AuthorityUtils.authorityListToSet(user.getAuthorities())).contains("ROLE_admin", "SCOPE_openid")
			.doesNotContain("ROLE_default-roles-ydan");
		assertThat(user.getName()).isEqualTo("quantri");
		assertThat(SignedInUser.of(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak")))
			.hasValueSatisfying((signedIn) -> {
				assertThat(signedIn.roles()).containsExactly(Role.ADMIN);
				assertThat(signedIn.displayName()).isEqualTo("Nguyễn Văn An");
			});
	}

	@Test
	void anAccessTokenNotSignedByKeycloakGivesNoRoles() throws Exception {
		String forged = accessToken(someoneElsesKeys, ISSUER, List.of("admin"));

		OidcUser user = accessTokenRoles().convert(source(forged));

		assertThat(AuthorityUtils.authorityListToSet(user.getAuthorities())).doesNotContain("ROLE_admin");
	}

	@Test
	void anAccessTokenOfAnotherIssuerGivesNoRoles() throws Exception {
		String elsewhere = accessToken(keycloakKeys, "http://127.0.0.1:9999/realms/other", List.of("admin"));

		assertThat(accessTokenRoles().rolesOf(elsewhere)).isEmpty();
	}

	@Test
	void rolesAreRecognisedInTheFormsKeycloakAndTheApiUse() {
		assertThat(Role.of("official")).contains(Role.OFFICIAL);
		assertThat(Role.of("ADMIN")).contains(Role.ADMIN);
		assertThat(Role.of("ROLE_clerk")).contains(Role.CLERK);
		assertThat(Role.of("offline_access")).isEmpty();
		assertThat(Set.of(Role.values())).extracting(Role::realmName)
			.containsExactlyInAnyOrder("admin", "official", "clerk", "resident", "partner");
	}

	private static AccessTokenRoles accessTokenRoles() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keycloakKeys.getPublic()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
		return new AccessTokenRoles(decoder);
	}

	private static OidcUserSource source(String accessToken) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("keycloak")
			.clientId("ydan-console")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri(ISSUER + "/protocol/openid-connect/auth")
			.tokenUri(ISSUER + "/protocol/openid-connect/token")
			.userNameAttributeName("preferred_username")
			.build();
		Instant now = Instant.now();
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now,
				now.plusSeconds(300), Set.of("openid", "profile", "email"));
		OidcIdToken idToken = idToken(Map.of("given_name", "An", "family_name", "Nguyễn Văn"));
		return new OidcUserSource(new OidcUserRequest(registration, token, idToken), null, null);
	}

	private static OidcIdToken idToken(Map<String, Object> claims) {
		Instant now = Instant.now();
		return OidcIdToken.withTokenValue("id-token")
			.issuer(ISSUER)
			.subject("3f6c")
			.audience(List.of("ydan-console"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.claim("preferred_username", "quantri")
			.claims((all) -> all.putAll(claims))
			.build();
	}

	private static String accessToken(KeyPair keys, String issuer, List<String> roles) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("3f6c")
			.audience(List.of("ydan-api", "account"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("azp", "ydan-console")
			.claim("preferred_username", "quantri")
			.claim("realm_access", Map.of("roles", roles))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		return jwt.serialize();
	}

}

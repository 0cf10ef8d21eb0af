package vn.ydan.admin.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserSource;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Builds the signed-in user like Spring's default does, plus the realm roles that
 * Keycloak puts only in the access token (with the realm's default "roles" mapper they
 * are neither in the ID token nor in the user info). The access token is checked
 * (signature, issuer, expiry) before its claims are trusted, with the same keys as the ID
 * token.
 */
final class AccessTokenRoles implements Converter<OidcUserSource, OidcUser> {

	private static final Logger log = LoggerFactory.getLogger(AccessTokenRoles.class);

	private final JwtDecoder accessTokens;

	AccessTokenRoles(JwtDecoder accessTokens) {
		this.accessTokens = accessTokens;
	}

	@Override
	public OidcUser convert(OidcUserSource source) {
		OidcUserRequest request = source.getUserRequest();
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		authorities.add(new OidcUserAuthority(request.getIdToken(), source.getUserInfo()));
		for (String scope : request.getAccessToken().getScopes()) {
			authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
		}
		authorities.addAll(rolesOf(request.getAccessToken().getTokenValue()));
		String nameAttribute = request.getClientRegistration()
			.getProviderDetails()
			.getUserInfoEndpoint()
			.getUserNameAttributeName();
		return new DefaultOidcUser(authorities, request.getIdToken(), source.getUserInfo(), nameAttribute);
	}

	Set<GrantedAuthority> rolesOf(String accessToken) {
		try {
			return KeycloakRealmRoles.authoritiesOf(this.accessTokens.decode(accessToken).getClaims());
		}
		catch (JwtException ex) {
			// Not fatal: the user is signed in, but sees only what needs no role; the api
			// decides on its own anyway.
			log.warn("Could not read the realm roles from the access token: {}", ex.getMessage());
			return Set.of();
		}
	}

}

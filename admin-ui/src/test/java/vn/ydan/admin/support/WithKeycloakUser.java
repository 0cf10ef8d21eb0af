package vn.ydan.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * A user signed in through Keycloak, shaped like the console's own sign-in makes them
 * (OIDC user, {@code ROLE_*} authorities from the realm roles).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithSecurityContext(factory = WithKeycloakUser.Factory.class)
public @interface WithKeycloakUser {

	String username() default "canbo";

	String givenName() default "Bình";

	String familyName() default "Trần Thị";

	String[] roles() default { "official" };

	final class Factory implements WithSecurityContextFactory<WithKeycloakUser> {

		@Override
		public SecurityContext createSecurityContext(WithKeycloakUser user) {
			Instant now = Instant.now();
			OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + user.username())
				.issuer("http://keycloak.test/realms/ydan")
				.subject("sub-" + user.username())
				.audience(List.of("ydan-console"))
				.issuedAt(now)
				.expiresAt(now.plusSeconds(300))
				.claims((claims) -> claims
					.putAll(Map.of("preferred_username", user.username(), "given_name", user.givenName(), "family_name",
							user.familyName(), "name", user.givenName() + " " + user.familyName())))
				.build();
			List<GrantedAuthority> authorities = new ArrayList<>();
			authorities.add(new OidcUserAuthority(idToken, null));
			for (String role : user.roles()) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
			}
			DefaultOidcUser principal = new DefaultOidcUser(authorities, idToken, "preferred_username");
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(new OAuth2AuthenticationToken(principal, authorities, "keycloak"));
			return context;
		}

	}

}

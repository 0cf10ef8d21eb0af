package vn.ydan.api.access;

import vn.ydan.api.protocol.Bench;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer tokens from the ydan realm; issuer and audience come from
 * {@code spring.security.oauth2.resourceserver.jwt.*}, the role mapping from
 * {@link ClientBoundRoles}.
 * <p>
 * {@code /graphql} lets anonymous callers in because authorization is per operation
 * ({@code @PreAuthorize}), and the public registry will be readable without a token. A
 * token that is present but invalid is still rejected here with 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/graphql", "/graphiql")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			// Result exports decide per consultation (public once published), like
			// /graphql.
			.requestMatchers(HttpMethod.GET, "/exports/**")
			.permitAll()
			.anyRequest()
			.denyAll())
			// No cookies, no sessions: every request carries its token, so CSRF cannot
			// apply.
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults())
				// /.well-known/oauth-protected-resource (RFC 9728) tells clients where to
				// get
				// tokens; without this it names no authorization server and claims mTLS
				// binding.
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer(
						(claims) -> claims.authorizationServer(issuer).tlsClientCertificateBoundAccessTokens(false))));
		return http.build();
	}

	/**
	 * Tokens → callers: the login name ({@code preferred_username}) as the name, the
	 * realm roles bound to the token's client as the authorities
	 * ({@link ClientBoundRoles}). A bean, so that HTTP and WebSocket
	 * ({@link WebSocketAuthentication}) use the same.
	 */
	@Bean
	JwtAuthenticationConverter jwtAuthenticationConverter(ClientBoundRoles roles) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setPrincipalClaimName("preferred_username");
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

	/**
	 * With the {@value Bench#PROFILE} profile only: the benchmark baselines
	 * ({@code Bench*} controllers) answer under {@value Bench#PATHS} without a token,
	 * like the public GraphQL reads; one chain for all of them, ahead of the api's.
	 */
	@Bean
	@Order(0)
	@Profile(Bench.PROFILE)
	SecurityFilterChain benchSecurity(HttpSecurity http) {
		http.securityMatcher(Bench.PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}

package vn.ydan.admin.security;

import java.util.Map;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Sign-in with Keycloak (OIDC authorization code with PKCE), the access token for calls
 * to the api (refreshed when it expires), and logout at Keycloak.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	static final String REGISTRATION_ID = "keycloak";

	@Bean
	SecurityFilterChain consoleSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients, KeycloakProbe keycloak, KeycloakProperties properties)
			throws Exception {
		ClientHttpRequestFactory keycloakHttp = keycloakRequestFactory(properties);
		RestClientAuthorizationCodeTokenResponseClient codeExchange = new RestClientAuthorizationCodeTokenResponseClient();
		codeExchange.setRestClient(tokenEndpointClient(keycloakHttp));
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", SignInController.SIGNED_OUT, "/error")
			.permitAll()
			// The charting library's script (a public WebJar: layout.EChart).
			.requestMatchers("/webjars/echarts/**")
			.permitAll());
		// The sign-in page checks that Keycloak answers before sending users there.
		http.with(VaadinSecurityConfigurer.vaadin(), (vaadin) -> vaadin.oauth2LoginPage(SignInController.SIGN_IN)
			.logoutSuccessHandler(new KeycloakLogout(registrations, keycloak)));
		// After Vaadin's configurer: it sets the login page during its init, which must
		// come before OAuth2 login's own init, or Spring falls back to its generated
		// login page.
		http.oauth2Login((login) -> login.authorizedClientRepository(authorizedClients)
			.tokenEndpoint((token) -> token.accessTokenResponseClient(codeExchange))
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(oidcUserService(properties, keycloakHttp))
				.userAuthoritiesMapper(new KeycloakRealmRoles())));
		return http.build();
	}

	/**
	 * Endpoints configured from the base URL instead of discovered from the issuer:
	 * discovery would need Keycloak to answer when the console starts.
	 */
	@Bean
	ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Keycloak")
			.clientId(keycloak.clientId())
			.clientSecret(keycloak.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.issuerUri(keycloak.issuer())
			.authorizationUri(keycloak.endpoint("auth"))
			.tokenUri(keycloak.endpoint("token"))
			.jwkSetUri(keycloak.endpoint("certs"))
			.userInfoUri(keycloak.endpoint("userinfo"))
			.userNameAttributeName(StandardClaimNames.PREFERRED_USERNAME)
			.providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endpoint("logout")))
			// Spring adds PKCE by itself only for public clients; the console is
			// confidential, and PKCE still protects it against a stolen authorization
			// code.
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	/**
	 * Kept in the HTTP session rather than in Spring's default in-memory service: it then
	 * ends with the session instead of piling up, and two sessions of one person do not
	 * share tokens.
	 */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/**
	 * Hands out the signed-in user's access token, refreshing it first when it is about
	 * to expire.
	 */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients, KeycloakProperties properties) {
		RestClientRefreshTokenTokenResponseClient refresh = new RestClientRefreshTokenTokenResponseClient();
		refresh.setRestClient(tokenEndpointClient(keycloakRequestFactory(properties)));
		OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken((refreshToken) -> refreshToken.accessTokenResponseClient(refresh))
			.build();
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

	@Bean
	KeycloakProbe keycloakProbe(KeycloakProperties keycloak) {
		return new KeycloakProbe(keycloak.issuer(), keycloak.probeTimeout());
	}

	private static OidcUserService oidcUserService(KeycloakProperties keycloak, ClientHttpRequestFactory http) {
		NimbusJwtDecoder accessTokens = NimbusJwtDecoder.withJwkSetUri(keycloak.endpoint("certs"))
			.restOperations(new RestTemplate(http))
			.build();
		accessTokens.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
		RestTemplate userInfoHttp = new RestTemplate(http);
		userInfoHttp.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
		DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
		userInfo.setRestOperations(userInfoHttp);
		OidcUserService users = new OidcUserService();
		users.setOauth2UserService(userInfo);
		users.setOidcUserConverter(new AccessTokenRoles(accessTokens));
		return users;
	}

	/**
	 * Spring's token clients have no timeouts by default: a Keycloak that hangs would
	 * hang sign-in.
	 */
	private static ClientHttpRequestFactory keycloakRequestFactory(KeycloakProperties keycloak) {
		return ClientHttpRequestFactoryBuilder.jdk()
			.build(HttpClientSettings.defaults().withTimeouts(keycloak.connectTimeout(), keycloak.readTimeout()));
	}

	private static RestClient tokenEndpointClient(ClientHttpRequestFactory http) {
		return RestClient.builder()
			.requestFactory(http)
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

}

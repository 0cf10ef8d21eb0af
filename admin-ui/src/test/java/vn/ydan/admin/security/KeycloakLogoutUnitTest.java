package vn.ydan.admin.security;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import vn.ydan.admin.support.FakeBackend;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakLogoutUnitTest {

	private final FakeBackend keycloak;

	KeycloakLogoutUnitTest() throws Exception {
		this.keycloak = FakeBackend.start();
	}

	@AfterEach
	void stop() {
		this.keycloak.stop();
	}

	@Test
	void signingOutEndsTheKeycloakSessionAndComesBackToTheConsole() throws Exception {
		MockHttpServletResponse response = signOut(logout(this.keycloak.baseUrl()));

		URI endSession = URI.create(response.getRedirectedUrl());
		assertThat(endSession.getPath()).isEqualTo("/realms/ydan/protocol/openid-connect/logout");
		String query = URLDecoder.decode(endSession.getRawQuery(), StandardCharsets.UTF_8);
		assertThat(query).contains("id_token_hint=id-token-of-canbo", "post_logout_redirect_uri=http://127.0.0.1:8081");
	}

	@Test
	void whenKeycloakIsDownSaysSoInsteadOfSendingTheBrowserThere() throws Exception {
		String closed = SignInPagesUnitTest.closedPortUrl().replace("/realms/ydan", "");

		MockHttpServletResponse response = signOut(logout(closed));

		assertThat(response.getRedirectedUrl()).isEqualTo("/signed-out");
	}

	private static KeycloakLogout logout(String keycloakUrl) {
		KeycloakProperties properties = new KeycloakProperties(URI.create(keycloakUrl), "ydan", "ydan-console",
				"secret", Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1));
		ClientRegistrationRepository registrations = new SecurityConfiguration().clientRegistrations(properties);
		return new KeycloakLogout(registrations, new KeycloakProbe(properties.issuer(), properties.probeTimeout()));
	}

	private static MockHttpServletResponse signOut(KeycloakLogout logout) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
		request.setScheme("http");
		request.setServerName("127.0.0.1");
		request.setServerPort(8081);
		MockHttpServletResponse response = new MockHttpServletResponse();
		logout.onLogoutSuccess(request, response, canbo());
		return response;
	}

	private static OAuth2AuthenticationToken canbo() {
		Instant now = Instant.now();
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-canbo")
			.issuer("http://keycloak.test/realms/ydan")
			.subject("sub")
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.claim("preferred_username", "canbo")
			.build();
		List<GrantedAuthority> authorities = List.of(new OidcUserAuthority(idToken, null));
		return new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken, "preferred_username"),
				authorities, "keycloak");
	}

}

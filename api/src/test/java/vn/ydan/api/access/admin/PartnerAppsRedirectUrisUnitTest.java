package vn.ydan.api.access.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ydan.api.protocol.KeycloakUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A partner app's redirect URIs are exact, absolute https:// addresses (http only on this
 * machine, for trying an app out): Keycloak treats {@code *} as a wildcard, so a prefix
 * check would let an app send a resident's code anywhere.
 */
class PartnerAppsRedirectUrisUnitTest {

	/**
	 * Keycloak on a port nobody listens on: a URI that passes the checks fails fast
	 * there.
	 */
	private final PartnerApps apps = new PartnerApps(new KeycloakAdmin(new KeycloakAdminProperties("http://127.0.0.1:1",
			"ydan", "ydan-role-manager", "secret", Duration.ofSeconds(2)), Clock.systemUTC()));

	@ParameterizedTest
	@ValueSource(strings = { "https://*", "https://bao.example.vn/*", "https://bao.example.vn/cb*",
			"http://localhost.evil.example/cb", "http://127.0.0.1.evil.example/cb", "https://bao.example.vn/cb#then",
			"https://user@bao.example.vn/cb", "/relative/cb", "bao.example.vn/cb", "+", "http://bao.example.vn/cb",
			"javascript:alert(1)", "https:///cb", " https://bao.example.vn/cb" })
	void redirectUrisThatAreNotExactAbsoluteHttpsAddressesAreRefused(String uri) {
		PartnerAppPayload payload = this.apps.register("Báo Tuổi Trẻ", null, true, List.of(uri));

		assertThat(payload.app()).isNull();
		assertThat(payload.userErrors()).singleElement().satisfies((error) -> {
			assertThat(error.code()).isEqualTo("REDIRECT_URI_INVALID");
			assertThat(error.field()).containsExactly("input", "redirectUris");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://bao.example.vn/dang-nhap/xong", "https://bao.example.vn:8443/cb?from=ydan",
			"http://127.0.0.1:5173/callback", "http://localhost:3000/cb" })
	void exactHttpsAddressesAndLocalHttpPassTheChecks(String uri) {
		// Past the checks, the next step is Keycloak: here unreachable.
		assertThatThrownBy(() -> this.apps.register("Báo Tuổi Trẻ", null, true, List.of(uri)))
			.isInstanceOf(KeycloakUnavailableException.class);
	}

}

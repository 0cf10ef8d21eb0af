package vn.ydan.admin.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import vn.ydan.admin.security.Role;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The GraphQL client against a real (tiny) HTTP server: what the api answers, and what it
 * fails with.
 */
class ApiClientIntegrationTest {

	private final FakeBackend backend;

	ApiClientIntegrationTest() throws IOException {
		this.backend = FakeBackend.start();
	}

	@AfterEach
	void stop() {
		this.backend.stop();
	}

	@Test
	void readsMe() {
		this.backend.answerApi((call) -> Reply.json(200,
				"""
						{"data":{"me":{"username":"canbo","displayName":"Trần Thị Bình","roles":["official"],"clientId":"ydan-console"}}}"""));

		Me me = client(this.backend.graphQlUrl()).me();

		assertThat(me).isEqualTo(new Me("canbo", "Trần Thị Bình", List.of("official"), "ydan-console"));
		assertThat(me.hasRole(Role.OFFICIAL)).isTrue();
		assertThat(me.hasRole(Role.ADMIN)).isFalse();
		assertThat(this.backend.apiCalls()).singleElement().satisfies((call) -> assertThat(call.asks("me")).isTrue());
	}

	@Test
	void forbiddenFromTheApiIsForbidden() {
		this.backend.answerApi((call) -> Reply.graphQl(200,
				"""
						{"errors":[{"message":"Forbidden","extensions":{"code":"FORBIDDEN"}}],"data":{"systemStatus":null}}"""));

		assertThatExceptionOfType(ApiForbiddenException.class)
			.isThrownBy(() -> client(this.backend.graphQlUrl()).systemStatus());
	}

	@Test
	void unauthorizedFromTheApiAsksToSignInAgain() {
		this.backend.answerApi((call) -> Reply.graphQl(401, """
				{"errors":[{"message":"Unauthorized","extensions":{"code":"UNAUTHORIZED"}}]}"""));

		assertThatExceptionOfType(SignInRequiredException.class)
			.isThrownBy(() -> client(this.backend.graphQlUrl()).me());
	}

	@Test
	void aBare401AsksToSignInAgain() {
		this.backend.answerApi((call) -> new Reply(401, "text/plain", ""));

		assertThatExceptionOfType(SignInRequiredException.class)
			.isThrownBy(() -> client(this.backend.graphQlUrl()).me());
	}

	@Test
	void otherGraphQlErrorsAreApiFailures() {
		this.backend.answerApi((call) -> Reply.json(200,
				"""
						{"errors":[{"message":"Validation error: field 'storeKind' undefined","extensions":{"classification":"ValidationError"}}]}"""));

		assertThatExceptionOfType(ApiFailedException.class)
			.isThrownBy(() -> client(this.backend.graphQlUrl()).systemStatus());
	}

	@Test
	void anApiThatRefusesConnectionsIsUnavailable() throws IOException {
		assertThatExceptionOfType(ApiUnavailableException.class).isThrownBy(() -> client(closedPortUrl()).me())
			.satisfies((failure) -> assertThat(failure.messageKey()).isEqualTo("error.api.unavailable"));
	}

	@Test
	void aGatewayThatCannotReachTheApiIsUnavailable() {
		this.backend.answerApi((call) -> new Reply(503, "text/html", "<h1>Service Unavailable</h1>"));

		assertThatExceptionOfType(ApiUnavailableException.class)
			.isThrownBy(() -> client(this.backend.graphQlUrl()).me());
	}

	@Test
	void tokenProblemsAreTranslatedToWhatTheUserCanDo() {
		assertThat(ApiClient.translate(new ClientAuthorizationRequiredException("keycloak")))
			.isInstanceOf(SignInRequiredException.class);
		assertThat(ApiClient.translate(new OAuth2AuthorizationException(new OAuth2Error("invalid_grant"))))
			.isInstanceOf(SignInRequiredException.class);
		assertThat(ApiClient.translate(new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"),
				new ResourceAccessException("I/O error on POST", new ConnectException("refused")))))
			.isInstanceOf(SignInServerUnavailableException.class);
	}

	private static ApiClient client(String url) {
		RestClient http = RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))))
			.build();
		return new ApiClient(HttpSyncGraphQlClient.builder(http).url(url).build(), null);
	}

	private static String closedPortUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort() + "/graphql";
		}
	}

}

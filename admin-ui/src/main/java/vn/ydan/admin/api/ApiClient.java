package vn.ydan.admin.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.ClientResponseField;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;

import vn.ydan.admin.security.AccessTokens;

/**
 * The console's only way to the data: the api's GraphQL schema, called as the signed-in
 * user. Every failure comes out as an {@link ApiException} that says what to tell the
 * user.
 * <p>
 * The queries are in {@code src/main/resources/graphql-documents/}, one file each.
 */
@Component
public class ApiClient {

	private static final Logger log = LoggerFactory.getLogger(ApiClient.class);

	/**
	 * Marks a request to send without a token ({@link #anonymous()}); the request
	 * interceptor removes it.
	 */
	static final String ANONYMOUS = "X-Ydan-Anonymous";

	private final HttpSyncGraphQlClient graphQl;

	private final @Nullable AccessTokens tokens;

	private final @Nullable ApiSubscriptions subscriptions;

	/** The token a background client carries ({@link #forBackground()}). */
	private final @Nullable String accessToken;

	/**
	 * @param tokens where the signed-in user's token comes from; none for a client that
	 * carries one already
	 */
	ApiClient(HttpSyncGraphQlClient graphQl, @Nullable AccessTokens tokens) {
		this(graphQl, tokens, null, null);
	}

	@Autowired
	ApiClient(HttpSyncGraphQlClient graphQl, @Nullable AccessTokens tokens, @Nullable ApiSubscriptions subscriptions) {
		this(graphQl, tokens, subscriptions, null);
	}

	private ApiClient(HttpSyncGraphQlClient graphQl, @Nullable AccessTokens tokens,
			@Nullable ApiSubscriptions subscriptions, @Nullable String accessToken) {
		this.graphQl = graphQl;
		this.tokens = tokens;
		this.subscriptions = subscriptions;
		this.accessToken = accessToken;
	}

	/**
	 * The same client for work done off the user's request thread (a long import,
	 * applying a plan, the live refresh), as the signed-in user: their access token is
	 * taken now, on the request thread, because the work runs where their session is out
	 * of reach. Calls made with it must end within the token's lifetime (minutes): take a
	 * new one before then. The feature {@code *Api} classes' {@code forBackground()} are
	 * this, typed.
	 * @throws ApiException when there is no token for the user (any more)
	 */
	public ApiClient forBackground() {
		AccessTokens tokens = this.tokens;
		if (tokens == null) {
			return this;
		}
		String accessToken;
		try {
			accessToken = tokens.current();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
		// The request interceptor (ApiConfiguration) leaves a request that carries a
		// token
		// as it is.
		return new ApiClient(this.graphQl.mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).build(),
				null, this.subscriptions, accessToken);
	}

	/**
	 * A subscription of {@code graphql-documents/} over the api's WebSocket, as the user
	 * of this background client ({@link #forBackground()}): one connection while the
	 * stream is subscribed to. It ends with an error when the token expires (the api then
	 * closes the connection): subscribe again with a new background client.
	 * @throws ApiException (in the stream) when it cannot be had: no WebSocket, a refusal
	 */
	public <T> Flux<T> subscribe(String document, Map<String, ? extends @Nullable Object> variables, String path,
			Class<T> type) {
		ApiSubscriptions sockets = this.subscriptions;
		String token = this.accessToken;
		if (sockets == null || token == null) {
			return Flux.error(new ApiUnavailableException(
					"No subscription for " + document
							+ ": only a background client with a token (forBackground) subscribes",
					new IllegalStateException("no token")));
		}
		return sockets.subscribe(token, document, variables, path, type);
	}

	/**
	 * The same client without the user's token, for the public pages (signed in or not:
	 * they show what anyone may see, and the api caches anonymous registry answers).
	 */
	public ApiClient anonymous() {
		return new ApiClient(this.graphQl.mutate().header(ANONYMOUS, "true").build(), null);
	}

	/** The signed-in user as the api sees them. */
	public Me me() {
		return fetch("me", "me", Me.class);
	}

	/** The api's status; for admins only ({@link ApiForbiddenException} otherwise). */
	public SystemStatus systemStatus() {
		return fetch("systemStatus", "systemStatus", SystemStatus.class);
	}

	/**
	 * Runs a document of {@code graphql-documents/} and reads one field of the answer.
	 * Variables that are {@code null} are left out, so that the schema's defaults apply
	 * (an explicit {@code null} would override them).
	 * @throws ApiException when there is no answer, or the field is {@code null} (with
	 * the api's errors, or without)
	 */
	public <T> T fetch(String document, Map<String, ? extends @Nullable Object> variables, String path, Class<T> type) {
		T value = fetchIfAny(document, variables, path, type).orElse(null);
		if (value == null) {
			throw new ApiFailedException(document + ": no data and no errors");
		}
		return value;
	}

	/**
	 * Like {@link #fetch(String, Map, String, Class)}, but a {@code null} field without
	 * errors is an answer too (e.g. "no unit with this id"): empty.
	 */
	public <T> Optional<T> fetchIfAny(String document, Map<String, ? extends @Nullable Object> variables, String path,
			Class<T> type) {
		Map<String, Object> present = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (value != null) {
				present.put(name, value);
			}
		});
		ClientGraphQlResponse response = execute(document, present);
		ClientResponseField field = response.field(path);
		T value = (field.getValue() != null) ? field.toEntity(type) : null;
		if (value == null && !response.getErrors().isEmpty()) {
			ApiException failure = fromErrors(document, response.getErrors());
			log.warn("Query {} answered with errors: {}", document, response.getErrors());
			throw failure;
		}
		return Optional.ofNullable(value);
	}

	private <T> T fetch(String document, String path, Class<T> type) {
		ClientGraphQlResponse response = execute(document, Map.of());
		ClientResponseField field = response.field(path);
		T value = (field.getValue() != null) ? field.toEntity(type) : null;
		if (value == null) {
			ApiException failure = fromErrors(document, response.getErrors());
			log.warn("Query {} answered with errors: {}", document, response.getErrors());
			throw failure;
		}
		return value;
	}

	private ClientGraphQlResponse execute(String document, Map<String, Object> variables) {
		try {
			return this.graphQl.documentName(document).variables(variables).executeSync();
		}
		catch (RuntimeException ex) {
			ApiException failure = translate(ex);
			if (failure instanceof ApiFailedException) {
				log.warn("Query {} failed: {}", document, failure.getMessage(), ex);
			}
			else {
				// Expected trouble (api down, session over): one line, the trace only on
				// demand.
				log.warn("Query {} failed: {}", document, failure.getMessage());
				log.debug("Query {} failed", document, ex);
			}
			throw failure;
		}
	}

	/**
	 * GraphQL errors, by the {@code extensions.code} the api sets (or Spring's
	 * classification).
	 */
	static ApiException fromErrors(String document, List<ResponseError> errors) {
		for (ResponseError error : errors) {
			String code = codeOf(error);
			if ("FORBIDDEN".equals(code)) {
				return new ApiForbiddenException(document + ": " + error.getMessage());
			}
			if ("UNAUTHORIZED".equals(code) || "UNAUTHENTICATED".equals(code)) {
				return new SignInRequiredException(document + ": " + error.getMessage());
			}
		}
		return new ApiFailedException(
				document + ": " + (errors.isEmpty() ? "no data and no errors" : errors.get(0).getMessage()));
	}

	private static String codeOf(ResponseError error) {
		Map<String, Object> extensions = error.getExtensions();
		Object code = extensions.get("code");
		if (code == null) {
			code = extensions.get("classification");
		}
		return (code != null) ? code.toString() : error.getErrorType().toString();
	}

	/**
	 * Transport failures: anything between the console and a GraphQL answer, including
	 * getting the user's token.
	 */
	public static ApiException translate(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiException known) {
				return known;
			}
			if (cause instanceof ClientAuthorizationRequiredException) {
				return new SignInRequiredException("No access token: " + cause.getMessage(), failure);
			}
			if (cause instanceof OAuth2AuthorizationException oauth) {
				return refreshFailed(oauth, failure);
			}
			if (cause instanceof HttpStatusCodeException http) {
				return fromStatus(http.getStatusCode(), failure);
			}
			if (cause instanceof ResourceAccessException || cause instanceof IOException) {
				return new ApiUnavailableException("The api does not answer: " + cause.getMessage(), failure);
			}
		}
		return new ApiFailedException("Calling the api failed: " + failure, failure);
	}

	private static ApiException refreshFailed(OAuth2AuthorizationException oauth, Throwable failure) {
		for (Throwable cause = oauth.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ResourceAccessException || cause instanceof IOException) {
				return new SignInServerUnavailableException("Keycloak does not answer: " + cause.getMessage(), failure);
			}
		}
		if (OAuth2ErrorCodes.INVALID_GRANT.equals(oauth.getError().getErrorCode())) {
			return new SignInRequiredException("The refresh token was rejected: " + oauth.getMessage(), failure);
		}
		return new SignInRequiredException("Renewing the access token failed: " + oauth.getMessage(), failure);
	}

	private static ApiException fromStatus(HttpStatusCode status, Throwable failure) {
		if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
			return new SignInRequiredException("The api rejected the token (401)", failure);
		}
		if (status.value() == HttpStatus.FORBIDDEN.value()) {
			return new ApiForbiddenException("The api refused (403)");
		}
		if (status.value() == HttpStatus.BAD_GATEWAY.value() || status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()
				|| status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
			return new ApiUnavailableException("The api is unavailable (" + status.value() + ")", failure);
		}
		return new ApiFailedException("The api answered " + status.value(), failure);
	}

}

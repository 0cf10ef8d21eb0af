package vn.ydan.api.access.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.api.access.HouseholdScope;
import vn.ydan.api.access.Roles;
import vn.ydan.api.protocol.KeycloakUnavailableException;
import vn.ydan.api.protocol.UserError;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Partner apps: Keycloak client-credentials clients with the role {@code partner}, made,
 * rotated and disabled by admins through the api. A client's tokens carry the realm roles
 * it was granted ({@code partner}; {@code resident} with resident answers) and none of
 * its users' ({@code fullScopeAllowed=false}); it requires its users' consent and has no
 * offline access. Only clients marked {@value PartnerApp#MARK} are touched: the console's
 * own client cannot be rotated from here.
 */
@Service
class PartnerApps {

	static final String AUDIENCE = "ydan-api";

	private static final Logger log = LoggerFactory.getLogger(PartnerApps.class);

	private static final SecureRandom random = new SecureRandom();

	private final KeycloakAdmin keycloak;

	PartnerApps(KeycloakAdmin keycloak) {
		this.keycloak = keycloak;
	}

	@PreAuthorize(Roles.IS_ADMIN)
	List<PartnerApp> list() {
		List<PartnerApp> apps = new ArrayList<>();
		for (Map<String, Object> client : this.keycloak.list("/clients", Map.of("first", 0, "max", 1000))) {
			if (PartnerApp.isPartnerApp(client)) {
				apps.add(PartnerApp.of(client));
			}
		}
		apps.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
		return apps;
	}

	@PreAuthorize(Roles.IS_ADMIN)
	PartnerAppPayload register(String name, @Nullable String description, boolean residentAnswers,
			List<String> redirectUris) {
		String shown = name.strip();
		if (shown.isEmpty() || shown.length() > 100) {
			return PartnerAppPayload.rejected(UserError.of("name", "Tên ứng dụng gồm 1–100 ký tự", "NAME_INVALID"));
		}
		for (String uri : redirectUris) {
			String problem = redirectUriProblem(uri);
			if (problem != null) {
				return PartnerAppPayload.rejected(UserError.of("redirectUris",
						"Địa chỉ quay lại " + problem + ": " + uri, "REDIRECT_URI_INVALID"));
			}
		}
		if (residentAnswers && redirectUris.isEmpty()) {
			return PartnerAppPayload.rejected(UserError.of("redirectUris",
					"Ứng dụng gửi ý kiến thay cư dân cần ít nhất một địa chỉ quay lại sau đăng nhập",
					"REDIRECT_URI_REQUIRED"));
		}
		String clientId = "partner-" + slug(shown) + "-" + HexFormat.of().formatHex(randomBytes(3));
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("clientId", clientId);
		client.put("name", shown);
		if (description != null && !description.isBlank()) {
			client.put("description", description.strip());
		}
		client.put("enabled", true);
		client.put("protocol", "openid-connect");
		client.put("publicClient", false);
		client.put("clientAuthenticatorType", "client-secret");
		client.put("serviceAccountsEnabled", true);
		client.put("standardFlowEnabled", residentAnswers);
		client.put("implicitFlowEnabled", false);
		client.put("directAccessGrantsEnabled", false);
		client.put("redirectUris", residentAnswers ? redirectUris : List.of());
		// What the app was granted, nothing more: its tokens carry none of its users'
		// realm roles (no full scope), only the roles granted to the app (hard-coded
		// below); a resident consents to it first; no offline tokens (no offline_access
		// scope, nor the role in its scope). The api binds the roles to the client again
		// (access.ClientBoundRoles).
		client.put("fullScopeAllowed", false);
		client.put("consentRequired", true);
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put(PartnerApp.MARK, "true");
		attributes.put(PartnerApp.GRANTS, residentAnswers ? HouseholdScope.RESIDENT_ANSWERS : "");
		attributes.put("pkce.code.challenge.method", "S256");
		client.put("attributes", attributes);
		List<Map<String, Object>> mappers = new ArrayList<>();
		mappers.add(mapper("audience " + AUDIENCE, "oidc-audience-mapper", Map.of("included.client.audience", AUDIENCE,
				"id.token.claim", "false", "access.token.claim", "true", "introspection.token.claim", "true")));
		// Granted roles as hard-coded role mappers, not as scope mappings: mapping a
		// realm
		// role to a client's scope takes manage-realm, which the role manager does not
		// hold (decision 13).
		mappers.add(mapper("role " + Roles.PARTNER, "oidc-hardcoded-role-mapper", Map.of("role", Roles.PARTNER)));
		if (residentAnswers) {
			mappers.add(mapper("role " + Roles.RESIDENT, "oidc-hardcoded-role-mapper", Map.of("role", Roles.RESIDENT)));
			mappers.add(mapper("ydan_household", "oidc-usermodel-attribute-mapper",
					Map.of("user.attribute", "ydan_household", "claim.name", "ydan_household", "jsonType.label",
							"String", "multivalued", "false", "access.token.claim", "true", "id.token.claim", "false",
							"introspection.token.claim", "true")));
			mappers.add(mapper("ydan_grants", "oidc-hardcoded-claim-mapper",
					Map.of("claim.name", "ydan_grants", "claim.value", HouseholdScope.RESIDENT_ANSWERS,
							"jsonType.label", "String", "access.token.claim", "true", "id.token.claim", "false",
							"introspection.token.claim", "true")));
		}
		client.put("protocolMappers", mappers);
		client.put("defaultClientScopes", List.of("acr", "profile", "roles", "basic"));
		client.put("optionalClientScopes", List.of());
		String id;
		try {
			id = this.keycloak.create("/clients", client);
		}
		catch (KeycloakAdmin.Conflict ex) {
			return PartnerAppPayload
				.rejected(UserError.of("name", "Keycloak đã có ứng dụng " + clientId + "; hãy thử lại", "NAME_TAKEN"));
		}
		catch (KeycloakAdmin.Rejected ex) {
			// Keycloak's own text is for the server log, not for the caller.
			log.warn("Keycloak rejected partner app {} ({}): {}", clientId, ex.status, ex.getMessage());
			return PartnerAppPayload.rejected(new UserError(List.of("input"),
					"Keycloak từ chối ứng dụng này; hãy kiểm tra tên, mô tả và địa chỉ quay lại", "APP_REJECTED"));
		}
		if (id == null) {
			throw new KeycloakUnavailableException("Keycloak không trả về id của ứng dụng vừa tạo.");
		}
		String secret;
		try {
			Map<String, Object> account = this.keycloak.get("/clients/{id}/service-account-user", id);
			this.keycloak.post("/users/{id}/role-mappings/realm", List.of(role(Roles.PARTNER)), account.get("id"));
			secret = String.valueOf(this.keycloak.get("/clients/{id}/client-secret", id).get("value"));
		}
		catch (RuntimeException ex) {
			try {
				this.keycloak.delete("/clients/{id}", null, id);
			}
			catch (RuntimeException undoFailed) {
				throw new KeycloakUnavailableException(
						"Keycloak lỗi giữa chừng khi đăng ký " + shown + " và không hoàn tác được: client " + clientId
								+ " còn lại trong Keycloak, chưa có vai trò " + "partner; hãy xoá nó.",
						ex);
			}
			throw new KeycloakUnavailableException("Keycloak lỗi giữa chừng khi đăng ký " + shown
					+ "; đã hoàn tác, không có gì thay đổi. Hãy thử lại.", ex);
		}
		return PartnerAppPayload.of(PartnerApp.of(this.keycloak.get("/clients/{id}", id)), secret);
	}

	@PreAuthorize(Roles.IS_ADMIN)
	PartnerAppPayload rotateSecret(String id) {
		Map<String, Object> client = partnerClient(id);
		if (client == null) {
			return notFound();
		}
		Map<String, Object> secret = this.keycloak.post("/clients/{id}/client-secret", null, id);
		return PartnerAppPayload.of(PartnerApp.of(client), String.valueOf(secret.get("value")));
	}

	@PreAuthorize(Roles.IS_ADMIN)
	PartnerAppPayload setEnabled(String id, boolean enabled) {
		Map<String, Object> client = partnerClient(id);
		if (client == null) {
			return notFound();
		}
		if (!Boolean.valueOf(enabled).equals(client.get("enabled"))) {
			client.put("enabled", enabled);
			this.keycloak.put("/clients/{id}", client, id);
		}
		return PartnerAppPayload.of(PartnerApp.of(this.keycloak.get("/clients/{id}", id)), null);
	}

	/** A realm role as Keycloak's role mappings want it. */
	private Map<String, Object> role(String name) {
		Map<String, Object> role = this.keycloak.get("/roles/{name}", name);
		return Map.of("id", role.get("id"), "name", role.get("name"));
	}

	private @Nullable Map<String, Object> partnerClient(String id) {
		try {
			Map<String, Object> client = this.keycloak.get("/clients/{id}", id);
			return PartnerApp.isPartnerApp(client) ? new LinkedHashMap<>(client) : null;
		}
		catch (KeycloakAdmin.Missing ex) {
			return null;
		}
	}

	/**
	 * What is wrong with a redirect URI, or null. Keycloak compares redirect URIs exactly
	 * except for a {@code *} (a wildcard), so each must be one exact, absolute address:
	 * {@code https://} with a host, no wildcard, no fragment, no user name;
	 * {@code http://} only to {@code 127.0.0.1} or {@code localhost} themselves, for
	 * trying an app out.
	 */
	static @Nullable String redirectUriProblem(String text) {
		if (text.indexOf('*') >= 0) {
			return "không được có dấu * (Keycloak coi đó là ký tự đại diện)";
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			return "không phải là một địa chỉ hợp lệ";
		}
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
			return "phải là một địa chỉ đầy đủ, ví dụ https://ung-dung.vn/dang-nhap";
		}
		if (uri.getRawFragment() != null) {
			return "không được có phần # ở cuối";
		}
		if (uri.getRawUserInfo() != null) {
			return "không được có tên người dùng trước @";
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		boolean local = host.equals("127.0.0.1") || host.equals("localhost");
		if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
			return "phải là https:// (hoặc http://127.0.0.1, http://localhost khi thử)";
		}
		return null;
	}

	private static PartnerAppPayload notFound() {
		return PartnerAppPayload.rejected(UserError.of("id", "Không tìm thấy ứng dụng đối tác", "NOT_FOUND"));
	}

	private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
		return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "consentRequired", false,
				"config", config);
	}

	/** "Báo Tuổi Trẻ" → "bao-tuoi-tre". */
	static String slug(String name) {
		String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (plain.length() > 30) {
			plain = plain.substring(0, 30).replaceAll("-+$", "");
		}
		return plain.isEmpty() ? "app" : plain;
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

}

package vn.ydan.api.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scopes as the API enforces them, over HTTP with signed tokens and the national demo
 * registry: officials hierarchically, clerks only on the communes assigned, deny by
 * default. {@code addResidentialGroup} is the scoped operation clerks share with
 * officials ({@link Roles#MAY_ACT_FOR_COMMUNE}); {@code updateUnit} is officials' only
 * ({@link Roles#MAY_EDIT_UNIT}).
 */
class ScopedRolesIntegrationTest extends ApiIntegrationTest {

	/** Phường Trúc Bạch, Quận Ba Đình (001), Thành phố Hà Nội (01). */
	private static final String TRUC_BACH = "00004";

	/** Phường Phúc Xá, also in Ba Đình. */
	private static final String PHUC_XA = "00001";

	/** Phường Ngọc Thụy, Quận Long Biên (004), Hà Nội. */
	private static final String NGOC_THUY = "00118";

	private static final String ADD_GROUP = """
			mutation($input: AddResidentialGroupInput!) {
			  addResidentialGroup(input: $input) { unit { id fullName } userErrors { code message } }
			}""";

	private static final String UPDATE_UNIT = """
			mutation($input: UpdateUnitInput!) {
			  updateUnit(input: $input) { unit { id } userErrors { code } }
			}""";

	@Test
	void clerkMayActForTheCommuneAssignedAndIsRefusedElsewhere() {
		String clerk = token("thuky", "clerk", List.of(TRUC_BACH));

		assertAllowed(addGroup(clerk, TRUC_BACH));
		assertForbidden(addGroup(clerk, PHUC_XA));
		assertForbidden(addGroup(clerk, NGOC_THUY));
	}

	@Test
	void clerkScopeNamingTheCommuneByGlobalOrInternalIdWorksLikeTheCode() {
		String globalId = communeId(TRUC_BACH);
		String internalId = new String(java.util.Base64.getUrlDecoder().decode(globalId)).substring("Unit:".length());

		assertAllowed(addGroup(token("thuky", "clerk", List.of(globalId)), TRUC_BACH));
		assertAllowed(addGroup(token("thuky", "clerk", List.of(internalId)), TRUC_BACH));
		assertForbidden(addGroup(token("thuky", "clerk", List.of(internalId)), PHUC_XA));
	}

	@Test
	void clerkScopeIsNotHierarchical() {
		// A district (or province) in a clerk's scope gives no commune below it.
		assertForbidden(addGroup(token("thuky", "clerk", List.of("001")), TRUC_BACH));
		assertForbidden(addGroup(token("thuky", "clerk", List.of("01")), TRUC_BACH));
	}

	@Test
	void clerkMayNotCorrectUnitsEvenInTheirCommune() {
		String clerk = token("thuky", "clerk", List.of(TRUC_BACH));

		assertForbidden(this.api.query(UPDATE_UNIT,
				Map.of("input", Map.of("id", communeId(TRUC_BACH), "population", 1000)), clerk));
	}

	@Test
	void officialOfADistrictActsOnItsCommunesAndNotOnOthers() {
		String official = token("canbo", "official", List.of("001"));

		assertAllowed(addGroup(official, TRUC_BACH));
		assertAllowed(addGroup(official, PHUC_XA));
		assertForbidden(addGroup(official, NGOC_THUY));
		assertForbidden(this.api.query(UPDATE_UNIT,
				Map.of("input", Map.of("id", communeId(NGOC_THUY), "population", 1000)), official));
	}

	@Test
	void officialOfTheProvinceActsOnEveryCommuneOfIt() {
		String official = token("canbo", "official", List.of("01"));

		assertAllowed(addGroup(official, NGOC_THUY));
	}

	@Test
	void withoutAScopeOfficialsAndClerksMayNothing() {
		assertForbidden(addGroup(token("canbo", "official", List.of()), TRUC_BACH));
		assertForbidden(addGroup(token("thuky", "clerk", List.of()), TRUC_BACH));
		assertForbidden(addGroup(issuer.tokenFor("thuky", "Lê Văn Cường", "clerk"), TRUC_BACH));
	}

	@Test
	void aScopeClaimWithoutAScopedRoleGivesNothing() {
		// A signed token can carry any claim Keycloak's mappers put in it; the role
		// decides.
		assertForbidden(addGroup(token("cudan", "resident", List.of(TRUC_BACH)), TRUC_BACH));
		assertForbidden(addGroup(token("doitac", "partner", List.of("01")), TRUC_BACH));
	}

	@Test
	void aScopeClaimAddedToASignedTokenIsRejected() {
		String token = token("thuky", "clerk", List.of(PHUC_XA));
		String[] parts = token.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		String forged = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.replace(PHUC_XA, TRUC_BACH).getBytes(java.nio.charset.StandardCharsets.UTF_8));

		Response response = addGroup(parts[0] + "." + forged + "." + parts[2], TRUC_BACH);

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
	}

	@Test
	void anonymousCallersAreAskedToSignIn() {
		Response response = addGroup(null, TRUC_BACH);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("UNAUTHORIZED");
	}

	@Test
	void adminsActEverywhere() {
		assertAllowed(addGroup(issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"), NGOC_THUY));
	}

	private Response addGroup(String token, String communeCode) {
		return this.api.query(ADD_GROUP,
				Map.of("input",
						Map.of("communeId", communeId(communeCode), "name",
								"Tổ dân phố thử " + UUID.randomUUID().toString().substring(0, 8), "type", "TO_DAN_PHO",
								"households", 12)),
				token);
	}

	private String communeId(String code) {
		Response response = this.api.query("query($code: String!) { unitByCode(code: $code, level: COMMUNE) { id } }",
				Map.of("code", code), null);
		String id = response.read("$.data.unitByCode.id");
		assertThat(id).as(response.toString()).isNotNull();
		return id;
	}

	static String token(String username, String role, List<String> scope) {
		return issuer.token((claims) -> {
			claims.claim("preferred_username", username).claim("realm_access", Map.of("roles", List.of(role)));
			if (!scope.isEmpty()) {
				claims.claim("ydan_scope", scope);
			}
		});
	}

	private static void assertAllowed(Response response) {
		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<List<Object>>read("$.data.addResidentialGroup.userErrors")).as(response.toString())
			.isEmpty();
	}

	private static void assertForbidden(Response response) {
		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString()).isEqualTo("FORBIDDEN");
	}

}

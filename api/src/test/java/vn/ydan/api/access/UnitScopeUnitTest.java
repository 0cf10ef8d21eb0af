package vn.ydan.api.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UnitScope} and {@link HouseholdScope} over a three-level hierarchy: province P,
 * district D, communes C1 and C2, residential group G in C1.
 */
class UnitScopeUnitTest {

	private static final UnitHierarchy units = new UnitHierarchy() {

		private final Map<String, String> parents = Map.of("G", "C1", "C1", "D", "C2", "D", "D", "P");

		@Override
		public List<String> identifiersUpward(String unitId) {
			List<String> ids = new java.util.ArrayList<>();
			for (String id = unitId; id != null; id = this.parents.get(id)) {
				ids.add(id);
			}
			return ids;
		}

		@Override
		public List<String> identifiersOfCommune(String unitId) {
			return switch (unitId) {
				case "G", "C1" -> List.of("C1");
				case "C2" -> List.of("C2");
				default -> List.of();
			};
		}

		@Override
		public @Nullable ScopeUnit resolve(String identifier) {
			return null;
		}

	};

	private final UnitScope scope = new UnitScope(provider(units));

	@Test
	void officialsScopeCoversTheUnitAndEverythingBelow() {
		Authentication district = token(Map.of("ydan_scope", List.of("D")));

		assertThat(this.scope.covers(district, "D")).isTrue();
		assertThat(this.scope.covers(district, "C1")).isTrue();
		assertThat(this.scope.covers(district, "G")).isTrue();
		assertThat(this.scope.covers(district, "P")).isFalse();
	}

	@Test
	void clerksAreAssignedTheCommunesNamedAndTheirGroupsOnly() {
		Authentication clerk = token(Map.of("ydan_scope", List.of("C1")));

		assertThat(this.scope.assigned(clerk, "C1")).isTrue();
		assertThat(this.scope.assigned(clerk, "G")).isTrue();
		assertThat(this.scope.assigned(clerk, "C2")).isFalse();
		assertThat(this.scope.assigned(clerk, "D")).isFalse();
		assertThat(this.scope.assigned(token(Map.of("ydan_scope", List.of("D"))), "C1")).isFalse();
	}

	@Test
	void aScopeGivenAsOneStringIsSplitOnSpacesAndCommas() {
		Authentication clerk = token(Map.of("ydan_scope", "C2, C1"));

		assertThat(this.scope.assigned(clerk, "G")).isTrue();
		assertThat(this.scope.assigned(clerk, "C2")).isTrue();
	}

	@Test
	void noClaimNoHierarchyOrAnUnknownUnitMeansNo() {
		assertThat(this.scope.covers(token(Map.of()), "C1")).isFalse();
		assertThat(this.scope.covers(token(Map.of("ydan_scope", List.of("D"))), "X")).isFalse();
		assertThat(this.scope.covers(token(Map.of("ydan_scope", List.of("D"))), null)).isFalse();
		UnitScope withoutRegistry = new UnitScope(provider(null));
		assertThat(withoutRegistry.covers(token(Map.of("ydan_scope", List.of("D"))), "D")).isFalse();
	}

	@Test
	void residentAnswersOnlyForTheirHouseholdThroughAnAppGrantedItOrTheConsole() {
		HouseholdScope households = new HouseholdScope(List.of("ydan-console"));
		Authentication granted = token(Map.of("ydan_household", "ho-1", "ydan_grants", "resident-answers"));
		Authentication notGranted = token(Map.of("ydan_household", "ho-1"));

		assertThat(households.mayAnswerFor(granted, "ho-1")).isTrue();
		assertThat(households.mayAnswerFor(granted, "ho-2")).isFalse();
		assertThat(households.mayAnswerFor(notGranted, "ho-1")).isFalse();
		assertThat(households.isOwn(notGranted, "ho-1")).isTrue();
		assertThat(households.mayAnswerFor(
				token(Map.of("ydan_household", List.of("ho-1", "ho-2"), "ydan_grants", "resident-answers")), "ho-1"))
			.as("a token naming two households binds to none")
			.isFalse();
		assertThat(households.mayAnswerFor(token(Map.of("ydan_household", "ho-1", "azp", "ydan-console")), "ho-1"))
			.as("the console: the residents' first-party channel (decision 20)")
			.isTrue();
		assertThat(households.mayAnswerFor(token(Map.of("ydan_household", "ho-1", "azp", "partner-x")), "ho-1"))
			.isFalse();
	}

	private static Authentication token(Map<String, Object> claims) {
		Jwt.Builder jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("s")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		claims.forEach(jwt::claim);
		return new JwtAuthenticationToken(jwt.build());
	}

	private static org.springframework.beans.factory.ObjectProvider<UnitHierarchy> provider(
			@Nullable UnitHierarchy hierarchy) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (hierarchy != null) {
			beans.addBean("units", hierarchy);
		}
		return beans.getBeanProvider(UnitHierarchy.class);
	}

}

package vn.ydan.api.units;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scope written as a code (a user attribute set by hand in Keycloak) must keep naming
 * the unit it was written for. After Hanoi's restructuring the code 00004 of Phường Trúc
 * Bạch is reused by the new Phường Ba Đình: a clerk given "00004" must not find himself
 * acting for the new, larger ward. A code names a unit only while no other unit of its
 * level has ever held it; scopes the api writes are unit ids and are not affected.
 */
class ScopeCodesAfterRestructuringIntegrationTest {

	private static final Clock AFTER = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void aReusedCodeNamesNeitherItsOldNorItsNewHolderWhileAnUnchangedCodeStillDoes() {
		try (StoreForTests store = RestructuringIntegrationTest.fixture()) {
			String trucBach = store.registry.current().holding("00004", UnitLevel.COMMUNE, null).id();
			RestructuringIntegrationTest.registryOf(store, Restructurer.BATCH)
				.restructure(RestructuringIntegrationTest.change(store), (done, total) -> {
				});
			UnitHierarchyFromRegistry hierarchy = new UnitHierarchyFromRegistry(store.registry, AFTER);
			String newBaDinh = UnitRegistry.newUnitId("plan-1", "00004");

			assertThat(hierarchy.identifiersOfCommune(newBaDinh)).contains(newBaDinh).doesNotContain("00004");
			assertThat(hierarchy.identifiersUpward(newBaDinh)).doesNotContain("00004").contains("01");
			assertThat(hierarchy.identifiersOfCommune(trucBach)).contains(trucBach).doesNotContain("00004");
		}
	}

	@Test
	void beforeAnyReuseACodeNamesItsUnit() {
		try (StoreForTests store = RestructuringIntegrationTest.fixture()) {
			String trucBach = store.registry.current().holding("00004", UnitLevel.COMMUNE, null).id();
			UnitHierarchyFromRegistry hierarchy = new UnitHierarchyFromRegistry(store.registry, AFTER);

			assertThat(hierarchy.identifiersOfCommune(trucBach)).contains("00004");
			assertThat(hierarchy.identifiersUpward(trucBach)).contains("00004", "001", "01");
		}
	}

}

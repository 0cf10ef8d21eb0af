package vn.ydan.api.units;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two read models on one store: each write bumps the registry revision, and the other
 * instance's periodic check reloads.
 */
class RegistryIntegrationTest {

	@Test
	void anotherInstanceSeesAWriteAfterItsRevisionCheck() throws InterruptedException {
		try (StoreForTests store = new StoreForTests()) {
			RegistryReadModel other = new RegistryReadModel(new Units(store.database), new Lineages(store.database),
					new RegistryRevision(store.database), Duration.ofMillis(50));
			other.reload();
			other.start();
			try {
				store.importText(UnitImportKind.PROVINCES,
						"code,name,full_name,type\n02,Hà Giang,Tỉnh Hà Giang,tỉnh\n");

				long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
				while (other.current().size() == 0 && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}

				assertThat(other.current().holding("02", UnitLevel.PROVINCE, LocalDate.of(2025, 6, 30))).isNotNull();
				assertThat(other.current().revision()).isEqualTo(store.registry.current().revision());
			}
			finally {
				other.stop();
			}
		}
	}

	@Test
	void aWriteIsFoldedIntoTheReadModelWithoutReadingTheStoreAgain() {
		try (StoreForTests store = new StoreForTests()) {
			store.importText(UnitImportKind.PROVINCES, "code,name,full_name,type\n02,Hà Giang,Tỉnh Hà Giang,tỉnh\n");
			Snapshot first = store.registry.current();

			store.importText(UnitImportKind.PROVINCES, "code,name,full_name,type\n04,Cao Bằng,Tỉnh Cao Bằng,tỉnh\n");

			Snapshot second = store.registry.current();
			assertThat(second.revision()).isEqualTo(first.revision() + 1);
			assertThat(second.size()).isEqualTo(2);
			assertThat(second.unit(first.units().iterator().next().id())).isSameAs(first.units().iterator().next());
		}
	}

}

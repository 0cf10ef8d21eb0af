package vn.ydan.api.store;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.LocalIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code MONGODB_URI} set, the API uses that server and starts no embedded store.
 */
@SpringBootTest
class ExternalStoreIntegrationTest {

	private static final MongoServer external = new MongoServer(new MemoryBackend());

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private StoreProbe probe;

	@DynamicPropertySource
	static void externalStore(DynamicPropertyRegistry properties) {
		String uri = external.bindAndGetConnectionString() + "/ydan";
		properties.add("MONGODB_URI", () -> uri);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("YDAN_KEYCLOAK_URL", LocalIssuer.shared()::baseUrl);
	}

	@AfterAll
	static void stopExternal() {
		external.shutdownNow();
	}

	@Test
	void usesTheUriAndStartsNoEmbeddedStore() {
		assertThat(this.context.getBeanNamesForType(EmbeddedStore.class)).isEmpty();
		assertThat(Files.exists(Path.of(dataDirectory, EmbeddedStore.FILE_NAME))).isFalse();

		StoreStatus status = this.probe.check();

		assertThat(status.kind()).isEqualTo(StoreKind.EXTERNAL);
		assertThat(status.status()).isEqualTo(Availability.UP);
	}

}

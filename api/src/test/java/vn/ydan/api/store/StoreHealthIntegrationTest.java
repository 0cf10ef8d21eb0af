package vn.ydan.api.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import static org.assertj.core.api.Assertions.assertThat;

class StoreHealthIntegrationTest {

	@Test
	void embeddedStoreIsUpWhileOpenAndDownOnceClosed(@TempDir Path directory) {
		EmbeddedStore store = EmbeddedStore.open(directory);
		try (MongoClient client = client(store.connectionString())) {
			StoreHealthIndicator health = indicator(client, store);

			Health up = health.health();
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsEntry("kind", StoreKind.EMBEDDED).containsKey("collections");

			store.close();

			Health down = health.health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("kind", StoreKind.EMBEDDED).containsKey("problem");
		}
	}

	@Test
	void unreachableExternalStoreIsDownWithinTheProbeTimeout() {
		// Port 9 (discard) has no MongoDB on a loopback address.
		try (MongoClient client = client("mongodb://127.0.0.1:9/ydan")) {
			StoreHealthIndicator health = indicator(client, null);

			long start = System.nanoTime();
			Health down = health.health();
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("kind", StoreKind.EXTERNAL).doesNotContainKey("collections");
			assertThat(millis).isLessThan(StoreProbe.TIMEOUT_MILLIS + 3_000);
		}
	}

	private static StoreHealthIndicator indicator(MongoClient client, EmbeddedStore store) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				(store != null) ? Map.of("embeddedStore", store) : Map.of());
		ObjectProvider<EmbeddedStore> embedded = beans.getBeanProvider(EmbeddedStore.class);
		var databases = new SimpleMongoClientDatabaseFactory(client, EmbeddedStore.DATABASE);
		return new StoreHealthIndicator(new StoreProbe(databases, embedded));
	}

	private static MongoClient client(String connectionString) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(connectionString))
			.applyToSocketSettings((socket) -> socket.connectTimeout(1, TimeUnit.SECONDS))
			.build());
	}

}

package vn.ydan.api.store;

import java.nio.file.Path;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded store when no MongoDB URI is configured, and points Boot's MongoDB
 * client at it. With {@code MONGODB_URI} set, none of this exists and Boot connects to
 * that URI as usual.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStoreConfiguration.NoMongoUri.class)
class EmbeddedStoreConfiguration {

	/** The api's exit status when its embedded store failed. */
	static final int STORE_FAILED = 74;

	/**
	 * When the store fails for good, the api stops with {@link #STORE_FAILED} rather than
	 * refuse every request until someone notices: every acknowledged write is in the file
	 * (see {@link CommitBeforeAckBackend}), and a restart recovers.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedStore embeddedStore(@Value("${ydan.data-dir}") Path dataDirectory,
			@Value("${ydan.store.fsync:true}") boolean fsync, ConfigurableApplicationContext context) {
		return EmbeddedStore.open(dataDirectory, fsync, (failure) -> {
			// Not on the failing thread: closing the context waits for request threads.
			Thread stop = new Thread(() -> System.exit(SpringApplication.exit(context, () -> STORE_FAILED)),
					"store-failed");
			stop.start();
		});
	}

	@Bean
	MongoConnectionDetails embeddedStoreConnectionDetails(EmbeddedStore store) {
		ConnectionString connectionString = new ConnectionString(store.connectionString());
		return () -> connectionString;
	}

	/**
	 * The client reaches the store only through {@code ObjectProvider}s, which Spring
	 * does not count as a dependency: without this the store could close before the
	 * client on shutdown, cutting off its last operations.
	 */
	@Bean
	static BeanFactoryPostProcessor mongoClientDependsOnEmbeddedStore() {
		return new MongoClientDependsOnEmbeddedStore();
	}

	static class MongoClientDependsOnEmbeddedStore extends AbstractDependsOnBeanFactoryPostProcessor {

		MongoClientDependsOnEmbeddedStore() {
			super(MongoClient.class, EmbeddedStore.class);
		}

	}

	static class NoMongoUri implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mongodb.uri"));
		}

	}

}

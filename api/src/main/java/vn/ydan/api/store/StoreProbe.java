package vn.ydan.api.store;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the store whether it is there: {@code {ping: 1}} (which the stand-in answers,
 * unlike {@code hello}), then counts the collections so that a store which accepts
 * connections but cannot read its data is not reported UP. Bounded by a short timeout so
 * that a dead store makes health checks fail quickly instead of hanging for the driver's
 * 30 s server selection.
 */
@Component
public class StoreProbe {

	static final long TIMEOUT_MILLIS = 2_000;

	private static final Document PING = new Document("ping", 1);

	private final MongoDatabaseFactory databases;

	private final @Nullable EmbeddedStore embedded;

	private final boolean standInProcess;

	StoreProbe(MongoDatabaseFactory databases, ObjectProvider<EmbeddedStore> embedded,
			@Value("${ydan.store.stand-in:false}") boolean standInProcess) {
		this.databases = databases;
		this.embedded = embedded.getIfAvailable();
		this.standInProcess = standInProcess;
	}

	/**
	 * Whether the store is the stand-in (mongo-java-server: no secondary indexes, every
	 * query's result held in memory), in this process or its own ({@code ./ydan store},
	 * {@code ydan.store.stand-in=true}): readers then choose queries it answers well.
	 */
	public boolean standIn() {
		return this.embedded != null || this.standInProcess;
	}

	public StoreKind kind() {
		return (this.embedded != null) ? StoreKind.EMBEDDED : StoreKind.EXTERNAL;
	}

	public StoreStatus check() {
		if (this.embedded != null && !this.embedded.isOpen()) {
			return StoreStatus.down(kind(), "the embedded store file is closed");
		}
		try {
			MongoDatabase database = this.databases.getMongoDatabase()
				.withTimeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
			database.runCommand(PING);
			int collections = database.listCollectionNames().into(new ArrayList<>()).size();
			return StoreStatus.up(kind(), collections);
		}
		catch (RuntimeException ex) {
			return StoreStatus.down(kind(), ex.getClass().getSimpleName());
		}
	}

}

package vn.ydan.api.units;

import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/**
 * The registry's own classes (no Spring) on an in-memory stand-in: fast enough to import
 * the national files in every test that needs them.
 */
final class StoreForTests implements AutoCloseable {

	final MongoServer server = new MongoServer(new MemoryBackend());

	final MongoClient client;

	final MongoDatabase database;

	final Units units;

	final RegistryReadModel registry;

	final UnitImporter importer;

	StoreForTests() {
		this(null);
	}

	/** With {@code units} replaced, e.g. to inject failures. */
	StoreForTests(java.util.function.Function<MongoDatabase, Units> units) {
		this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.bind().getPort());
		this.database = this.client.getDatabase("ydan");
		this.units = (units != null) ? units.apply(this.database) : new Units(this.database);
		this.registry = new RegistryReadModel(this.units, new Lineages(this.database),
				new RegistryRevision(this.database), Duration.ZERO);
		this.registry.reload();
		this.importer = new UnitImporter(this.registry, this.units);
	}

	long storedUnits() {
		return this.database.getCollection(Units.COLLECTION).countDocuments();
	}

	/**
	 * Every stored unit document without its derived fields, by id: to compare
	 * registries.
	 */
	java.util.Map<String, Document> storedDocuments() {
		java.util.Map<String, Document> all = new java.util.TreeMap<>();
		for (Document document : this.database.getCollection(Units.COLLECTION).find()) {
			all.put(document.getString("_id"), document);
		}
		return all;
	}

	UnitImportResult importText(UnitImportKind kind, String csv) {
		return this.importer.importText(kind, csv, null, false);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.shutdownNow();
	}

}

package vn.ydan.api.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OrderedReadsIntegrationTest {

	@Test
	void aQuerySortedOnNumberIdsStreamsEveryMatchInOrderAcrossBatches(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.open(directory);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> entries = client.getDatabase(EmbeddedStore.DATABASE).getCollection("entries");
			// Inserted out of order, so the order read can only come from the sort.
			List<Document> documents = new ArrayList<>();
			LongStream.rangeClosed(1, 3_000)
				.map((i) -> (i * 7_919) % 3_001)
				.forEach((id) -> documents
					.add(new Document("_id", id).append("actor", (id % 3 == 0) ? "thanhtra" : "canbo")));
			entries.insertMany(documents);

			List<Long> all = ids(entries.find(Filters.gt("_id", 0L)).sort(Sorts.ascending("_id")).batchSize(64));
			List<Long> range = ids(entries.find(Filters.and(Filters.gte("_id", 1_000L), Filters.lt("_id", 1_500L)))
				.sort(Sorts.ascending("_id"))
				.batchSize(50));
			List<Long> filtered = ids(
					entries.find(Filters.and(Filters.gt("_id", 2_990L), Filters.eq("actor", "thanhtra")))
						.sort(Sorts.ascending("_id")));
			List<Long> limited = ids(entries.find(Filters.gte("_id", 10L)).sort(Sorts.ascending("_id")).limit(5));

			assertThat(all).hasSize(3_000).isSorted().startsWith(1L).endsWith(3_000L);
			assertThat(range).containsExactlyElementsOf(LongStream.range(1_000, 1_500).boxed().toList());
			assertThat(filtered).containsExactly(2_991L, 2_994L, 2_997L, 3_000L);
			assertThat(limited).containsExactly(10L, 11L, 12L, 13L, 14L);
		}
	}

	@Test
	void idsOfSeveralTypesAreSortedAsMongoDbSortsThem(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.open(directory);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> entries = client.getDatabase(EmbeddedStore.DATABASE).getCollection("mixed");
			entries.insertMany(List.of(new Document("_id", 3L), new Document("_id", 1), new Document("_id", 2L),
					new Document("_id", 2.5)));

			List<Number> read = new ArrayList<>();
			entries.find(Filters.gt("_id", 0L))
				.sort(Sorts.ascending("_id"))
				.forEach((document) -> read.add(document.get("_id", Number.class)));

			assertThat(read).extracting(Number::doubleValue).containsExactly(1.0, 2.0, 2.5, 3.0);
		}
	}

	private static List<Long> ids(Iterable<Document> documents) {
		List<Long> ids = new ArrayList<>();
		documents.forEach((document) -> ids.add(document.getLong("_id")));
		return ids;
	}

}

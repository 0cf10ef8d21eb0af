package vn.ydan.api.consultations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register frozen a few communes at a time (here at most 60 households per query, so
 * that 3 communes of 25, 40 and 50 households take three queries), on an in-memory
 * stand-in.
 */
class HouseholdsIntegrationTest {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + this.server.bind().getPort());

	private final MongoDatabase database = this.client.getDatabase("ydan");

	private final Households households = new Households(this.database, 60);

	@AfterEach
	void close() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void theRegisterFreezesWholeAcrossChunksWithItsGroupSizesAndAgainChangesNothing() {
		register("xa-a", 25);
		register("xa-b", 40);
		register("xa-c", 50);
		register("xa-other", 7);
		List<String> asked = List.of("xa-a", "xa-b", "xa-c");
		Map<String, Integer> counts = this.households.countByCommune(asked);

		this.households.freeze("c1", counts);
		this.households.freeze("c1", counts);

		assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("xa-a", 25, "xa-b", 40, "xa-c", 50));
		assertThat(
				this.database.getCollection(Households.ELECTORATE).countDocuments(Filters.eq("consultationId", "c1")))
			.isEqualTo(115);
		assertThat(this.households.frozenGroups("c1")).containsExactlyInAnyOrder(
				new Households.GroupSize("xa-a-1", "xa-a", 12), new Households.GroupSize("xa-a-2", "xa-a", 13),
				new Households.GroupSize("xa-b-1", "xa-b", 20), new Households.GroupSize("xa-b-2", "xa-b", 20),
				new Households.GroupSize("xa-c-1", "xa-c", 25), new Households.GroupSize("xa-c-2", "xa-c", 25));
		assertThat(this.households.frozen("c1", "xa-c-49"))
			.isEqualTo(new Households.Household("xa-c-49", "xa-c", "xa-c-2"));
		assertThat(this.households.frozen("c1", "xa-other-1")).as("a commune not asked").isNull();
	}

	@Test
	void aLaterChangeToTheRegisterDoesNotReachAFrozenConsultation() {
		register("xa-a", 10);
		this.households.freeze("c1", this.households.countByCommune(List.of("xa-a")));

		register("xa-a", 30);

		assertThat(this.households.registeredGroups(List.of("xa-a"))).extracting(Households.GroupSize::households)
			.containsExactlyInAnyOrder(15, 15);
		assertThat(this.households.frozenGroups("c1")).extracting(Households.GroupSize::households)
			.containsExactlyInAnyOrder(5, 5);
	}

	/** Households numbered from 1, alternately in the commune's groups 1 and 2. */
	private void register(String commune, int count) {
		List<Households.Household> all = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			all.add(new Households.Household(commune + "-" + i, commune, commune + "-" + (1 + i % 2)));
		}
		this.households.saveAll(all);
	}

}

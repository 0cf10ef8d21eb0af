package vn.ydan.api.consultations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The household register ({@code households}): each household (an opaque id, no personal
 * data) in one residential group of one commune; and the register frozen per consultation
 * ({@code electorate}) when it opens.
 */
@Component
class Households {

	static final String REGISTER = "households";

	static final String ELECTORATE = "electorate";

	static final int BATCH = 1_000;

	private final MongoCollection<Document> register;

	private final MongoCollection<Document> electorate;

	@Autowired
	Households(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	Households(MongoDatabase database) {
		this.register = database.getCollection(REGISTER);
		this.electorate = database.getCollection(ELECTORATE);
	}

	/** Writes the households whole, in batches; idempotent. */
	void saveAll(List<Household> households) {
		for (int from = 0; from < households.size(); from += BATCH) {
			List<WriteModel<Document>> writes = new ArrayList<>();
			ReplaceOptions upsert = new ReplaceOptions().upsert(true);
			for (Household household : households.subList(from, Math.min(households.size(), from + BATCH))) {
				writes.add(new ReplaceOneModel<>(Filters.eq("_id", household.id()),
						new Document("_id", household.id()).append("communeId", household.communeId())
							.append("groupId", household.groupId()),
						upsert));
			}
			this.register.bulkWrite(writes, new BulkWriteOptions().ordered(true));
		}
	}

	/** The registered households of these communes. */
	List<Household> inCommunes(List<String> communeIds) {
		List<Household> found = new ArrayList<>();
		for (Document document : this.register.find(Filters.in("communeId", communeIds))) {
			found.add(new Household(document.getString("_id"), document.getString("communeId"),
					document.getString("groupId")));
		}
		return found;
	}

	/** Households registered per group, for the communes given. */
	Map<String, Integer> countByGroup(List<String> communeIds) {
		Map<String, Integer> counts = new HashMap<>();
		for (Household household : inCommunes(communeIds)) {
			counts.merge(household.groupId(), 1, Integer::sum);
		}
		return counts;
	}

	/** Freezes the register of a consultation's communes: idempotent. */
	void freeze(String consultationId, List<Household> households) {
		for (int from = 0; from < households.size(); from += BATCH) {
			List<WriteModel<Document>> writes = new ArrayList<>();
			ReplaceOptions upsert = new ReplaceOptions().upsert(true);
			for (Household household : households.subList(from, Math.min(households.size(), from + BATCH))) {
				String id = consultationId + "|" + household.id();
				writes.add(new ReplaceOneModel<>(Filters.eq("_id", id),
						new Document("_id", id).append("consultationId", consultationId)
							.append("householdId", household.id())
							.append("communeId", household.communeId())
							.append("groupId", household.groupId()),
						upsert));
			}
			this.electorate.bulkWrite(writes, new BulkWriteOptions().ordered(true));
		}
	}

	/** The household in a consultation's frozen register, or null. */
	@Nullable Household frozen(String consultationId, String householdId) {
		Document document = this.electorate.find(Filters.eq("_id", consultationId + "|" + householdId)).first();
		return (document != null)
				? new Household(householdId, document.getString("communeId"), document.getString("groupId")) : null;
	}

	/** The frozen register of a consultation. */
	List<Household> frozen(String consultationId) {
		List<Household> found = new ArrayList<>();
		for (Document document : this.electorate.find(Filters.eq("consultationId", consultationId))) {
			found.add(new Household(document.getString("householdId"), document.getString("communeId"),
					document.getString("groupId")));
		}
		return found;
	}

	/**
	 * @param id opaque household id
	 * @param communeId internal id of its commune
	 * @param groupId internal id of its residential group
	 */
	record Household(String id, String communeId, String groupId) {
	}

}

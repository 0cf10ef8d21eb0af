package vn.ydan.api.consultations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import vn.ydan.api.store.Leases;

/**
 * The household register ({@code households}): each household (an opaque id, no personal
 * data) in one residential group of one commune; and the register frozen per consultation
 * ({@code electorate}) when it opens.
 */
@Component
class Households {

	static final String REGISTER = "households";

	static final String ELECTORATE = "electorate";

	static final String ELECTORATE_GROUPS = "electorateGroups";

	static final int BATCH = 1_000;

	static final int FREEZE_CHUNK = 20_000;

	/**
	 * Communes whose register one query reads (a few tens of thousands of households).
	 */
	static final int COMMUNES_PER_READ = 100;

	private final int freezeChunk;

	private final MongoCollection<Document> register;

	private final MongoCollection<Document> electorate;

	private final MongoCollection<Document> electorateGroups;

	private @Nullable Leases leases;

	@Autowired
	Households(MongoDatabaseFactory databases, Leases leases) {
		this(databases.getMongoDatabase());
		this.leases = leases;
	}

	Households(MongoDatabase database) {
		this(database, FREEZE_CHUNK);
	}

	Households(MongoDatabase database, int freezeChunk) {
		this.freezeChunk = freezeChunk;
		this.register = database.getCollection(REGISTER);
		this.electorate = database.getCollection(ELECTORATE);
		this.electorateGroups = database.getCollection(ELECTORATE_GROUPS);
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

	/**
	 * The commune each of these households is registered in, for those already in the
	 * register; read a batch at a time, the commune only.
	 */
	Map<String, String> registeredCommunes(List<String> householdIds) {
		Map<String, String> communes = new HashMap<>();
		for (int from = 0; from < householdIds.size(); from += BATCH) {
			List<String> chunk = householdIds.subList(from, Math.min(householdIds.size(), from + BATCH));
			for (Document household : this.register.find(Filters.in("_id", chunk))
				.projection(Projections.include("communeId"))
				.batchSize(BATCH)) {
				communes.put(household.getString("_id"), household.getString("communeId"));
			}
		}
		return communes;
	}

	/** Households registered per commune, for the communes given. */
	Map<String, Integer> countByCommune(List<String> communeIds) {
		Map<String, Integer> counts = new HashMap<>();
		for (GroupSize group : registeredGroups(communeIds)) {
			counts.merge(group.communeId(), group.households(), Integer::sum);
		}
		return counts;
	}

	/** The residential groups of these communes with their registered households. */
	List<GroupSize> registeredGroups(List<String> communeIds) {
		Map<String, GroupSize> groups = new HashMap<>();
		for (int from = 0; from < communeIds.size(); from += COMMUNES_PER_READ) {
			List<String> chunk = communeIds.subList(from, Math.min(communeIds.size(), from + COMMUNES_PER_READ));
			count(this.register, Filters.in("communeId", chunk), groups);
		}
		return List.copyOf(groups.values());
	}

	/**
	 * The residential groups of a consultation's frozen register with their households,
	 * as counted when it froze.
	 */
	List<GroupSize> frozenGroups(String consultationId) {
		List<GroupSize> groups = new ArrayList<>();
		for (Document group : this.electorateGroups.find(Filters.eq("consultationId", consultationId))) {
			groups.add(new GroupSize(group.getString("groupId"), group.getString("communeId"),
					group.getInteger("households")));
		}
		if (groups.isEmpty()) {
			// Frozen before the sizes were kept: counted once.
			Map<String, GroupSize> counted = new HashMap<>();
			count(this.electorate, Filters.eq("consultationId", consultationId), counted);
			groups.addAll(counted.values());
		}
		return groups;
	}

	/**
	 * Counts households per group, reading only the two fields needed: the embedded store
	 * holds every matching document of a query (and, for {@code $group}, every document
	 * of the collection) in memory until it is read, so no aggregation and no whole
	 * documents.
	 */
	private static void count(MongoCollection<Document> collection, Bson filter, Map<String, GroupSize> groups) {
		for (Document household : collection.find(filter)
			.projection(Projections.fields(Projections.include("communeId", "groupId"), Projections.excludeId()))
			.batchSize(BATCH)) {
			String groupId = household.getString("groupId");
			groups.merge(groupId, new GroupSize(groupId, household.getString("communeId"), 1),
					(counted, one) -> new GroupSize(groupId, counted.communeId(), counted.households() + 1));
		}
	}

	/**
	 * Freezes the register of these communes (with their registered households, from
	 * {@link #countByCommune}) for a consultation; idempotent. Reads a few communes at a
	 * time, up to {@link #FREEZE_CHUNK} households, so that memory stays bounded however
	 * large the register: the embedded store holds a query's whole result until it is
	 * read.
	 * <p>
	 * Under a lease in the store ({@link Leases}): two api instances opening the same
	 * consultation at once do not both freeze it; false (nothing done) when another
	 * instance is freezing it now.
	 */
	boolean freeze(String consultationId, Map<String, Integer> countByCommune) {
		if (this.leases == null) {
			freezeNow(consultationId, countByCommune);
			return true;
		}
		Leases.Lease lease = this.leases.tryAcquire("freeze:" + consultationId);
		if (lease == null) {
			return false;
		}
		try (lease) {
			freezeNow(consultationId, countByCommune);
			return true;
		}
	}

	private void freezeNow(String consultationId, Map<String, Integer> countByCommune) {
		Map<String, GroupSize> groups = new HashMap<>();
		List<String> chunk = new ArrayList<>();
		int households = 0;
		for (Map.Entry<String, Integer> commune : countByCommune.entrySet()) {
			if (!chunk.isEmpty() && households + commune.getValue() > this.freezeChunk) {
				freezeChunk(consultationId, chunk, groups);
				chunk.clear();
				households = 0;
			}
			chunk.add(commune.getKey());
			households += commune.getValue();
		}
		if (!chunk.isEmpty()) {
			freezeChunk(consultationId, chunk, groups);
		}
		// The sizes last: a freeze cut short is done again whole, and the sizes then
		// count every household once.
		List<WriteModel<Document>> writes = new ArrayList<>();
		ReplaceOptions upsert = new ReplaceOptions().upsert(true);
		for (GroupSize group : groups.values()) {
			String id = consultationId + "|" + group.groupId();
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", id),
					new Document("_id", id).append("consultationId", consultationId)
						.append("groupId", group.groupId())
						.append("communeId", group.communeId())
						.append("households", group.households()),
					upsert));
		}
		if (!writes.isEmpty()) {
			this.electorateGroups.bulkWrite(writes, new BulkWriteOptions().ordered(true));
		}
	}

	private void freezeChunk(String consultationId, List<String> communeIds, Map<String, GroupSize> groups) {
		List<WriteModel<Document>> writes = new ArrayList<>();
		ReplaceOptions upsert = new ReplaceOptions().upsert(true);
		for (Document household : this.register.find(Filters.in("communeId", communeIds)).batchSize(BATCH)) {
			String householdId = household.getString("_id");
			String id = consultationId + "|" + householdId;
			String groupId = household.getString("groupId");
			groups.merge(groupId, new GroupSize(groupId, household.getString("communeId"), 1),
					(counted, one) -> new GroupSize(groupId, counted.communeId(), counted.households() + 1));
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", id),
					new Document("_id", id).append("consultationId", consultationId)
						.append("householdId", householdId)
						.append("communeId", household.getString("communeId"))
						.append("groupId", household.getString("groupId")),
					upsert));
			if (writes.size() == BATCH) {
				this.electorate.bulkWrite(writes, new BulkWriteOptions().ordered(true));
				writes.clear();
			}
		}
		if (!writes.isEmpty()) {
			this.electorate.bulkWrite(writes, new BulkWriteOptions().ordered(true));
		}
	}

	/** The household as today's register has it, or null when it is not registered. */
	@Nullable Household registered(String householdId) {
		Document document = this.register.find(Filters.eq("_id", householdId)).first();
		return (document != null)
				? new Household(householdId, document.getString("communeId"), document.getString("groupId")) : null;
	}

	/** The household in a consultation's frozen register, or null. */
	@Nullable Household frozen(String consultationId, String householdId) {
		Document document = this.electorate.find(Filters.eq("_id", consultationId + "|" + householdId)).first();
		return (document != null)
				? new Household(householdId, document.getString("communeId"), document.getString("groupId")) : null;
	}

	/** A consultation's frozen register, one residential group's households. */
	List<Household> frozenInGroup(String consultationId, String groupId) {
		List<Household> found = new ArrayList<>();
		for (Document document : this.electorate
			.find(Filters.and(Filters.eq("consultationId", consultationId), Filters.eq("groupId", groupId)))) {
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

	/**
	 * @param groupId internal id of a residential group
	 * @param communeId internal id of its commune
	 * @param households households registered in it
	 */
	record GroupSize(String groupId, String communeId, int households) {
	}

}

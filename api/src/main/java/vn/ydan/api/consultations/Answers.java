package vn.ydan.api.consultations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import vn.ydan.api.store.CommitLater;
import vn.ydan.api.store.GroupCommit;

/**
 * The {@code answers} collection: one document per household and consultation, whose id
 * is both, so that the store itself refuses a second answer, however concurrent.
 */
@Component
class Answers {

	static final String COLLECTION = "answers";

	private final MongoCollection<Document> collection;

	private final GroupCommit<Document, Boolean> inserts = new GroupCommit<>(
			(batch) -> store(batch, new InsertManyOptions().ordered(false)));

	private final GroupCommit<Document, Boolean> insertsCommittedLater = new GroupCommit<>(
			(batch) -> store(batch, CommitLater.unordered()));

	@Autowired
	Answers(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	Answers(MongoDatabase database) {
		this.collection = database.getCollection(COLLECTION);
	}

	/**
	 * Stores the answer; false when the household has answered already. Concurrent
	 * answers are stored together, one insert and one commit for many
	 * ({@link GroupCommit}).
	 */
	boolean insert(Answer answer) {
		return this.inserts.submit(toDocument(answer));
	}

	/**
	 * Stores the answer as {@link #insert} does, but leaves its commit to the next write
	 * ({@link CommitLater}): for a caller whose reply waits for a later commit, the
	 * answer's audit entry ({@link vn.ydan.api.audit.AuditedChange#commitsWithEntry}).
	 * Seen by reads at once, so that a second answer of the household is refused all the
	 * same.
	 */
	boolean insertCommittedLater(Answer answer) {
		return this.insertsCommittedLater.submit(toDocument(answer));
	}

	private void store(List<GroupCommit.Write<Document, Boolean>> batch, InsertManyOptions options) {
		Map<Integer, WriteError> refused = new HashMap<>();
		try {
			this.collection.insertMany(batch.stream().map(GroupCommit.Write::value).toList(), options);
		}
		catch (MongoBulkWriteException ex) {
			ex.getWriteErrors().forEach((error) -> refused.put(error.getIndex(), error));
		}
		for (int i = 0; i < batch.size(); i++) {
			WriteError error = refused.get(i);
			if (error == null) {
				batch.get(i).complete(true);
			}
			else if (error.getCategory() == ErrorCategory.DUPLICATE_KEY) {
				batch.get(i).complete(false);
			}
			else {
				batch.get(i).fail(new IllegalStateException("The store refused an answer: " + error.getMessage()));
			}
		}
	}

	/**
	 * Stores many answers at once (demo data); an answer already stored for a household
	 * is kept, as {@link #insert} would.
	 */
	void insertAll(List<Answer> answers) {
		for (int from = 0; from < answers.size(); from += 1_000) {
			List<Document> batch = answers.subList(from, Math.min(answers.size(), from + 1_000))
				.stream()
				.map(Answers::toDocument)
				.toList();
			try {
				this.collection.insertMany(batch, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				if (ex.getWriteErrors().stream().anyMatch((error) -> error.getCode() != 11000)) {
					throw ex;
				}
			}
		}
	}

	@Nullable Answer find(String consultationId, String householdId) {
		Document document = this.collection.find(Filters.eq("_id", id(consultationId, householdId))).first();
		return (document != null) ? fromDocument(document) : null;
	}

	/**
	 * The answers of a consultation in these residential groups, counted per group, way
	 * of answering and name chosen. Only those three fields are read: the embedded store
	 * holds every matching document of a query (and, for {@code $group}, every document
	 * of the collection) in memory until it is read; callers ask a few groups at a time.
	 */
	List<AnswerCount> countByGroup(String consultationId, List<String> groupIds) {
		Map<List<Object>, Integer> counts = new HashMap<>();
		for (Document answer : this.collection
			.find(Filters.and(Filters.eq("consultationId", consultationId), Filters.in("groupId", groupIds)))
			.projection(Projections.fields(Projections.include("groupId", "agree", "nameChoice", "further"),
					Projections.excludeId()))
			.batchSize(1_000)) {
			counts.merge(Arrays.asList(answer.getString("groupId"), answer.getBoolean("agree"),
					answer.getString("nameChoice"), further(answer)), 1, Integer::sum);
		}
		List<AnswerCount> all = new ArrayList<>();
		counts.forEach((key, answers) -> {
			@SuppressWarnings("unchecked")
			Map<Question.Key, String> further = (Map<Question.Key, String>) key.get(3);
			all.add(new AnswerCount((String) key.get(0), (Boolean) key.get(1), (String) key.get(2), answers, further));
		});
		return all;
	}

	/** The answers stored for a consultation, counted in the store (not in memory). */
	long count(String consultationId) {
		long count = 0;
		for (Document ignored : this.collection.find(Filters.eq("consultationId", consultationId))
			.projection(Projections.fields(Projections.include("agree"), Projections.excludeId()))
			.batchSize(1_000)) {
			count++;
		}
		return count;
	}

	static String id(String consultationId, String householdId) {
		return consultationId + "|" + householdId;
	}

	private static Document toDocument(Answer answer) {
		Document document = new Document("_id", id(answer.consultationId(), answer.householdId()))
			.append("consultationId", answer.consultationId())
			.append("householdId", answer.householdId())
			.append("communeId", answer.communeId())
			.append("groupId", answer.groupId())
			.append("agree", answer.agree())
			.append("by", answer.by())
			.append("at", answer.at().toString())
			.append("idempotencyKey", answer.idempotencyKey());
		if (answer.nameChoice() != null) {
			document.append("nameChoice", answer.nameChoice());
		}
		if (answer.clientId() != null) {
			document.append("clientId", answer.clientId());
		}
		if (!answer.further().isEmpty()) {
			Document further = new Document();
			answer.further().forEach((key, value) -> further.append(key.name(), value));
			document.append("further", further);
		}
		return document;
	}

	/** The answers to the further questions stored with an answer (none before them). */
	private static Map<Question.Key, String> further(Document answer) {
		Document stored = answer.get("further", Document.class);
		if (stored == null) {
			return Map.of();
		}
		Map<Question.Key, String> further = new java.util.EnumMap<>(Question.Key.class);
		stored.forEach((key, value) -> further.put(Question.Key.valueOf(key), (String) value));
		return further;
	}

	private static Answer fromDocument(Document document) {
		return new Answer(document.getString("consultationId"), document.getString("householdId"),
				document.getString("communeId"), document.getString("groupId"), document.getBoolean("agree"),
				document.getString("nameChoice"), document.getString("by"), document.getString("clientId"),
				Instant.parse(document.getString("at")), document.getString("idempotencyKey"), further(document));
	}

	/**
	 * @param consultationId the consultation
	 * @param householdId the household that answered
	 * @param communeId its commune
	 * @param groupId its residential group
	 * @param agree whether it agrees with the plan for its commune
	 * @param nameChoice the name chosen, where there was a choice
	 * @param by who answered (login name)
	 * @param clientId the app it came through
	 * @param at when
	 * @param idempotencyKey the caller's key: a retry with it returns this answer
	 * @param further answers to the questions beyond the arrangement and the name (seat,
	 * province merger, province name): the choice, or {@code "true"} / {@code "false"}
	 * for agree / disagree
	 */
	record Answer(String consultationId, String householdId, String communeId, String groupId, boolean agree,
			@Nullable String nameChoice, String by, @Nullable String clientId, Instant at, String idempotencyKey,
			Map<Question.Key, String> further) {

		Answer {
			further = Map.copyOf(further);
		}

		Answer(String consultationId, String householdId, String communeId, String groupId, boolean agree,
				@Nullable String nameChoice, String by, @Nullable String clientId, Instant at, String idempotencyKey) {
			this(consultationId, householdId, communeId, groupId, agree, nameChoice, by, clientId, at, idempotencyKey,
					Map.of());
		}

	}

	/**
	 * @param groupId a residential group
	 * @param agree the answer
	 * @param nameChoice the name chosen, or null
	 * @param answers how many households of the group answered so
	 * @param further the answers to the further questions (see {@link Answer#further})
	 */
	record AnswerCount(String groupId, boolean agree, @Nullable String nameChoice, int answers,
			Map<Question.Key, String> further) {

		AnswerCount(String groupId, boolean agree, @Nullable String nameChoice, int answers) {
			this(groupId, agree, nameChoice, answers, Map.of());
		}

	}

}

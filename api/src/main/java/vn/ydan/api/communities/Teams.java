package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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

import vn.ydan.api.store.CommitLater;

/**
 * The teams ({@code communityTeams}, one document per team with its members), and their
 * in-memory copy, which every read answers from: the national figures walk some 85,000
 * teams, far too many to read from the store per request. Loaded on first use (most
 * starts never need it), then kept in step by this process's own writes, which go to the
 * store first. Writes are serialised; a write checks the revision it was based on.
 */
@Component
class Teams {

	static final String COLLECTION = "communityTeams";

	static final int BATCH = 1_000;

	private final MongoDatabase database;

	private final MongoCollection<Document> collection;

	private final Map<String, Team> byId = new ConcurrentHashMap<>();

	private final Map<String, List<Team>> byGroup = new ConcurrentHashMap<>();

	private volatile boolean loaded;

	/**
	 * Changes with every change of the in-memory copy: figures cached on it know when to
	 * count again.
	 */
	private final java.util.concurrent.atomic.AtomicLong revision = new java.util.concurrent.atomic.AtomicLong();

	@Autowired
	Teams(MongoDatabaseFactory databases) {
		this(databases.getMongoDatabase());
	}

	Teams(MongoDatabase database) {
		this.database = database;
		this.collection = database.getCollection(COLLECTION);
	}

	/** The team of this id, or null. */
	@Nullable Team byId(String id) {
		load();
		return this.byId.get(id);
	}

	/** The teams of a residential group, in kind order. */
	List<Team> ofGroup(String groupId) {
		load();
		return this.byGroup.getOrDefault(groupId, List.of());
	}

	/** Revision of the in-memory copy: changes with every stored change. */
	long revision() {
		load();
		return this.revision.get();
	}

	/** Every team (a live view). */
	Collection<Team> all() {
		load();
		return this.byId.values();
	}

	/** Whether any team is stored (without loading them all). */
	boolean isEmpty() {
		return this.loaded ? this.byId.isEmpty() : this.collection.find().limit(1).first() == null;
	}

	/**
	 * Stores {@code team} if the stored one has {@code expectedRevision} (0: none stored
	 * yet); false when another write came first.
	 */
	synchronized boolean save(Team team, int expectedRevision) {
		load();
		Team current = this.byId.get(team.id());
		int currentRevision = (current != null) ? current.revision() : 0;
		if (currentRevision != expectedRevision) {
			return false;
		}
		Document document = document(team);
		if (expectedRevision == 0) {
			this.collection.insertOne(document);
		}
		else if (this.collection
			.replaceOne(Filters.and(Filters.eq("_id", team.id()), Filters.eq("revision", expectedRevision)), document)
			.getMatchedCount() != 1) {
			return false;
		}
		remember(team);
		return true;
	}

	/** Removes the team if its revision is {@code expectedRevision}. */
	synchronized boolean remove(Team team, int expectedRevision) {
		load();
		if (this.collection
			.deleteOne(Filters.and(Filters.eq("_id", team.id()), Filters.eq("revision", expectedRevision)))
			.getDeletedCount() != 1) {
			return false;
		}
		forget(team);
		return true;
	}

	/**
	 * Writes teams whole, in batches, whatever is stored (idempotent: by id), with one
	 * commit of the store at the end (as the registry's imports: {@code Units.saveAll}).
	 */
	synchronized void saveAll(List<Team> teams) {
		load();
		try {
			saveInBatches(teams);
		}
		finally {
			CommitLater.commit(this.database);
		}
	}

	private void saveInBatches(List<Team> teams) {
		ReplaceOptions upsert = new ReplaceOptions().upsert(true);
		for (int from = 0; from < teams.size(); from += BATCH) {
			List<WriteModel<Document>> writes = new ArrayList<>();
			for (Team team : teams.subList(from, Math.min(teams.size(), from + BATCH))) {
				// A team this process has never seen is new to the store too: an insert,
				// several
				// times cheaper than an upsert on the embedded store.
				writes.add(this.byId.containsKey(team.id())
						? new ReplaceOneModel<>(Filters.eq("_id", team.id()), document(team), upsert)
						: new InsertOneModel<>(document(team)));
			}
			this.collection.bulkWrite(writes, CommitLater.orderedBulk());
			teams.subList(from, Math.min(teams.size(), from + BATCH)).forEach(this::remember);
		}
	}

	private void load() {
		if (this.loaded) {
			return;
		}
		synchronized (this) {
			if (this.loaded) {
				return;
			}
			for (Document document : this.collection.find().batchSize(BATCH)) {
				remember(team(document));
			}
			this.loaded = true;
		}
	}

	private void remember(Team team) {
		Team previous = this.byId.put(team.id(), team);
		if (previous != null && !previous.groupId().equals(team.groupId())) {
			forget(previous);
			this.byId.put(team.id(), team);
		}
		this.byGroup.compute(team.groupId(), (group, teams) -> {
			List<Team> list = new ArrayList<>((teams != null) ? teams : List.of());
			list.removeIf((other) -> other.id().equals(team.id()));
			list.add(team);
			list.sort(Comparator.comparing(Team::kind).thenComparing(Team::id));
			return List.copyOf(list);
		});
		// After the change: figures counted at the previous revision may have seen it
		// half made, and are not asked for again.
		this.revision.incrementAndGet();
	}

	private void forget(Team team) {
		this.byId.remove(team.id());
		this.byGroup.computeIfPresent(team.groupId(), (group, teams) -> {
			List<Team> list = new ArrayList<>(teams);
			list.removeIf((other) -> other.id().equals(team.id()));
			return list.isEmpty() ? null : List.copyOf(list);
		});
		this.revision.incrementAndGet();
	}

	static Document document(Team team) {
		List<Document> members = new ArrayList<>();
		for (Member member : team.members()) {
			members.add(new Document("n", member.number()).append("name", member.name())
				.append("birthYear", member.birthYear())
				.append("phone", member.phone())
				.append("role", member.role().name()));
		}
		List<Document> history = new ArrayList<>();
		for (HistoryEntry entry : team.history()) {
			history.add(new Document("date", entry.date().toString()).append("text", entry.text())
				.append("key", entry.key()));
		}
		return new Document("_id", team.id()).append("groupId", team.groupId())
			.append("kind", team.kind().name())
			.append("decisionNumber", team.decisionNumber())
			.append("decisionDate", (team.decisionDate() != null) ? team.decisionDate().toString() : null)
			.append("decisionSigner", team.decisionSigner())
			.append("established", team.established())
			.append("members", members)
			.append("history", history)
			.append("revision", team.revision());
	}

	static Team team(Document document) {
		List<Member> members = new ArrayList<>();
		for (Document member : document.getList("members", Document.class, List.of())) {
			members.add(new Member(member.getInteger("n"), member.getString("name"), member.getInteger("birthYear"),
					member.getString("phone"), MemberRole.valueOf(member.getString("role"))));
		}
		List<HistoryEntry> history = new ArrayList<>();
		for (Document entry : document.getList("history", Document.class, List.of())) {
			history.add(new HistoryEntry(LocalDate.parse(entry.getString("date")), entry.getString("text"),
					entry.getString("key")));
		}
		String date = document.getString("decisionDate");
		return new Team(document.getString("_id"), document.getString("groupId"),
				TeamKind.valueOf(document.getString("kind")), document.getString("decisionNumber"),
				(date != null) ? LocalDate.parse(date) : null, document.getString("decisionSigner"),
				document.getBoolean("established", false), List.copyOf(members), List.copyOf(history),
				document.getInteger("revision"));
	}

}

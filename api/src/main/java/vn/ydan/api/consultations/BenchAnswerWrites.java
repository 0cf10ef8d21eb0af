package vn.ydan.api.consultations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import vn.ydan.api.protocol.Bench;

import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark baseline and checks, only with the {@code bench} profile
 * ({@code bench/consultations/}): an answer-sized insert straight on the driver (no
 * token, no GraphQL, no checks), to compare with {@code answerConsultation} in the same
 * run; and which households a list of acknowledged answers misses in the store (after
 * {@code kill -9}). Not part of the product; without a token, like every {@link Bench}
 * endpoint.
 */
@RestController
@Profile(Bench.PROFILE)
class BenchAnswerWrites {

	private final MongoCollection<Document> raw;

	private final Answers answers;

	private final Clock clock;

	BenchAnswerWrites(MongoDatabaseFactory databases, Answers answers, Clock clock) {
		this.raw = databases.getMongoDatabase().getCollection("benchRawAnswers");
		this.answers = answers;
		this.clock = clock;
	}

	@PostMapping("/bench/raw/answers")
	ResponseEntity<String> insert(@RequestParam String id) {
		try {
			this.raw.insertOne(new Document("_id", id).append("agree", true)
				.append("by", "bench")
				.append("at", this.clock.instant().toString()));
			return ResponseEntity.ok("{\"stored\":true}");
		}
		catch (MongoWriteException ex) {
			return ResponseEntity.status(409).body("{\"stored\":false}");
		}
	}

	/** The households of {@code body} (one id per line) without a stored answer. */
	@PostMapping("/bench/raw/missing-answers")
	List<String> missing(@RequestParam String consultationId, @RequestBody String body) {
		List<String> missing = new ArrayList<>();
		for (String household : body.split("\\R")) {
			if (!household.isBlank() && this.answers.find(consultationId, household.strip()) == null) {
				missing.add(household.strip());
			}
		}
		return missing;
	}

	/**
	 * The answers stored for a consultation, counted in the store (the results count them
	 * in memory).
	 */
	@PostMapping("/bench/raw/answer-count")
	long count(@RequestParam String consultationId) {
		return this.answers.count(consultationId);
	}

}

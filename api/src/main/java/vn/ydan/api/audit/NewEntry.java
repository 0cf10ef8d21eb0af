package vn.ydan.api.audit;

import java.util.List;

import org.bson.BsonDocument;
import org.jspecify.annotations.Nullable;
import vn.ydan.api.access.Caller;

/**
 * What to append; the log adds the sequence number, the time and the hashes.
 *
 * @param caller who did it
 * @param requestId the HTTP request's id ({@code X-Request-Id})
 * @param kind what kind of operation, e.g. {@code mutation:updateUnit},
 * {@code read:consultationAnswers}
 * @param unitIds global ids of the units concerned
 * @param summary a line for people, when the feature gave one
 * @param input the arguments, secrets redacted
 * @param before the state before, when the feature gave it
 * @param after the state after (only for {@link AuditOutcome#OK})
 * @param outcome how it ended
 * @param codes the user-error or error codes behind the outcome
 * @param revisions the revisions of aggregates the change stored
 */
record NewEntry(Caller caller, String requestId, String kind, List<String> unitIds, @Nullable String summary,
		@Nullable BsonDocument input, @Nullable BsonDocument before, @Nullable BsonDocument after, AuditOutcome outcome,
		List<String> codes, List<Revision> revisions) {

	NewEntry {
		// One form per unit, whichever the caller or the feature used.
		unitIds = List.copyOf(UnitIds.canonical(unitIds));
		codes = List.copyOf(codes);
		revisions = List.copyOf(revisions);
	}

	/** An entry that stored no revision of an aggregate (a read, a refusal). */
	NewEntry(Caller caller, String requestId, String kind, List<String> unitIds, @Nullable String summary,
			@Nullable BsonDocument input, @Nullable BsonDocument before, @Nullable BsonDocument after,
			AuditOutcome outcome, List<String> codes) {
		this(caller, requestId, kind, unitIds, summary, input, before, after, outcome, codes, List.of());
	}

	/**
	 * A revision of an aggregate that the change stored.
	 *
	 * @param subject the aggregate, e.g. {@code plan:<id>}
	 * @param revision the revision stored
	 * @param change what changed, in Vietnamese
	 */
	record Revision(String subject, int revision, String change) {
	}

}

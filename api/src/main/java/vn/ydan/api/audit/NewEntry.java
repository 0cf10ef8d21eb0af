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
 */
record NewEntry(Caller caller, String requestId, String kind, List<String> unitIds, @Nullable String summary,
		@Nullable BsonDocument input, @Nullable BsonDocument before, @Nullable BsonDocument after, AuditOutcome outcome,
		List<String> codes) {

	NewEntry {
		unitIds = List.copyOf(unitIds);
		codes = List.copyOf(codes);
	}

}

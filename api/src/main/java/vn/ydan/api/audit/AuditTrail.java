package vn.ydan.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;
import vn.ydan.api.access.Caller;

import org.springframework.stereotype.Component;

/**
 * What features use of the audit log. Every mutation is recorded without asking; a
 * feature adds the units it touched, the state before and after, and the revisions of its
 * aggregates it stored through {@link #current()}, reads an aggregate's history back with
 * {@link #revisions}, and records reads of personal data by officials with
 * {@link #recordRead}.
 */
@Component
public class AuditTrail {

	private final AuditLog auditLog;

	AuditTrail(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	/**
	 * The entry of the mutation running on this thread; outside a mutation, an entry that
	 * ignores what it is told.
	 */
	public AuditedChange current() {
		FieldCapture capture = MutationAudit.CURRENT.get();
		return (capture != null) ? capture : FieldCapture.NONE;
	}

	/**
	 * Appends an entry for a read of personal data (e.g. who answered a consultation) by
	 * the current caller, now. Fails when the entry cannot be written, so that such data
	 * is not shown unrecorded.
	 * @param what what was read, e.g. {@code consultationAnswers}; the entry's kind is
	 * {@code read:<what>}
	 * @param summary one line for people, in Vietnamese
	 * @param unitGlobalIds global ids of the units whose data it was
	 * @param details the read's parameters (secrets redacted)
	 */
	public void recordRead(String what, String summary, Collection<String> unitGlobalIds, Map<String, ?> details) {
		AuditRequest request = AuditRequest.current();
		this.auditLog.append(new NewEntry(Caller.of(request.authentication()), request.requestId(), "read:" + what,
				new ArrayList<>(unitGlobalIds), summary, details.isEmpty() ? null : BsonValues.document(details), null,
				null, AuditOutcome.OK, List.of()));
	}

	/**
	 * Appends the entry of a job that goes on after the request that started it (applying
	 * a plan): who started it, what it stored, and the revision of the aggregate it
	 * stored, so that the aggregate's history shows it.
	 * @param actor who started the job (login name), {@code system} for a resumed one
	 * @param what the operation, e.g. {@code applyPlan}; the entry's kind is
	 * {@code job:<what>}
	 * @param summary one line for people, in Vietnamese
	 * @param unitGlobalIds global ids of the units it touched
	 * @param subject the aggregate, e.g. {@code plan:<id>}
	 * @param revision the revision it stored
	 * @param change what changed, in Vietnamese
	 */
	public void recordJob(String actor, String what, String summary, Collection<String> unitGlobalIds, String subject,
			int revision, String change) {
		this.auditLog.append(new NewEntry(new Caller(actor, null, List.of(), null), "job:" + subject, "job:" + what,
				new ArrayList<>(unitGlobalIds), summary, null, null, null, AuditOutcome.OK, List.of(),
				List.of(new NewEntry.Revision(subject, revision, change))));
	}

	/**
	 * Appends the entry of a job that failed after it started (its intent, or the request
	 * that started it, is earlier in the log): who started it and why it failed. Never
	 * throws: the job has failed already; a log that cannot be written is logged.
	 * @param actor who started the job (login name), {@code system} for a resumed one
	 * @param what the operation, e.g. {@code applyPlan}; the entry's kind is
	 * {@code job:<what>}
	 * @param summary one line for people, in Vietnamese
	 * @param subject the aggregate, e.g. {@code plan:<id>}
	 * @param failure what went wrong (its type is kept, not its message: it may name
	 * data)
	 */
	public void recordJobFailed(String actor, String what, String summary, String subject, Throwable failure) {
		try {
			this.auditLog.append(new NewEntry(new Caller(actor, null, List.of(), null), "job:" + subject, "job:" + what,
					List.of(), summary, null, null, null, AuditOutcome.ERROR,
					List.of(failure.getClass().getSimpleName())));
		}
		catch (RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(AuditTrail.class)
				.error("Could not record the failure of {} ({}) in the audit log", what, subject, ex);
		}
	}

	/**
	 * Appends an intent before a job that cannot be taken back starts without a request
	 * (a resumed apply after a restart); fails, so that the job does not start, when it
	 * cannot be written.
	 * @param actor who starts it, {@code system} for a resumed one
	 * @param what the operation; the entry's kind is {@code intent:<what>}
	 * @param summary one line for people, in Vietnamese
	 * @param subject the aggregate, e.g. {@code plan:<id>}
	 */
	public void recordIntent(String actor, String what, String summary, String subject) {
		this.auditLog.append(new NewEntry(new Caller(actor, null, List.of(), null), "job:" + subject, "intent:" + what,
				List.of(), summary, null, null, null, AuditOutcome.STARTED, List.of()));
	}

	/**
	 * The history of an aggregate: every revision of it that a change stored and told
	 * ({@link AuditedChange#revised}), newest first, who made it and when the entry was
	 * appended.
	 * @param subject the aggregate, as the changes named it (e.g. {@code plan:<id>})
	 */
	public List<Revision> revisions(String subject) {
		List<Revision> revisions = new ArrayList<>();
		for (BsonDocument entry : this.auditLog.entriesOf(subject)) {
			BsonValue told = entry.get(AuditLog.REVISIONS);
			if (told == null || !told.isArray()) {
				continue;
			}
			BsonValue actor = entry.get(AuditLog.ACTOR);
			BsonValue at = entry.get(AuditLog.AT);
			for (BsonValue item : told.asArray()) {
				if (item.isDocument() && subject.equals(text(item.asDocument().get(AuditLog.SUBJECT)))
						&& item.asDocument().get(AuditLog.REVISION) instanceof BsonValue revision
						&& revision.isNumber()) {
					revisions.add(new Revision(revision.asNumber().intValue(), text(actor),
							text(item.asDocument().get(AuditLog.CHANGE)), (at != null && at.isDateTime())
									? Instant.ofEpochMilli(at.asDateTime().getValue()) : Instant.EPOCH));
				}
			}
		}
		revisions.sort(Comparator.comparingInt(Revision::revision).reversed());
		return revisions;
	}

	private static String text(@Nullable BsonValue value) {
		return (value != null && value.isString()) ? value.asString().getValue() : "";
	}

	/**
	 * A revision of an aggregate, as the log holds it.
	 *
	 * @param revision the revision stored
	 * @param actor who stored it (login name)
	 * @param change what changed, in Vietnamese
	 * @param at when the entry was appended
	 */
	public record Revision(int revision, String actor, String change, Instant at) {
	}

}

package vn.ydan.api.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import vn.ydan.api.access.Caller;

import org.springframework.stereotype.Component;

/**
 * What features use of the audit log. Every mutation is recorded without asking; a
 * feature adds the units it touched and the state before and after through
 * {@link #current()}, and records reads of personal data by officials with
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

}

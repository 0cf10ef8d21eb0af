package vn.ydan.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * What {@link MutationAudit} learns about one mutation field while it runs: its arguments
 * and caller, what the feature adds, and how the fetch ended.
 */
final class FieldCapture implements AuditedChange {

	final String field;

	final String resultKey;

	final AuditRequest request;

	final BsonDocument input;

	final List<String> unitIds = new ArrayList<>();

	@Nullable BsonDocument before;

	@Nullable BsonDocument after;

	@Nullable String summary;

	final List<NewEntry.Revision> revisions = new ArrayList<>();

	@Nullable Object result;

	@Nullable Throwable failure;

	/** A store write of the change waits for the entry's commit. */
	volatile boolean commitOwed;

	FieldCapture(String field, String resultKey, AuditRequest request, Map<String, ?> arguments) {
		this.field = field;
		this.resultKey = resultKey;
		this.request = request;
		this.input = BsonValues.document(arguments);
		BsonValues.collectUnitIds(arguments, this.unitIds);
	}

	@Override
	public synchronized AuditedChange touched(String unitGlobalId) {
		String canonical = UnitIds.canonical(unitGlobalId);
		if (!this.unitIds.contains(canonical)) {
			this.unitIds.add(canonical);
		}
		return this;
	}

	@Override
	public synchronized AuditedChange before(Map<String, ?> state) {
		this.before = BsonValues.document(state);
		return this;
	}

	@Override
	public synchronized AuditedChange after(Map<String, ?> state) {
		this.after = BsonValues.document(state);
		return this;
	}

	@Override
	public synchronized AuditedChange summary(String summary) {
		this.summary = summary;
		return this;
	}

	@Override
	public synchronized AuditedChange revised(String subject, int revision, String change) {
		this.revisions.add(new NewEntry.Revision(subject, revision, change));
		return this;
	}

	@Override
	public boolean commitsWithEntry() {
		this.commitOwed = true;
		return true;
	}

	synchronized void ended(@Nullable Object result, @Nullable Throwable failure) {
		this.result = result;
		this.failure = failure;
	}

	/** Calls that change nothing, for code running outside a mutation. */
	static final AuditedChange NONE = new AuditedChange() {

		@Override
		public AuditedChange touched(String unitGlobalId) {
			return this;
		}

		@Override
		public AuditedChange before(Map<String, ?> state) {
			return this;
		}

		@Override
		public AuditedChange after(Map<String, ?> state) {
			return this;
		}

		@Override
		public AuditedChange summary(String summary) {
			return this;
		}

		@Override
		public AuditedChange revised(String subject, int revision, String change) {
			return this;
		}

		@Override
		public boolean commitsWithEntry() {
			return false;
		}

	};

}

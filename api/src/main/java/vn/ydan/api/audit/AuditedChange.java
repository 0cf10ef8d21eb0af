package vn.ydan.api.audit;

import java.util.Map;

/**
 * The audit entry of the mutation being executed, for the feature to add what only it
 * knows. Everything is optional; the entry is written once, after the mutation has ended,
 * with its outcome. Outside a mutation (start-up imports, tests) the calls do nothing.
 * <p>
 * A feature tells the state before and after, the units the change concerns, and the
 * revisions it stored of its aggregates ({@link #revised}): the log is then also the
 * history of those aggregates ({@link AuditTrail#revisions}).
 */
public interface AuditedChange {

	/**
	 * A unit the change concerns, by its global id ({@code Unit.id}); units named in the
	 * arguments by their global ids are added without asking.
	 */
	AuditedChange touched(String unitGlobalId);

	/**
	 * The state before the change (secrets redacted like the arguments).
	 */
	AuditedChange before(Map<String, ?> state);

	/**
	 * The state after the change; kept only when the mutation succeeds.
	 */
	AuditedChange after(Map<String, ?> state);

	/**
	 * One line for people, in Vietnamese, e.g. "Sửa số hộ của Phường Trúc Bạch".
	 */
	AuditedChange summary(String summary);

	/**
	 * A revision the change stored of an aggregate (kept whatever the outcome: it is
	 * stored), so that the aggregate's history is read back from the log with
	 * {@link AuditTrail#revisions}. Call it once the revision is stored.
	 * @param subject the aggregate, e.g. {@code plan:<id>}
	 * @param revision the revision stored
	 * @param change what changed, in Vietnamese, e.g. "Xếp đơn vị cũ vào P1"
	 */
	AuditedChange revised(String subject, int revision, String change);

	/**
	 * Whether the change's store writes may leave their commit to its entry
	 * ({@link vn.ydan.api.store.CommitLater}): true in an audited mutation, whose entry
	 * is appended, a store commit, before the reply is sent; that commit makes the writes
	 * durable too. Should the entry fail to be appended, the store is committed all the
	 * same before the reply. False outside a mutation, where nothing follows: the writes
	 * must commit themselves.
	 */
	boolean commitsWithEntry();

}

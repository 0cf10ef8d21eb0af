package vn.ydan.api.audit;

import java.util.Map;

/**
 * The audit entry of the mutation being executed, for the feature to add what only it
 * knows. Everything is optional; the entry is written once, after the mutation has ended,
 * with its outcome. Outside a mutation (start-up imports, tests) the calls do nothing.
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

}

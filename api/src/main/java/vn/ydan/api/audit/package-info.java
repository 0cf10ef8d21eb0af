/**
 * The audit log: every mutation (who, when, which client, what, before / after, request
 * id, outcome) and every read of personal data by an official, appended to the
 * {@code auditLog} collection and chained by HMAC-SHA256 hashes with a key kept outside
 * the store, so that an entry changed, removed or moved in the store is found by
 * {@code verifyAuditLog}; the chain's head is published outside the store
 * ({@code audit-heads.log}) and checked too. Irreversible mutations get an
 * {@code intent:} entry before they act.
 * <p>
 * Mutations are captured generically ({@link vn.ydan.api.audit.MutationAudit}); features
 * add what only they know (the units touched, the state before and after, the revisions
 * of their aggregates they stored) through {@link vn.ydan.api.audit.AuditTrail}, read an
 * aggregate's history back ({@link vn.ydan.api.audit.AuditTrail#revisions}), and record
 * reads of personal data with {@link vn.ydan.api.audit.AuditTrail#recordRead}. Nothing in
 * the system edits or deletes entries; see {@code docs/decisions/0005-audit-log.md} and
 * {@code 0012-audit-chain-keyed-and-published.md}.
 */
@NullMarked
package vn.ydan.api.audit;

import org.jspecify.annotations.NullMarked;

package vn.ydan.admin.audit;

import org.jspecify.annotations.Nullable;

/**
 * What the api found when it walked the chain.
 *
 * @param entries entries found sound
 * @param verified whether the whole chain is sound
 * @param firstBrokenSeq the first entry that fails
 * @param reason why, in Vietnamese
 * @param durationMs time taken
 * @param headSeq the last sound entry
 * @param headHash its hash
 */
public record AuditVerification(int entries, boolean verified, @Nullable Integer firstBrokenSeq,
		@Nullable String reason, int durationMs, int headSeq, String headHash) {
}

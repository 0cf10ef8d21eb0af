package vn.ydan.admin.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log, as the api gives it.
 *
 * @param seq number in the chain, from 1
 * @param at when, ISO-8601 instant in UTC
 * @param actor login name, {@code (anonymous)} without a sign-in
 * @param displayName the name from the caller's token
 * @param roles the roles the caller held
 * @param clientId the OAuth client ({@code ydan-console}, a partner's app…)
 * @param requestId the HTTP request's id
 * @param kind {@code mutation:<field>} or {@code read:<what>}
 * @param unitIds global ids of the units concerned
 * @param summary one line for people
 * @param input the arguments, as JSON
 * @param before the state before, as JSON
 * @param after the state after, as JSON
 * @param outcome OK, USER_ERRORS, ERROR or DENIED
 * @param codes the codes behind the outcome
 * @param hash the entry's SHA-256
 */
public record AuditEntry(int seq, String at, String actor, @Nullable String displayName, List<String> roles,
		@Nullable String clientId, String requestId, String kind, List<String> unitIds, @Nullable String summary,
		@Nullable String input, @Nullable String before, @Nullable String after, String outcome, List<String> codes,
		String hash) {

	/** Whether the operation went through. */
	public boolean succeeded() {
		return "OK".equals(this.outcome);
	}

}

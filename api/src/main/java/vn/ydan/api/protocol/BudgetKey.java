package vn.ydan.api.protocol;

import java.net.InetSocketAddress;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Whose budget a request is charged to: a kind of client and who within it. Not the
 * caller as features see them ({@code access.Caller}): a partner application's users
 * share one budget.
 *
 * @param kind the kind of client, which sets the size of the budget
 * @param key who within that kind: a remote address, an OAuth client id, a user
 */
record BudgetKey(Kind kind, String key) {

	/**
	 * A request without a token is anonymous (keyed by its remote address); a token of
	 * the console is its user's (keyed by the token's subject); any other token is its
	 * OAuth client's ({@code azp}), since a partner application's users share its budget.
	 */
	static BudgetKey of(@Nullable Authentication authentication, @Nullable InetSocketAddress remote,
			String consoleClientId) {
		if (authentication instanceof JwtAuthenticationToken token) {
			String client = token.getToken().getClaimAsString("azp");
			String subject = (token.getToken().getSubject() != null) ? token.getToken().getSubject() : token.getName();
			if (consoleClientId.equals(client)) {
				return new BudgetKey(Kind.CONSOLE, subject);
			}
			return new BudgetKey(Kind.PARTNER, (client != null) ? client : subject);
		}
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return new BudgetKey(Kind.PARTNER, authentication.getName());
		}
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		return new BudgetKey(Kind.ANONYMOUS, address);
	}

	/** Kinds of clients, each with its own budget ({@code ydan.api.limits.rate.*}). */
	enum Kind {

		ANONYMOUS, PARTNER, CONSOLE;

		/** As reported in {@code extensions.cost.client}. */
		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}

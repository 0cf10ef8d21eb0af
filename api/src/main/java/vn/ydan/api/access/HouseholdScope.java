package vn.ydan.api.access;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which household a resident answers for, and through which app (used as
 * {@code @householdScope} in {@link Roles#MAY_ANSWER_FOR_HOUSEHOLD}). A resident is bound
 * to one household by the Keycloak user attribute {@code ydan_household}, carried in the
 * token and read by {@link Caller#household}. A token is accepted for an answer when the
 * app it was issued to was granted it ({@code ydan_grants} contains
 * {@value #RESIDENT_ANSWERS}, a claim the api puts on the clients of partner apps
 * registered with that grant; in the development realm the test client {@code ydan-test}
 * has it too), or when it is the console's: the console is the residents' first-party
 * online channel, as it is the officials' (decision 20, amending decision 13).
 */
@Component("householdScope")
public class HouseholdScope {

	static final String GRANTS_CLAIM = "ydan_grants";

	public static final String RESIDENT_ANSWERS = "resident-answers";

	/**
	 * The first-party clients ({@code ydan.access.first-party-clients}, the console):
	 * their tokens carry their users' own roles, a resident's included.
	 */
	private final Set<String> firstParty;

	HouseholdScope(@Value("${ydan.access.first-party-clients:ydan-console}") List<String> firstParty) {
		this.firstParty = Set.copyOf(firstParty.stream().map(String::strip).filter((c) -> !c.isEmpty()).toList());
	}

	/** Whether the token binds its user to {@code householdId}. */
	public boolean isOwn(Authentication authentication, @Nullable String householdId) {
		return householdId != null && householdId.strip().equals(Caller.household(authentication));
	}

	/**
	 * Whether the app the caller's token was issued to was granted resident answers, or
	 * is the console (first-party: the token carries the user's own {@code resident}
	 * role, which only realm admins give).
	 */
	public boolean appMayAnswer(Authentication authentication) {
		if (Caller.claimValues(authentication, GRANTS_CLAIM).contains(RESIDENT_ANSWERS)) {
			return true;
		}
		Set<String> client = Caller.claimValues(authentication, "azp");
		return client.size() == 1 && this.firstParty.containsAll(client);
	}

	/**
	 * Whether the caller may submit the answer of {@code householdId}: their own
	 * household, through an app granted resident answers.
	 */
	public boolean mayAnswerFor(Authentication authentication, @Nullable String householdId) {
		return isOwn(authentication, householdId) && appMayAnswer(authentication);
	}

	/** The grants a {@value #GRANTS_CLAIM} claim names. */
	static Set<String> grants(@Nullable Object claim) {
		return Caller.values(claim);
	}

}

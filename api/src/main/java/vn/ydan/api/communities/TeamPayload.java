package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;

/**
 * Result of a change to a team (GraphQL {@code CommunityTeamPayload}).
 *
 * @param team the team after the change (removed: as it was); null when refused
 * @param userErrors why nothing changed
 */
record TeamPayload(@Nullable CommunityTeam team, List<UserError> userErrors) implements WithUserErrors {

	static TeamPayload of(CommunityTeam team) {
		return new TeamPayload(team, List.of());
	}

	static TeamPayload rejected(List<UserError> errors) {
		return new TeamPayload(null, List.copyOf(errors));
	}

	/**
	 * @param number number of the decision
	 * @param date date it was signed
	 * @param signer who signed it
	 */
	record DecisionInput(String number, LocalDate date, String signer) {
	}

	/**
	 * @param name full name
	 * @param birthYear year of birth
	 * @param phone phone, if any
	 * @param role role in the team
	 */
	record MemberInput(String name, int birthYear, @Nullable String phone, MemberRole role) {
	}

}

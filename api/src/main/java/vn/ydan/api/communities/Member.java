package vn.ydan.api.communities;

import org.jspecify.annotations.Nullable;

/**
 * A member of a team: the minimum the law needs to know who serves (name, birth year, a
 * phone to call them), nothing more. Personal data: only officials and clerks of the
 * commune read it, and each read is audited.
 *
 * @param number number within the team (its id is the team's id, a slash and this)
 * @param name full name, NFC
 * @param birthYear year of birth
 * @param phone phone number, if given
 * @param role role in the team
 */
record Member(int number, String name, int birthYear, @Nullable String phone, MemberRole role) {

	/** Names repeat (and the demo's synthetic ones everywhere): one copy each. */
	Member {
		name = name.intern();
	}

	/**
	 * Who the member is, to find the same person in two teams: name (exactly, NFC) and
	 * birth year.
	 */
	String identity() {
		return this.name + "|" + this.birthYear;
	}

}

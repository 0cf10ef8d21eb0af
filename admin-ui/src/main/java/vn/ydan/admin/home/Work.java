package vn.ydan.admin.home;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What waits for the signed-in user, for the home page.
 */
public final class Work {

	private Work() {
	}

	/**
	 * A consultation and where it stands.
	 *
	 * @param id id
	 * @param title title
	 * @param status {@code SCHEDULED}, {@code OPEN}, {@code CLOSED}, {@code CERTIFIED} or
	 * {@code PUBLISHED}
	 * @param statusName its Vietnamese label
	 * @param closesAt when answers stop (ISO-8601)
	 */
	public record Consultation(String id, String title, String status, String statusName, String closesAt) {

		/** Open or closed: figures still come in, tallies are entered. */
		public boolean isRunning() {
			return "OPEN".equals(this.status) || "CLOSED".equals(this.status);
		}

	}

	/**
	 * A plan and where it stands.
	 *
	 * @param id id
	 * @param title title
	 * @param status {@code DRAFT}, {@code PUBLISHED}, {@code ADOPTED}, …
	 * @param statusName its Vietnamese label
	 */
	public record Plan(String id, String title, String status, String statusName) {
	}

	/**
	 * The next group whose tally a clerk enters.
	 *
	 * @param consultation the consultation
	 * @param communeId the commune
	 * @param communeName its name
	 * @param groupId the group; null when the commune's groups could not be read
	 * @param groupName its name
	 * @param groupsLeft groups of the commune not reported yet
	 */
	public record NextGroup(Consultation consultation, String communeId, String communeName, @Nullable String groupId,
			@Nullable String groupName, int groupsLeft) {
	}

	record Ref(String id, @Nullable String fullName) {
	}

	record CommuneProgress(Ref unit, int groups, int groupsReported) {
	}

	record Results(List<CommuneProgress> communes) {
	}

	record Group(Ref group) {
	}

	record Tally(Ref group, String state) {
	}

	record Groups(List<Group> electorateGroups, List<Tally> tallies) {
	}

}

package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A consultation for its page.
 *
 * @param id id
 * @param title title
 * @param planId the plan consulted on
 * @param status where it stands
 * @param statusName its Vietnamese label
 * @param opensAt first instant answers are taken (ISO-8601)
 * @param closesAt instant answers stop
 * @param round 1, or more
 * @param previousId the earlier round
 * @param answerCount online answers so far
 * @param passRule when a commune agrees
 * @param units the communes asked
 * @param results results; null when the user may not see them (yet)
 */
public record ConsultationDetails(String id, String title, String planId, ConsultationStatus status, String statusName,
		String opensAt, String closesAt, int round, @Nullable String previousId, int answerCount, PassRule passRule,
		List<ConsultedUnit> units, @Nullable ConsultationResults results) {

	/** The same consultation with newer live figures. */
	public ConsultationDetails with(Progress progress) {
		return new ConsultationDetails(this.id, this.title, this.planId, progress.status(), progress.statusName(),
				this.opensAt, this.closesAt, this.round, this.previousId, progress.answerCount(), this.passRule,
				this.units, progress.results());
	}

	/**
	 * What the page polls while the consultation is live.
	 *
	 * @param status where it stands
	 * @param statusName its label
	 * @param answerCount online answers
	 * @param results results, when the user may see them
	 */
	public record Progress(ConsultationStatus status, String statusName, int answerCount,
			@Nullable ConsultationResults results) {
	}

}

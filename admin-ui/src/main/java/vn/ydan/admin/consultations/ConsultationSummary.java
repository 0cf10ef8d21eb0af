package vn.ydan.admin.consultations;

/**
 * A row of the consultations list.
 *
 * @param id id
 * @param title title
 * @param status where it stands
 * @param statusName its Vietnamese label
 * @param opensAt first instant answers are taken (ISO-8601)
 * @param closesAt instant answers stop
 * @param round 1, or more for a new round
 * @param answerCount online answers so far
 * @param passRule when a commune agrees
 */
public record ConsultationSummary(String id, String title, ConsultationStatus status, String statusName, String opensAt,
		String closesAt, int round, int answerCount, PassRule passRule) {
}

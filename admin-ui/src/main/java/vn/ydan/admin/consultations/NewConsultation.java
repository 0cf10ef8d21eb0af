package vn.ydan.admin.consultations;

import java.time.LocalDateTime;

/**
 * A consultation to create, its window in Vietnam's local time.
 *
 * @param planId the published plan
 * @param title title
 * @param opensAt first moment answers are taken, Asia/Ho_Chi_Minh
 * @param closesAt moment answers stop, Asia/Ho_Chi_Minh
 * @param operator more than, or at least
 * @param percent threshold in percent of all households
 */
public record NewConsultation(String planId, String title, LocalDateTime opensAt, LocalDateTime closesAt,
		PassOperator operator, double percent) {
}

package vn.ydan.admin.consultations;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A consultation to create, its window in Vietnam's local time.
 *
 * @param planId the published plan
 * @param title title
 * @param opensAt first moment answers are taken, Asia/Ho_Chi_Minh
 * @param closesAt moment answers stop, Asia/Ho_Chi_Minh
 * @param operator more than, or at least
 * @param percent threshold in percent of all households
 * @param previousId for a new round: the earlier consultation; null for a first round
 * @param communeIds for a new round: the communes that failed and are asked again
 */
public record NewConsultation(String planId, String title, LocalDateTime opensAt, LocalDateTime closesAt,
		PassOperator operator, double percent, @Nullable String previousId, List<String> communeIds) {

	public NewConsultation {
		communeIds = List.copyOf(communeIds);
	}

	/** A first round. */
	public NewConsultation(String planId, String title, LocalDateTime opensAt, LocalDateTime closesAt,
			PassOperator operator, double percent) {
		this(planId, title, opensAt, closesAt, operator, percent, null, List.of());
	}

}

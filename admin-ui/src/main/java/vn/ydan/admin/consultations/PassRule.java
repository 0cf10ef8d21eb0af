package vn.ydan.admin.consultations;

/**
 * When a commune agrees.
 *
 * @param operator more than, or at least
 * @param percent the threshold in percent of all households
 * @param description the rule in Vietnamese
 */
public record PassRule(PassOperator operator, double percent, String description) {
}

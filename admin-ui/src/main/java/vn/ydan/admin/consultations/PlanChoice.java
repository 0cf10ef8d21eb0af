package vn.ydan.admin.consultations;

/**
 * A published plan to consult on.
 *
 * @param id id
 * @param title title
 */
public record PlanChoice(String id, String title) {
}

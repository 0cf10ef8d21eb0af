package vn.ydan.admin.consultations;

/**
 * A household on a work group's list.
 *
 * @param householdId its opaque id
 * @param answeredOnline whether it answered online (no paper form needed)
 */
public record HouseholdStatus(String householdId, boolean answeredOnline) {
}

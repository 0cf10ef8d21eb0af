package vn.ydan.admin.consultations;

/**
 * A name and how many chose it.
 *
 * @param name the name
 * @param count how many
 */
public record NameCount(String name, int count) {
}

package vn.ydan.admin.communities;

import org.jspecify.annotations.Nullable;

/**
 * A member of a team, as read and as saved.
 *
 * @param name full name
 * @param birthYear year of birth
 * @param phone phone, if any
 * @param role {@code LEADER}, {@code DEPUTY} or {@code MEMBER}
 */
public record TeamMember(String name, int birthYear, @Nullable String phone, String role) {
}

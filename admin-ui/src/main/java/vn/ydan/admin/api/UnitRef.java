package vn.ydan.admin.api;

import org.jspecify.annotations.Nullable;

/**
 * Another unit as a link: enough to name it and open its page.
 *
 * @param id the api's global id
 * @param code the GSO code, when it has one
 * @param fullName the full name with its type ("Quận Hoàn Kiếm")
 */
public record UnitRef(String id, @Nullable String code, String fullName) {
}

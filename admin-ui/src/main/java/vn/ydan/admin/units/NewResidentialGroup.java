package vn.ydan.admin.units;

import org.jspecify.annotations.Nullable;

/**
 * A residential group to add under a commune ({@code addResidentialGroup}).
 *
 * @param communeId the commune's global id
 * @param code its code, if it has one
 * @param name its name ("Tổ dân phố số 5", "Thôn Đông")
 * @param type {@code TO_DAN_PHO}, {@code THON}, {@code BAN} or {@code AP}
 * @param households its households
 */
public record NewResidentialGroup(String communeId, @Nullable String code, String name, String type, int households) {
}

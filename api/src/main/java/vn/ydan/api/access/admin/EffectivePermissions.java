package vn.ydan.api.access.admin;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.access.UnitHierarchy.ScopeUnit;

/**
 * What a user may do, in words, from their roles and scope: the same rules as
 * {@link vn.ydan.api.access.Roles}' expressions (docs/access-matrix.md lists them per
 * operation).
 */
final class EffectivePermissions {

	private EffectivePermissions() {
	}

	static List<String> of(UserAccount user, List<ScopeUnit> scope) {
		List<String> permissions = new ArrayList<>();
		if (!user.enabled()) {
			permissions.add("Tài khoản đang bị khoá: không đăng nhập được, không có quyền nào");
			return permissions;
		}
		permissions.add("Đọc sổ đơn vị hành chính, phương án và kết quả đã công bố (công khai)");
		String units = names(scope);
		String communes = names(scope.stream().filter((unit) -> ScopeUnit.COMMUNE.equals(unit.level())).toList());
		if (user.has(Role.ADMIN)) {
			permissions.add("Quản lý người dùng, vai trò, phạm vi, hộ gia đình và ứng dụng đối tác");
			permissions.add("Nhập sổ đơn vị từ tệp CSV; sửa mọi đơn vị, thêm tổ dân phố, thôn ở mọi xã");
			permissions.add("Lập, sửa, chuyển trạng thái và áp dụng mọi phương án sắp xếp");
			permissions.add("Xem tình trạng hệ thống");
		}
		if (user.has(Role.OFFICIAL)) {
			if (units == null) {
				permissions.add("Cán bộ chưa được giao phạm vi: chưa được sửa đơn vị hay lập phương án nào");
			}
			else {
				permissions
					.add("Sửa đơn vị và thêm tổ dân phố, thôn trong phạm vi: " + units + " (cả các đơn vị trực thuộc)");
				permissions.add("Lập và chuyển trạng thái phương án có phạm vi nằm trong: " + units);
			}
		}
		if (user.has(Role.CLERK)) {
			if (communes == null) {
				permissions.add("Thư ký chưa được giao xã nào: chưa được nhập kết quả ở đâu");
			}
			else {
				permissions.add("Nhập kết quả và thêm tổ dân phố, thôn của: " + communes + " (chỉ các xã này)");
			}
		}
		if (user.has(Role.RESIDENT)) {
			permissions.add((user.household() != null)
					? "Trả lời lấy ý kiến thay mặt hộ " + user.household() + ", qua ứng dụng đối tác được cấp quyền"
					: "Cử tri chưa gắn với hộ gia đình: chưa trả lời được");
		}
		if (user.has(Role.PARTNER)) {
			permissions.add("Đọc API công khai với hạn mức của đối tác");
		}
		return permissions;
	}

	private static @Nullable String names(List<ScopeUnit> units) {
		if (units.isEmpty()) {
			return null;
		}
		return String.join(", ", units.stream().map(ScopeUnit::fullName).toList());
	}

}

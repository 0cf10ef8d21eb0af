package vn.ydan.api.access.admin;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.access.Roles;

/** The Ý Dân realm roles, as the GraphQL enum {@code Role}. */
enum Role {

	ADMIN("quản trị viên"), OFFICIAL("cán bộ"), CLERK("thư ký tổ công tác"), RESIDENT("cử tri đại diện hộ"),
	PARTNER("ứng dụng đối tác");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	String realmName() {
		return name().toLowerCase(Locale.ROOT);
	}

	String label() {
		return this.label;
	}

	/** Whether the role acts for units, and so has a scope. */
	boolean scoped() {
		return this == OFFICIAL || this == CLERK;
	}

	static @Nullable Role ofRealmName(String name) {
		if (!Roles.ALL.contains(name)) {
			return null;
		}
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}

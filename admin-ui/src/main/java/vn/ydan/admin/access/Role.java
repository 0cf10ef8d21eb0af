package vn.ydan.admin.access;

/**
 * The api's {@code Role} enum; labels are translation keys {@code access.role.<name>}.
 */
public enum Role {

	ADMIN, OFFICIAL, CLERK, RESIDENT, PARTNER;

	public String labelKey() {
		return "access.role." + name().toLowerCase(java.util.Locale.ROOT);
	}

}

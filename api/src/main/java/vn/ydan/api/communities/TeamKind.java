package vn.ydan.api.communities;

/** Kinds of community team (GraphQL {@code CommunityTeamKind}). */
enum TeamKind {

	/** Tổ bảo vệ an ninh, trật tự: one per group, at least 3 members (Law of 2024). */
	SECURITY_AND_ORDER("tổ bảo vệ an ninh, trật tự"),

	/** Tổ tự quản: a minimum set by the province (configurable). */
	SELF_MANAGEMENT("tổ tự quản");

	private final String label;

	TeamKind(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}

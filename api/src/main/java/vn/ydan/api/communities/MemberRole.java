package vn.ydan.api.communities;

/** A member's role in a team (GraphQL {@code TeamMemberRole}). */
enum MemberRole {

	/** Tổ trưởng. */
	LEADER,

	/** Tổ phó. */
	DEPUTY,

	/** Tổ viên. */
	MEMBER

}

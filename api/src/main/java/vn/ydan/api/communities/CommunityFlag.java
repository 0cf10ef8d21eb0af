package vn.ydan.api.communities;

/** What a commune should look at in a group (GraphQL {@code CommunityFlag}). */
enum CommunityFlag {

	/** No established security and order team: the law wants one in every group. */
	NO_SECURITY_TEAM,

	/** A team has fewer members than its kind's minimum. */
	TEAM_BELOW_MINIMUM

}

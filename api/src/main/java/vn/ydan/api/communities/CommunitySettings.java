package vn.ydan.api.communities;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the law and the province decide, as configuration: the minimum members per kind of
 * team (security and order teams: at least 3, the law's floor, which configuration may
 * raise and not lower) and the yearly allowance per member that the cost figures count
 * with. The default allowance is the public estimate's own ratio: 3,505 billion đồng a
 * year for at least 254,163 members, about 13.79 million đồng each.
 */
@Component
class CommunitySettings {

	static final int LEGAL_SECURITY_MINIMUM = 3;

	private final int securityMinimum;

	private final int selfManagementMinimum;

	private final long yearlyAllowancePerMember;

	CommunitySettings(@Value("${ydan.communities.security-minimum:3}") int securityMinimum,
			@Value("${ydan.communities.self-management-minimum:3}") int selfManagementMinimum,
			@Value("${ydan.communities.yearly-allowance-per-member:13790000}") long yearlyAllowancePerMember) {
		this.securityMinimum = Math.max(LEGAL_SECURITY_MINIMUM, securityMinimum);
		this.selfManagementMinimum = Math.max(1, selfManagementMinimum);
		this.yearlyAllowancePerMember = Math.max(0, yearlyAllowancePerMember);
	}

	int minimum(TeamKind kind) {
		return switch (kind) {
			case SECURITY_AND_ORDER -> this.securityMinimum;
			case SELF_MANAGEMENT -> this.selfManagementMinimum;
		};
	}

	/** In đồng. */
	long yearlyAllowancePerMember() {
		return this.yearlyAllowancePerMember;
	}

}

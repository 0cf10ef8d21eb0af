package vn.ydan.admin.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * A unit found by its name ({@code planScopeSearch}): the scope of a new plan, or an old
 * unit to assign to a new one.
 *
 * @param id the api's global id
 * @param code the GSO code, when it has one
 * @param fullName the full name ("Quận Ba Đình")
 * @param level the level as the api names it ({@code PROVINCE}, {@code DISTRICT},
 * {@code COMMUNE}, {@code RESIDENTIAL_GROUP})
 * @param ancestors the units above, nearest first
 */
public record FoundUnit(String id, @Nullable String code, String fullName, String level,
		@Nullable List<UnitRef> ancestors) {

	/** The units above, nearest first. */
	public List<UnitRef> parentChain() {
		return (this.ancestors != null) ? this.ancestors : List.of();
	}

	/** A province or a district: what a plan covers. */
	public boolean mayBeScope() {
		return "PROVINCE".equals(this.level) || "DISTRICT".equals(this.level);
	}

	/** A residential group: below the units a plan rearranges. */
	public boolean isResidentialGroup() {
		return "RESIDENTIAL_GROUP".equals(this.level);
	}

}

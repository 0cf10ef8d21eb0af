package vn.ydan.api.communities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.UnitRegistry;

/**
 * Result of merging or splitting residential groups (GraphQL
 * {@code ResidentialGroupChangePayload}).
 *
 * @param groups the groups the change made or continued, on its effective date; empty
 * when refused
 * @param userErrors why nothing changed
 */
record GroupChangePayload(List<Unit> groups, List<UserError> userErrors) implements WithUserErrors {

	static GroupChangePayload of(List<String> groupIds, LocalDate date, UnitRegistry registry) {
		List<Unit> groups = new ArrayList<>();
		for (String id : groupIds) {
			Unit unit = registry.view(id, date);
			if (unit != null) {
				groups.add(unit);
			}
		}
		return new GroupChangePayload(List.copyOf(groups), List.of());
	}

	static GroupChangePayload rejected(List<UserError> errors) {
		return new GroupChangePayload(List.of(), List.copyOf(errors));
	}

	/**
	 * {@code MergeResidentialGroupsInput}.
	 *
	 * @param groupIds global ids of the groups to merge
	 * @param survivorId the one that continues; null: a new group
	 * @param code code of the merged group (null: the survivor's, or none)
	 * @param name name of the merged group (null: the survivor's)
	 * @param effectiveDate first day of the merged group
	 * @param legalBasis the commune's act
	 */
	record MergeInput(List<String> groupIds, @Nullable String survivorId, @Nullable String code, @Nullable String name,
			LocalDate effectiveDate, String legalBasis) {
	}

	/**
	 * {@code SplitResidentialGroupInput}.
	 *
	 * @param groupId global id of the group to split
	 * @param parts the groups it becomes; the first continues it
	 * @param effectiveDate first day of the parts
	 * @param legalBasis the commune's act
	 */
	record SplitInput(String groupId, List<PartInput> parts, LocalDate effectiveDate, String legalBasis) {
	}

	/**
	 * {@code ResidentialGroupPartInput}.
	 *
	 * @param code its code, if any
	 * @param name its name
	 * @param households its households, if known
	 */
	record PartInput(@Nullable String code, String name, @Nullable Integer households) {
	}

}

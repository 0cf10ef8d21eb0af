package vn.ydan.api.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitType;

/**
 * Residential groups the plan merges: two or more groups that end up in one commune after
 * the plan become one group from its effective date, one of them ({@code survivorId},
 * which keeps its id) or a new one.
 *
 * @param key stable key within the plan
 * @param groupIds internal ids of the groups, as they stand the day before the effective
 * date
 * @param survivorId internal id of the group that continues, or null for a new group
 * @param name name of the group after the merger without its type; null: the survivor's
 * @param type type of the new group (of the group level); null: the survivor's
 * @param code code of the group after the merger; null: the survivor's, none for a new
 * group
 */
record GroupMerger(String key, List<String> groupIds, @Nullable String survivorId, @Nullable String name,
		@Nullable UnitType type, @Nullable String code) {

	GroupMerger {
		groupIds = List.copyOf(groupIds);
	}

	/** The merged group's name: the merger's, else the survivor's. */
	@Nullable String nameWith(@Nullable UnitRecord survivor) {
		return (this.name != null) ? this.name : (survivor != null) ? survivor.name() : null;
	}

	/** The merged group's code: the merger's, else the survivor's. */
	@Nullable String codeWith(@Nullable UnitRecord survivor) {
		return (this.code != null) ? this.code : (survivor != null) ? survivor.code() : null;
	}

	/** Key of the merged group among the new units of the plan's restructuring. */
	String restructuringKey() {
		return "group-merger:" + this.key;
	}

}

package vn.ydan.api.access;

import java.util.List;

/**
 * Implemented by the units feature so that {@link UnitScope} can check a scope without
 * this module depending on it.
 */
public interface UnitHierarchy {

	/**
	 * Every identifier by which a scope may name the unit or a unit above it today:
	 * internal id, global id and code of each, nearest first. Empty for an unknown unit.
	 */
	List<String> identifiersUpward(String unitId);

}

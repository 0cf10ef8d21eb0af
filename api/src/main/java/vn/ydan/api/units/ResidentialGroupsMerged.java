package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.List;

/**
 * Published after a restructuring is applied ({@link UnitRegistry#restructure}) when it
 * merged residential groups: a new group of the change (or one that continues a merged
 * group) taking two or more groups whole. Features that hang data on groups (the
 * community teams) merge it too. Published again when the same restructuring is applied
 * again (a retry): listeners must be idempotent per {@code restructuringKey} and merge.
 *
 * @param restructuringKey the change's key (a plan's id, or the key of a group change)
 * @param effectiveDate the first day of the merged group
 * @param legalBasis the act of the change, if known
 * @param merges the mergers
 */
public record ResidentialGroupsMerged(String restructuringKey, LocalDate effectiveDate, String legalBasis,
		List<Merge> merges) {

	/**
	 * @param mergedId internal id of the group after the merger (a survivor's id, or a
	 * new one)
	 * @param groupIds internal ids of the merged groups, the survivor first when there is
	 * one
	 */
	public record Merge(String mergedId, List<String> groupIds) {
	}

}

package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The name residents chose for a unit the plan forms.
 *
 * @param unitKey the unit's key in the plan
 * @param proposedFullName its proposed full name in the plan
 * @param name the name most chosen (ties: the plan's order), null when nobody chose
 * @param tied whether the first two names had the same count
 * @param counts every name offered, with the households that chose it
 */
public record WinningName(String unitKey, String proposedFullName, @Nullable String name, boolean tied,
		@Nullable List<NameCount> counts) {

	public List<NameCount> nameCounts() {
		return (this.counts != null) ? this.counts : List.of();
	}

}

package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * A commune asked.
 *
 * @param unit the commune
 * @param successors the new unit(s) the plan puts it in
 * @param nameChoices names offered; empty when there is no choice
 * @param households households in the register
 * @param within where the commune was (its district), to filter results by district
 */
public record ConsultedUnit(UnitRef unit, List<String> successors, List<String> nameChoices, int households,
		@Nullable Within within) {

	/** The commune's district (or province, for one without), when known. */
	public @Nullable UnitRef district() {
		return (this.within != null) ? this.within.parent() : null;
	}

	/**
	 * The commune's parent ({@code within: unit { parent { … } }} in the documents).
	 *
	 * @param parent its district, or null
	 */
	public record Within(@Nullable UnitRef parent) {
	}

}

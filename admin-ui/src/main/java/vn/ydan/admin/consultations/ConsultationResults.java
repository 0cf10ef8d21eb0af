package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Results per commune and rolled up.
 *
 * @param published whether they are published
 * @param communes per commune
 * @param districts per district
 * @param provinces per province
 * @param total the whole consultation
 * @param winningNames per unit the plan forms whose name residents choose: the winning
 * name
 */
public record ConsultationResults(boolean published, List<CommuneResult> communes, List<RollUp> districts,
		List<RollUp> provinces, RollUp total, @Nullable List<WinningName> winningNames) {

	public List<WinningName> winning() {
		return (this.winningNames != null) ? this.winningNames : List.of();
	}

}

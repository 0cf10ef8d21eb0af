package vn.ydan.admin.consultations;

import java.util.List;

/**
 * Results per commune and rolled up.
 *
 * @param published whether they are published
 * @param communes per commune
 * @param districts per district
 * @param provinces per province
 * @param total the whole consultation
 */
public record ConsultationResults(boolean published, List<CommuneResult> communes, List<RollUp> districts,
		List<RollUp> provinces, RollUp total) {
}

package vn.ydan.admin.consultations;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * Results summed over the communes below a district or province, or the whole
 * consultation.
 *
 * @param unit the district or province; null for the total
 * @param communes communes asked
 * @param passed communes that pass
 * @param failed communes that fail
 * @param pending communes pending
 * @param households households
 * @param tookPart households that took part
 * @param agree households that agree
 * @param disagree households that disagree
 * @param certified whether certified
 * @param certifiedBy who certified it (login name), null until certified
 * @param certifiedAt when (ISO-8601 instant), null until certified
 */
public record RollUp(@Nullable UnitRef unit, int communes, int passed, int failed, int pending, int households,
		int tookPart, int agree, int disagree, boolean certified, @Nullable String certifiedBy,
		@Nullable String certifiedAt) {

	/** Took part, in percent of all households (0 when there are none). */
	public double turnout() {
		return (this.households > 0) ? 100.0 * this.tookPart / this.households : 0;
	}

	/** Agree, in percent of all households. */
	public double agreeShare() {
		return (this.households > 0) ? 100.0 * this.agree / this.households : 0;
	}

}

package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * One commune's result, against all its households.
 *
 * @param unit the commune
 * @param households households in the frozen register
 * @param tookPart online answers plus paper forms returned (verified)
 * @param online online answers
 * @param paperReturned paper forms returned, in verified tallies
 * @param agree households that agree
 * @param disagree households that disagree
 * @param invalid invalid paper forms
 * @param agreeShare agree in percent of all households
 * @param turnout took part in percent of all households
 * @param outcome pass, fail or pending
 * @param groups residential groups
 * @param groupsReported groups whose tally is verified
 * @param certified whether the result is certified
 * @param names names chosen, with counts
 * @param questions every question asked, with its counts
 * @param certifiedBy who certified it (login name), null until certified
 * @param certifiedAt when (ISO-8601 instant), null until certified
 */
public record CommuneResult(UnitRef unit, int households, int tookPart, int online, int paperReturned, int agree,
		int disagree, int invalid, double agreeShare, double turnout, Outcome outcome, int groups, int groupsReported,
		boolean certified, @Nullable List<NameCount> names, @Nullable List<QuestionResult> questions,
		@Nullable String certifiedBy, @Nullable String certifiedAt) {

	public List<QuestionResult> questionResults() {
		return (this.questions != null) ? this.questions : List.of();
	}

	public List<NameCount> nameCounts() {
		return (this.names != null) ? this.names : List.of();
	}

}

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
 * @param questions its form, question by question (absent from older answers)
 */
public record ConsultedUnit(UnitRef unit, List<String> successors, List<String> nameChoices, int households,
		@Nullable Within within, @Nullable List<ConsultationQuestion> questions) {

	public ConsultedUnit(UnitRef unit, List<String> successors, List<String> nameChoices, int households,
			@Nullable Within within) {
		this(unit, successors, nameChoices, households, within, null);
	}

	/**
	 * The questions beyond the arrangement (agree / disagree) and the name (its own
	 * fields): the seat, the province merger, the province's name.
	 */
	public List<ConsultationQuestion> furtherQuestions() {
		return (this.questions != null) ? this.questions.stream()
			.filter((question) -> !question.question().equals("ARRANGEMENT") && !question.question().equals("NAME"))
			.toList() : List.of();
	}

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

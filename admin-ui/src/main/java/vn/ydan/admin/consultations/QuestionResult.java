package vn.ydan.admin.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One question's counts in a commune: agree and disagree, or every choice.
 *
 * @param question which ({@code ARRANGEMENT}, {@code NAME}, {@code SEAT},
 * {@code PROVINCE_MERGER}, {@code PROVINCE_NAME})
 * @param text the question in Vietnamese
 * @param agree households that agree (agree / disagree questions)
 * @param disagree households that disagree
 * @param choices every choice offered with its count (choices)
 * @param leading the choice most chosen, null when nobody chose or for agree / disagree
 */
public record QuestionResult(String question, String text, int agree, int disagree, @Nullable List<NameCount> choices,
		@Nullable String leading) {

	public List<NameCount> choiceCounts() {
		return (this.choices != null) ? this.choices : List.of();
	}

	/** Whether the question offers choices (else it is agree / disagree). */
	public boolean isChoice() {
		return !choiceCounts().isEmpty();
	}

}

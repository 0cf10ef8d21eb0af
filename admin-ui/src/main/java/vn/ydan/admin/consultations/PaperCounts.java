package vn.ydan.admin.consultations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The paper forms of a residential group.
 *
 * @param issued forms given out
 * @param returned forms returned
 * @param valid valid forms
 * @param invalid invalid forms
 * @param agree valid forms that agree
 * @param disagree valid forms that disagree
 * @param names names chosen, with counts
 * @param questions the further questions' counts (seat, province merger and name)
 */
public record PaperCounts(int issued, int returned, int valid, int invalid, int agree, int disagree,
		@Nullable List<NameCount> names, @Nullable List<QuestionCounts> questions) {

	public PaperCounts(int issued, int returned, int valid, int invalid, int agree, int disagree,
			@Nullable List<NameCount> names) {
		this(issued, returned, valid, invalid, agree, disagree, names, null);
	}

	public List<NameCount> nameCounts() {
		return (this.names != null) ? this.names : List.of();
	}

	/** As the api's {@code PaperCountsInput}. */
	public Map<String, Object> toInput() {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("issued", this.issued);
		input.put("returned", this.returned);
		input.put("valid", this.valid);
		input.put("invalid", this.invalid);
		input.put("agree", this.agree);
		input.put("disagree", this.disagree);
		List<Map<String, Object>> chosen = new ArrayList<>();
		for (NameCount name : nameCounts()) {
			chosen.add(Map.of("name", name.name(), "count", name.count()));
		}
		input.put("names", chosen);
		if (this.questions != null && !this.questions.isEmpty()) {
			List<Map<String, Object>> questions = new ArrayList<>();
			for (QuestionCounts question : this.questions) {
				Map<String, Object> counts = new LinkedHashMap<>();
				counts.put("question", question.question());
				if (question.choices() != null) {
					List<Map<String, Object>> choices = new ArrayList<>();
					question.choices()
						.forEach((choice) -> choices.add(Map.of("name", choice.name(), "count", choice.count())));
					counts.put("choices", choices);
				}
				else {
					counts.put("agree", question.agree());
					counts.put("disagree", question.disagree());
				}
				questions.add(counts);
			}
			input.put("questions", questions);
		}
		return input;
	}

}

package vn.ydan.api.consultations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.plans.PlanOutline;

/**
 * Which name residents chose for each unit the plan forms, where they were asked: the
 * name questions of the communes it takes (a commune's {@code NAME}; for a new province,
 * the {@code PROVINCE_NAME} of the communes whose province merges into it), summed. The
 * most chosen wins; a tie goes to the plan's order (the proposed name first), so that a
 * tie never replaces the name the plan proposed by one it ranked lower.
 */
final class WinningNames {

	private WinningNames() {
	}

	/**
	 * @param newUnits the plan's new units
	 * @param asked the communes asked, by id
	 * @param figures their counts, by id (communes missing here are not counted)
	 */
	static List<Winner> of(List<PlanOutline.NewUnit> newUnits, Map<String, Consultation.ConsultedUnit> asked,
			Map<String, ResultBoard.Figures> figures) {
		List<Winner> winners = new ArrayList<>();
		for (PlanOutline.NewUnit unit : newUnits) {
			if (unit.nameChoices().size() < 2) {
				continue;
			}
			Map<String, Long> counts = new LinkedHashMap<>();
			unit.nameChoices().forEach((name) -> counts.put(name, 0L));
			boolean consulted = false;
			for (Map.Entry<String, Consultation.ConsultedUnit> commune : asked.entrySet()) {
				ResultBoard.Figures counted = figures.get(commune.getKey());
				if (counted == null) {
					continue;
				}
				Map<String, Long> chosen;
				if (unit.province()) {
					Consultation.ProvinceMerger merger = commune.getValue().province();
					if (merger == null || !merger.newProvince().equals(unit.fullName())) {
						continue;
					}
					chosen = counted.further().getOrDefault(Question.Key.PROVINCE_NAME, Map.of());
				}
				else {
					if (!unit.oldUnitIds().contains(commune.getKey())) {
						continue;
					}
					chosen = counted.names();
				}
				consulted = true;
				chosen.forEach((name, count) -> counts.computeIfPresent(name, (key, sum) -> sum + count));
			}
			if (consulted) {
				winners.add(winner(unit, counts));
			}
		}
		return winners;
	}

	private static Winner winner(PlanOutline.NewUnit unit, Map<String, Long> counts) {
		String best = null;
		long top = 0;
		boolean tied = false;
		for (Map.Entry<String, Long> count : counts.entrySet()) {
			if (count.getValue() > top) {
				best = count.getKey();
				top = count.getValue();
				tied = false;
			}
			else if (count.getValue() == top && top > 0) {
				tied = true;
			}
		}
		return new Winner(unit.key(), unit.fullName(), best, tied,
				counts.entrySet()
					.stream()
					.map((entry) -> new ResultViews.NameCount(entry.getKey(), entry.getValue()))
					.toList());
	}

	/**
	 * The GraphQL {@code WinningName}.
	 *
	 * @param unitKey the new unit's key in the plan
	 * @param proposedFullName its proposed full name
	 * @param name the name most chosen, null when nobody chose
	 * @param tied whether another name had as many
	 * @param counts every name offered with its count, in the plan's order
	 */
	record Winner(String unitKey, String proposedFullName, @Nullable String name, boolean tied,
			List<ResultViews.NameCount> counts) {
	}

}

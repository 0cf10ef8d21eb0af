package vn.ydan.api.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A proposed name with its alternatives written in, as the 2025 tables and forms wrote
 * them: "Đoài Phương (hoặc Đông Sơn)" is the name "Đoài Phương", and "Đông Sơn" another
 * that residents may choose. Several: "A (hoặc B, C)", "A (hoặc B hoặc C)".
 */
final class AlternativeNames {

	private static final Pattern WRITTEN_IN = Pattern.compile("^(.*?)\\s*\\(\\s*hoặc\\s+(.+?)\\s*\\)\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private AlternativeNames() {
	}

	/**
	 * @param name the name without the alternatives
	 * @param alternatives the alternatives written in, in order (empty when none)
	 */
	record Split(String name, List<String> alternatives) {
	}

	static Split split(String text) {
		String clean = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
		Matcher matcher = WRITTEN_IN.matcher(clean);
		if (!matcher.matches() || matcher.group(1).isBlank()) {
			return new Split(clean, List.of());
		}
		List<String> alternatives = new ArrayList<>();
		for (String alternative : matcher.group(2).split("\\s*(?:,|;|\\bhoặc\\b)\\s*")) {
			if (!alternative.isBlank() && !alternatives.contains(alternative.strip())) {
				alternatives.add(alternative.strip());
			}
		}
		return new Split(matcher.group(1).strip(), alternatives);
	}

	/**
	 * The names residents choose from for a unit: its name first, then its alternatives;
	 * empty when the plan offers no alternative (no choice to make).
	 */
	static List<String> choices(ProposedUnit unit) {
		if (unit.alternativeNames().isEmpty()) {
			return List.of();
		}
		List<String> choices = new ArrayList<>();
		choices.add(unit.name());
		unit.alternativeNames().stream().filter((name) -> !choices.contains(name)).forEach(choices::add);
		return choices;
	}

	/**
	 * The seats residents choose from: the seat as the plan writes it, split like a name
	 * ("Trụ sở UBND xã A (hoặc trụ sở UBND xã B)"); empty when the seat has no
	 * alternative.
	 */
	static List<String> seatChoices(ProposedUnit unit) {
		if (unit.seat() == null) {
			return List.of();
		}
		Split seat = split(unit.seat());
		if (seat.alternatives().isEmpty()) {
			return List.of();
		}
		List<String> choices = new ArrayList<>();
		choices.add(seat.name());
		seat.alternatives().stream().filter((name) -> !choices.contains(name)).forEach(choices::add);
		return choices;
	}

}

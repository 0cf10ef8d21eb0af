package vn.ydan.api.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * For a mutation field whose arguments carry what must not be recorded next to who sent
 * it (how a household answered a consultation: the log names the resident), the only
 * arguments its audit entry keeps. A feature declares one as a bean;
 * {@link MutationAudit} then records of that field's arguments only the paths named, and
 * drops every other one whole, key and value (a field added to the input later is dropped
 * too). The units named among the kept arguments are still the entry's units.
 *
 * @param field the mutation field, e.g. {@code answerConsultation}
 * @param paths the arguments kept, dotted through input objects, e.g.
 * {@code input.consultationId}; a path naming an object keeps it whole
 */
public record KeptArguments(String field, Set<String> paths) {

	public KeptArguments {
		paths = Set.copyOf(paths);
	}

	/** The arguments with only the kept paths left. */
	Map<String, Object> keep(Map<String, ?> arguments) {
		return keep(arguments, "");
	}

	private Map<String, Object> keep(Map<?, ?> arguments, String prefix) {
		Map<String, Object> kept = new LinkedHashMap<>();
		arguments.forEach((key, value) -> {
			String path = prefix + key;
			if (this.paths.contains(path)) {
				kept.put(String.valueOf(key), value);
			}
			else if (value instanceof Map<?, ?> nested
					&& this.paths.stream().anyMatch((keptPath) -> keptPath.startsWith(path + "."))) {
				kept.put(String.valueOf(key), keep(nested, path + "."));
			}
		});
		return kept;
	}

}

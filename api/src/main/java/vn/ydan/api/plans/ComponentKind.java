package vn.ydan.api.plans;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.units.LineageRelation;

/**
 * What a new unit takes of an old one, in the words of the resolutions (the
 * {@code detail} column of the Hanoi plan).
 */
enum ComponentKind {

	/** The whole unit: area and population. */
	WHOLE(LineageRelation.WHOLE, "whole"),

	/**
	 * The unit as it is, under a new parent if the level above changed: it keeps its
	 * identity (a new version, not a new unit).
	 */
	UNCHANGED(LineageRelation.WHOLE, "unchanged"),

	/** The unit as it is with a new name (or type): it keeps its identity. */
	RENAME(LineageRelation.WHOLE, "rename"),

	/** A part, the table not saying of what. */
	PART(LineageRelation.PART, "part"),

	/** Part of the area and of the population. */
	PART_AREA_POP(LineageRelation.PART, "part_area_pop"),

	/** Part of the area, none of the population. */
	PART_AREA_ONLY(LineageRelation.PART, "part_area_only"),

	/** Part of the area with all of the population. */
	PART_AREA_WHOLE_POP(LineageRelation.PART, "part_area_whole_pop"),

	/** Part of the population, none of the area. */
	PART_POP_ONLY(LineageRelation.PART, "part_pop_only"),

	/** What is left after the other parts went elsewhere. */
	REMAINDER(LineageRelation.REMAINDER, "remainder");

	private final LineageRelation relation;

	private final String detail;

	ComponentKind(LineageRelation relation, String detail) {
		this.relation = relation;
		this.detail = detail;
	}

	LineageRelation relation() {
		return this.relation;
	}

	/** The word the resolution's table and lineage links use. */
	String detail() {
		return this.detail;
	}

	/**
	 * Whether the new unit takes all of the old one (the old one cannot go elsewhere).
	 */
	boolean isWhole() {
		return this == WHOLE || this == UNCHANGED || this == RENAME;
	}

	/** Whether the new unit is the old one continued: same identity, new version. */
	boolean keepsIdentity() {
		return this == UNCHANGED || this == RENAME;
	}

	/** The words the table's {@code detail} column may hold, for messages. */
	static String vocabulary() {
		return String.join(", ", java.util.Arrays.stream(values()).map(ComponentKind::detail).toList());
	}

	/**
	 * A kind from a table row: {@code detail} decides ({@code part_area_pop}…), and when
	 * it is empty {@code relation} does ({@code whole}, {@code part}, {@code unchanged},
	 * {@code rename}); null when neither names a kind.
	 */
	static @Nullable ComponentKind fromRow(String relation, String detail) {
		return detail.isBlank() ? fromDetail(relation) : fromDetail(detail);
	}

	/**
	 * Whether a row's {@code relation} agrees with the kind: empty, the kind's own word,
	 * or the lineage relation it makes ({@code whole} for unchanged and rename,
	 * {@code part} for every part and the remainder).
	 */
	boolean agreesWith(String relation) {
		String wanted = relation.strip().toLowerCase(Locale.ROOT);
		return wanted.isEmpty() || wanted.equals(this.detail)
				|| wanted.equals(this.relation == LineageRelation.WHOLE ? "whole" : "part")
				|| (this == REMAINDER && wanted.equals("remainder"));
	}

	/** A kind from the file's {@code detail} column ({@code part_area_pop}…), or null. */
	static @Nullable ComponentKind fromDetail(String text) {
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		for (ComponentKind kind : values()) {
			if (kind.detail.equals(wanted) || kind.name().toLowerCase(Locale.ROOT).equals(wanted)) {
				return kind;
			}
		}
		return null;
	}

}

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

	/** Part of the area and of the population. */
	PART_AREA_POP(LineageRelation.PART, "part_area_pop"),

	/** Part of the area, none of the population. */
	PART_AREA_ONLY(LineageRelation.PART, "part_area_only"),

	/** Part of the area with all of the population. */
	PART_AREA_WHOLE_POP(LineageRelation.PART, "part_area_whole_pop"),

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

	boolean isWhole() {
		return this == WHOLE;
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

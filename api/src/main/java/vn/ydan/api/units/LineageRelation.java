package vn.ydan.api.units;

/**
 * How a successor took over (part of) a predecessor.
 */
public enum LineageRelation {

	WHOLE,

	PART,

	REMAINDER

}

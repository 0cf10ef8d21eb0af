package vn.ydan.admin.units;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;

/**
 * A unit as a row of the tree, of a search result or of a children list.
 *
 * @param id the api's global id (stable; the code is not: codes are reused)
 * @param code the GSO code, when it has one
 * @param name the name without its type ("Hoàn Kiếm")
 * @param fullName the full name ("Quận Hoàn Kiếm")
 * @param level the level
 * @param type the api's type constant ({@code QUAN})
 * @param typeName the type in Vietnamese ("Quận")
 * @param households the number of households, when known
 * @param ancestors the parent chain, nearest first; only search results ask for it
 */
public record UnitSummary(String id, @Nullable String code, String name, String fullName, UnitLevel level, String type,
		String typeName, @Nullable Integer households, @Nullable List<UnitRef> ancestors) {

	/** The parent chain, nearest first; empty when it was not asked for. */
	public List<UnitRef> parentChain() {
		return (this.ancestors != null) ? this.ancestors : List.of();
	}

}

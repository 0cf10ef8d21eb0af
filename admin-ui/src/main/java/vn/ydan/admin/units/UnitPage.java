package vn.ydan.admin.units;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a Relay connection of units, unwrapped.
 *
 * @param units the units of the page, in the api's order
 * @param endCursor where the next page starts
 * @param hasNextPage whether there is one
 * @param totalCount how many units the whole list has
 */
public record UnitPage(List<UnitSummary> units, @Nullable String endCursor, boolean hasNextPage, int totalCount) {

	public static final UnitPage EMPTY = new UnitPage(List.of(), null, false, 0);

	/** The connection as the api sends it ({@code edges { node }}, {@code pageInfo}). */
	record Connection(@Nullable List<Edge> edges, @Nullable PageInfo pageInfo, int totalCount) {

		UnitPage toPage() {
			List<UnitSummary> units = (this.edges != null) ? this.edges.stream().map(Edge::node).toList() : List.of();
			PageInfo info = this.pageInfo;
			return new UnitPage(units, (info != null) ? info.endCursor() : null, info != null && info.hasNextPage(),
					this.totalCount);
		}

	}

	record Edge(UnitSummary node) {
	}

	record PageInfo(boolean hasNextPage, @Nullable String endCursor) {
	}

	/** A unit with only its children connection, as {@code unitChildren} asks. */
	record WithChildren(String id, @Nullable Connection children) {
	}

}

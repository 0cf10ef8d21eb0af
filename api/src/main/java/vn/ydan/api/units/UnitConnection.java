package vn.ydan.api.units;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of units, as a Relay connection. (Spring for GraphQL passes types whose name
 * ends in "Connection" through unchanged.)
 *
 * @param edges the units with their cursors
 * @param pageInfo where the page stands
 * @param totalCount how many units the whole list has
 */
record UnitConnection(List<UnitEdge> edges, PageInfo pageInfo, int totalCount) {

	static UnitConnection of(Snapshot.Page page, java.time.LocalDate asOf) {
		List<UnitEdge> edges = new ArrayList<>(page.units().size());
		for (AdministrativeUnit unit : page.units()) {
			edges.add(new UnitEdge(Cursor.of(unit), Unit.at(unit, asOf)));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new UnitConnection(edges, new PageInfo(page.hasNext(), page.hasPrevious(), start, end),
				page.totalCount());
	}

	/**
	 * @param cursor opaque position of the unit in the list
	 * @param node the unit
	 */
	record UnitEdge(String cursor, Unit node) {
	}

	/**
	 * @param hasNextPage whether units follow
	 * @param hasPreviousPage whether units precede
	 * @param startCursor cursor of the first edge
	 * @param endCursor cursor of the last edge
	 */
	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {
	}

}

package vn.ydan.admin.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of entries, newest first.
 *
 * @param entries the entries
 * @param endCursor where the next (older) page starts
 * @param hasNextPage whether older entries follow
 */
public record AuditPage(List<AuditEntry> entries, @Nullable String endCursor, boolean hasNextPage) {

	/** The connection as the api sends it. */
	record Connection(@Nullable List<Edge> edges, @Nullable PageInfo pageInfo) {

		AuditPage toPage() {
			List<AuditEntry> entries = (this.edges != null) ? this.edges.stream().map(Edge::node).toList() : List.of();
			PageInfo info = this.pageInfo;
			return new AuditPage(entries, (info != null) ? info.endCursor() : null, info != null && info.hasNextPage());
		}

	}

	record Edge(AuditEntry node) {
	}

	record PageInfo(boolean hasNextPage, @Nullable String endCursor) {
	}

}

package vn.ydan.api.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.BadRequestException;

/**
 * A page of entries, newest first, as a Relay connection. (Spring for GraphQL passes
 * types whose name ends in "Connection" through unchanged.)
 *
 * @param edges the entries with their cursors
 * @param pageInfo where the page stands
 */
record AuditEntryConnection(List<Edge> edges, PageInfo pageInfo) {

	private static final String PREFIX = "audit|";

	static AuditEntryConnection of(List<AuditEntry> entries, boolean hasNext, boolean hasPrevious) {
		List<Edge> edges = new ArrayList<>(entries.size());
		entries.forEach((entry) -> edges.add(new Edge(cursor(entry.seq()), entry)));
		return new AuditEntryConnection(edges,
				new PageInfo(hasNext, hasPrevious, edges.isEmpty() ? null : edges.get(0).cursor(),
						edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
	}

	static String cursor(long seq) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
	}

	/** The entry number a cursor stands for; null for no cursor. */
	static @Nullable Long seq(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX)) {
				return Long.parseLong(decoded.substring(PREFIX.length()));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new BadRequestException("Con trỏ trang không hợp lệ: " + cursor);
	}

	/**
	 * @param cursor opaque position of the entry
	 * @param node the entry
	 */
	record Edge(String cursor, AuditEntry node) {
	}

	/**
	 * @param hasNextPage whether older entries follow
	 * @param hasPreviousPage whether newer entries precede
	 * @param startCursor cursor of the first edge
	 * @param endCursor cursor of the last edge
	 */
	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {
	}

}

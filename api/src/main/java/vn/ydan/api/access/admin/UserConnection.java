package vn.ydan.api.access.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.BadRequestException;

/**
 * A page of users (Relay connection); cursors are offsets in Keycloak's ordering.
 *
 * @param edges the users with their cursors
 * @param pageInfo where the page stands
 * @param totalCount users matching the search
 */
record UserConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

	static UserConnection of(List<UserAccount> users, int offset, int total) {
		List<Edge> edges = new ArrayList<>(users.size());
		for (int i = 0; i < users.size(); i++) {
			edges.add(new Edge(cursor(offset + i), users.get(i)));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new UserConnection(edges, new PageInfo(offset + users.size() < total, offset > 0, start, end), total);
	}

	static String cursor(int position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("user:" + position).getBytes(StandardCharsets.UTF_8));
	}

	/** The offset of the user after {@code after}; 0 without a cursor. */
	static int offsetAfter(@Nullable String after) {
		if (after == null || after.isBlank()) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8);
			if (text.startsWith("user:")) {
				return Math.addExact(Integer.parseInt(text.substring(5)), 1);
			}
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			// falls through
		}
		throw new BadRequestException("Not a cursor of the user list: " + after);
	}

	/**
	 * A user in a page.
	 *
	 * @param cursor pass as {@code after} for the users after this one
	 * @param node the user
	 */
	record Edge(String cursor, UserAccount node) {
	}

	/**
	 * GraphQL {@code PageInfo}.
	 *
	 * @param hasNextPage whether users follow
	 * @param hasPreviousPage whether users come before
	 * @param startCursor first edge's cursor
	 * @param endCursor last edge's cursor
	 */
	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {
	}

}

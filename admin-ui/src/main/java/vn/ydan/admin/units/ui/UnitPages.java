package vn.ydan.admin.units.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.units.UnitPage;
import vn.ydan.admin.units.UnitSummary;

/**
 * A list of units that the api hands out in cursor pages ({@code first}/{@code after}),
 * served to a grid that asks by offset. Pages are loaded in order as the grid scrolls and
 * kept, so scrolling back costs nothing and nothing is fetched before it is shown.
 * <p>
 * A failure of the api is passed to {@code onFailure} once, and the list then ends where
 * it got to: a data provider that throws would break the whole page.
 */
final class UnitPages {

	private final Function<@Nullable String, UnitPage> loader;

	private final Consumer<ApiException> onFailure;

	private final List<UnitSummary> loaded = new ArrayList<>();

	private @Nullable String endCursor;

	private boolean more = true;

	private int total = -1;

	UnitPages(Function<@Nullable String, UnitPage> loader, Consumer<ApiException> onFailure) {
		this.loader = loader;
		this.onFailure = onFailure;
	}

	/** How many units the list has (the api's {@code totalCount}). */
	int size() {
		if (this.total < 0) {
			loadNext();
		}
		return Math.max(this.total, 0);
	}

	Stream<UnitSummary> fetch(int offset, int limit) {
		long end = (long) offset + limit;
		while (this.loaded.size() < end && this.more) {
			loadNext();
		}
		int from = Math.min(offset, this.loaded.size());
		int to = (int) Math.min(end, this.loaded.size());
		return List.copyOf(this.loaded.subList(from, to)).stream();
	}

	/** The units loaded so far. */
	List<UnitSummary> loaded() {
		return List.copyOf(this.loaded);
	}

	private void loadNext() {
		if (!this.more) {
			return;
		}
		UnitPage page;
		try {
			page = this.loader.apply(this.loaded.isEmpty() ? null : this.endCursor);
		}
		catch (ApiException ex) {
			this.more = false;
			this.total = this.loaded.size();
			this.onFailure.accept(ex);
			return;
		}
		this.loaded.addAll(page.units());
		this.endCursor = page.endCursor();
		this.more = page.hasNextPage() && !page.units().isEmpty() && page.endCursor() != null;
		// Where the api's count and its pages disagree (a unit added between two pages),
		// the pages win: a grid asked for rows that never come shows empty rows forever.
		this.total = this.more ? Math.max(page.totalCount(), this.loaded.size()) : this.loaded.size();
	}

}

package vn.ydan.admin.units.ui;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.units.UnitSummary;
import vn.ydan.admin.units.UnitsApi;

/**
 * The registry as a lazy tree, as of one date: provinces at the root; a row's children
 * are asked of the api only when it is expanded, a page at a time.
 */
final class UnitTree extends AbstractBackEndHierarchicalDataProvider<UnitSummary, Void> {

	private final UnitsApi api;

	private final @Nullable LocalDate asOf;

	private final Consumer<ApiException> onFailure;

	private final UnitPages provinces;

	private final Map<String, UnitPages> children = new HashMap<>();

	UnitTree(UnitsApi api, @Nullable LocalDate asOf, Consumer<ApiException> onFailure) {
		this.api = api;
		this.asOf = asOf;
		this.onFailure = onFailure;
		this.provinces = new UnitPages((after) -> api.provinces(asOf, after), onFailure);
	}

	@Override
	public int getChildCount(HierarchicalQuery<UnitSummary, Void> query) {
		return pagesOf(query.getParent()).size();
	}

	@Override
	protected Stream<UnitSummary> fetchChildrenFromBackEnd(HierarchicalQuery<UnitSummary, Void> query) {
		return pagesOf(query.getParent()).fetch(query.getOffset(), query.getLimit());
	}

	/**
	 * Whether to offer expanding a row. Asking each row's child count would cost a query
	 * per row; only residential groups are known to be leaves, so a commune without
	 * groups opens to nothing.
	 */
	@Override
	public boolean hasChildren(UnitSummary unit) {
		return unit.level().mayHaveChildren();
	}

	@Override
	public Object getId(UnitSummary unit) {
		return unit.id();
	}

	private UnitPages pagesOf(@Nullable UnitSummary parent) {
		if (parent == null) {
			return this.provinces;
		}
		return this.children.computeIfAbsent(parent.id(),
				(id) -> new UnitPages((after) -> this.api.children(id, this.asOf, after), this.onFailure));
	}

}

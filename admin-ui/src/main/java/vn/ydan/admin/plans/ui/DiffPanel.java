package vn.ydan.admin.plans.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.plans.PlanDiff;
import vn.ydan.admin.plans.PlansApi;

/**
 * Before and after the plan, by province: on each side a row per province with its counts
 * by type (a new province of the plan by its name, marked new; the units formed at the
 * province level first), followed by the parents below it (districts) with theirs; a line
 * per side that names each province and its count; and the old → new table. Loaded when
 * shown, and again after an edit.
 * <p>
 * Ids: {@code plan-diff-summary}, {@code plan-diff-before}, {@code plan-diff-after},
 * {@code plan-diff-before-provinces}, {@code plan-diff-after-provinces},
 * {@code plan-diff-rows}, {@code plan-diff-error}.
 */
final class DiffPanel extends VerticalLayout {

	private final PlansApi api;

	private final Span summary = new Span();

	private final H3 beforeTitle = new H3();

	private final H3 afterTitle = new H3();

	private final H3 rowsTitle = new H3();

	private final Span beforeProvinces = new Span();

	private final Span afterProvinces = new Span();

	private final Grid<Line> before = counts("plan-diff-before");

	private final Grid<Line> after = counts("plan-diff-after");

	private final Grid<PlanDiff.Row> rows = new Grid<>();

	private final Div problem = new Div();

	private @Nullable String loadedFor;

	DiffPanel(PlansApi api) {
		this.api = api;
		setPadding(false);
		this.summary.setId("plan-diff-summary");
		this.beforeProvinces.setId("plan-diff-before-provinces");
		this.afterProvinces.setId("plan-diff-after-provinces");
		this.rows.setId("plan-diff-rows");
		this.rows.addThemeVariants(GridVariant.ROW_STRIPES);
		this.rows.setHeight("24rem");
		VerticalLayout left = new VerticalLayout(this.beforeTitle, this.beforeProvinces, this.before);
		left.setPadding(false);
		VerticalLayout right = new VerticalLayout(this.afterTitle, this.afterProvinces, this.after);
		right.setPadding(false);
		HorizontalLayout sides = new HorizontalLayout(left, right);
		sides.setWidthFull();
		add(this.problem, this.summary, sides, this.rowsTitle, this.rows);
	}

	private static Grid<Line> counts(String id) {
		Grid<Line> grid = new Grid<>();
		grid.setId(id);
		grid.addThemeVariants(GridVariant.ROW_STRIPES);
		grid.setHeight("16rem");
		// A province's row stands out from the parents below it.
		grid.setPartNameGenerator((line) -> line.province() ? "province" : null);
		return grid;
	}

	void localize() {
		this.beforeTitle.setText(getTranslation("plans.diff.before"));
		this.afterTitle.setText(getTranslation("plans.diff.after"));
		this.rowsTitle.setText(getTranslation("plans.diff.rows"));
		for (Grid<Line> grid : List.of(this.before, this.after)) {
			grid.removeAllColumns();
			grid.addColumn(Line::name).setHeader(getTranslation("plans.diff.column.parent")).setFlexGrow(2);
			grid.addColumn(Line::types).setHeader(getTranslation("plans.diff.column.types")).setFlexGrow(2);
			grid.addColumn(Line::total)
				.setHeader(getTranslation("plans.diff.column.total"))
				.setTextAlign(ColumnTextAlign.END)
				.setAutoWidth(true)
				.setFlexGrow(0);
		}
		this.rows.removeAllColumns();
		this.rows.addColumn((row) -> (row.old().code() != null) ? row.old().code() : "")
			.setHeader(getTranslation("plans.diff.column.code"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.rows.addColumn((row) -> row.old().fullName()).setHeader(getTranslation("plans.diff.column.old"));
		this.rows
			.addColumn((row) -> row.to()
				.stream()
				.map((to) -> to.fullName() + " (" + getTranslation(to.kind().translationKey()) + ")")
				.collect(Collectors.joining("; ")))
			.setHeader(getTranslation("plans.diff.column.new"))
			.setFlexGrow(2);
		this.loadedFor = null;
	}

	private String byType(List<PlanDiff.TypeCount> counts) {
		return counts.stream().map((count) -> count.count() + " " + count.typeName()).collect(Collectors.joining(", "));
	}

	/** The shown diff no longer matches the plan. */
	void stale() {
		this.loadedFor = null;
	}

	void load(String planId) {
		if (planId.equals(this.loadedFor)) {
			return;
		}
		this.problem.removeAll();
		PlanDiff diff;
		try {
			diff = this.api.diff(planId);
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "plan-diff-error", ex, () -> load(planId)));
			return;
		}
		this.loadedFor = planId;
		List<PlanDiff.ProvinceGroup> beforeGroups = PlanDiff.byProvince(diff.beforeCounts());
		List<PlanDiff.ProvinceGroup> afterGroups = PlanDiff.byProvince(diff.afterCounts());
		this.before.setItems(lines(beforeGroups));
		this.after.setItems(lines(afterGroups));
		this.beforeProvinces.setText(provinces(beforeGroups));
		this.afterProvinces.setText(provinces(afterGroups));
		this.rows.setItems(diff.oldToNew());
		this.summary
			.setText(getTranslation("plans.diff.summary", total(diff.beforeCounts()), diff.beforeCounts().size(),
					total(diff.afterCounts()), diff.afterCounts().size(), diff.oldToNew().size()));
	}

	/** Each province, then the parents below it. */
	private List<Line> lines(List<PlanDiff.ProvinceGroup> groups) {
		List<Line> lines = new ArrayList<>();
		for (PlanDiff.ProvinceGroup group : groups) {
			lines.add(new Line(groupName(group), byType(group.counts()), group.total(), true));
			for (PlanDiff.ParentCounts parent : group.parents()) {
				lines.add(new Line("\u2003" + parent.parentName(), byType(parent.byType()), parent.total(), false));
			}
		}
		return lines;
	}

	/** "Theo tỉnh: Tỉnh Đồng Tháp (mới): 102 (…)". */
	private String provinces(List<PlanDiff.ProvinceGroup> groups) {
		List<String> named = groups.stream()
			.filter((group) -> !group.national())
			.map((group) -> getTranslation("plans.diff.province", groupName(group), group.total(),
					byType(group.counts())))
			.toList();
		return named.isEmpty() ? "" : getTranslation("plans.diff.by-province", String.join("; ", named));
	}

	private String groupName(PlanDiff.ProvinceGroup group) {
		if (group.national()) {
			return getTranslation("plans.diff.national");
		}
		return group.newProvince() ? getTranslation("plans.diff.new-province", group.name()) : group.name();
	}

	private static int total(List<PlanDiff.ParentCounts> counts) {
		return counts.stream().mapToInt(PlanDiff.ParentCounts::total).sum();
	}

	/**
	 * A row of a side: a province (or the units formed at the province level), or a
	 * parent below it.
	 */
	record Line(String name, String types, int total, boolean province) {
	}

}

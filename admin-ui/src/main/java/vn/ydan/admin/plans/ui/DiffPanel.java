package vn.ydan.admin.plans.ui;

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
 * Before and after the plan: counts by type per parent on each side, and the old → new
 * table. Loaded when shown, and again after an edit.
 * <p>
 * Ids: {@code plan-diff-summary}, {@code plan-diff-before}, {@code plan-diff-after},
 * {@code plan-diff-rows}, {@code plan-diff-error}.
 */
final class DiffPanel extends VerticalLayout {

	private final PlansApi api;

	private final Span summary = new Span();

	private final H3 beforeTitle = new H3();

	private final H3 afterTitle = new H3();

	private final H3 rowsTitle = new H3();

	private final Grid<PlanDiff.ParentCounts> before = counts("plan-diff-before");

	private final Grid<PlanDiff.ParentCounts> after = counts("plan-diff-after");

	private final Grid<PlanDiff.Row> rows = new Grid<>();

	private final Div problem = new Div();

	private @Nullable String loadedFor;

	DiffPanel(PlansApi api) {
		this.api = api;
		setPadding(false);
		this.summary.setId("plan-diff-summary");
		this.rows.setId("plan-diff-rows");
		this.rows.addThemeVariants(GridVariant.ROW_STRIPES);
		this.rows.setHeight("24rem");
		VerticalLayout left = new VerticalLayout(this.beforeTitle, this.before);
		left.setPadding(false);
		VerticalLayout right = new VerticalLayout(this.afterTitle, this.after);
		right.setPadding(false);
		HorizontalLayout sides = new HorizontalLayout(left, right);
		sides.setWidthFull();
		add(this.problem, this.summary, sides, this.rowsTitle, this.rows);
	}

	private static Grid<PlanDiff.ParentCounts> counts(String id) {
		Grid<PlanDiff.ParentCounts> grid = new Grid<>();
		grid.setId(id);
		grid.addThemeVariants(GridVariant.ROW_STRIPES);
		grid.setHeight("16rem");
		return grid;
	}

	void localize() {
		this.beforeTitle.setText(getTranslation("plans.diff.before"));
		this.afterTitle.setText(getTranslation("plans.diff.after"));
		this.rowsTitle.setText(getTranslation("plans.diff.rows"));
		for (Grid<PlanDiff.ParentCounts> grid : List.of(this.before, this.after)) {
			grid.removeAllColumns();
			grid.addColumn(PlanDiff.ParentCounts::parentName)
				.setHeader(getTranslation("plans.diff.column.parent"))
				.setFlexGrow(2);
			grid.addColumn(this::byType).setHeader(getTranslation("plans.diff.column.types")).setFlexGrow(2);
			grid.addColumn(PlanDiff.ParentCounts::total)
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

	private String byType(PlanDiff.ParentCounts counts) {
		return counts.byType()
			.stream()
			.map((count) -> count.count() + " " + count.typeName())
			.collect(Collectors.joining(", "));
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
		this.before.setItems(diff.beforeCounts());
		this.after.setItems(diff.afterCounts());
		this.rows.setItems(diff.oldToNew());
		this.summary
			.setText(getTranslation("plans.diff.summary", total(diff.beforeCounts()), diff.beforeCounts().size(),
					total(diff.afterCounts()), diff.afterCounts().size(), diff.oldToNew().size()));
	}

	private static int total(List<PlanDiff.ParentCounts> counts) {
		return counts.stream().mapToInt(PlanDiff.ParentCounts::total).sum();
	}

}

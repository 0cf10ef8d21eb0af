package vn.ydan.admin.plans.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.ApiForbiddenException;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.plans.PlansApi;
import vn.ydan.admin.plans.ReformCoverage;

/**
 * The country ("Toàn quốc") as the plans of one effective date cover it (by default the
 * 2025 reform, 1 July 2025): how many provinces have no plan yet, how many communes the
 * plans place of all, and per province its plans and whether they pass validation. An
 * official loading the 34 provincial tables one by one sees what is still missing; a plan
 * opens in its editor. Administrators and officials (the api refuses others).
 * <p>
 * Ids: {@code plans-coverage-view}, {@code plans-coverage-date},
 * {@code plans-coverage-summary}, {@code plans-coverage-communes},
 * {@code plans-coverage-missing}, {@code plans-coverage-grid},
 * {@code plans-coverage-error}.
 */
@Route("plans/coverage")
@PermitAll
public class CoverageView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

	/** The 2025 reform's date. */
	static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

	private final PlansApi api;

	private final H2 title = new H2();

	private final RouterLink back = new RouterLink();

	private final DatePicker date = new DatePicker();

	private final Checkbox missingOnly = new Checkbox();

	private final Span summary = new Span();

	private final ProgressBar communesBar = new ProgressBar();

	private final Span communes = new Span();

	private final Div problem = new Div();

	private final Grid<ReformCoverage.Province> grid = new Grid<>();

	private @Nullable ReformCoverage coverage;

	public CoverageView(PlansApi api) {
		this.api = api;
		setId("plans-coverage-view");
		setSizeFull();
		this.back.setRoute(PlansView.class);
		this.date.setId("plans-coverage-date");
		this.date.setValue(REFORM_2025);
		this.date.addValueChangeListener((change) -> load());
		this.missingOnly.setId("plans-coverage-missing");
		this.missingOnly.addValueChangeListener((change) -> showProvinces());
		this.summary.setId("plans-coverage-summary");
		this.communes.setId("plans-coverage-communes");
		this.communesBar.setId("plans-coverage-bar");
		this.communesBar.setWidth("20rem");
		this.grid.setId("plans-coverage-grid");
		this.grid.addThemeVariants(GridVariant.ROW_STRIPES);
		this.grid.setSizeFull();

		HorizontalLayout top = new HorizontalLayout(this.back, this.title);
		top.setAlignItems(FlexComponent.Alignment.BASELINE);
		HorizontalLayout filters = new HorizontalLayout(this.date, this.missingOnly);
		filters.setAlignItems(FlexComponent.Alignment.BASELINE);
		HorizontalLayout placed = new HorizontalLayout(this.communesBar, this.communes);
		placed.setAlignItems(FlexComponent.Alignment.CENTER);
		this.problem.setWidthFull();
		add(top, filters, this.problem, this.summary, placed, this.grid);
		setFlexGrow(1, this.grid);
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("plans.coverage.title"));
		this.back.setText(getTranslation("plans.back"));
		this.date.setLabel(getTranslation("plans.coverage.date"));
		this.date.setI18n(PlanFormat.datePickerI18n(this));
		this.missingOnly.setLabel(getTranslation("plans.coverage.missing-only"));
		columns();
		load();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("plans.coverage.title") + " · " + getTranslation("app.title");
	}

	private void columns() {
		this.grid.removeAllColumns();
		this.grid
			.addColumn((row) -> (row.province() != null && row.province().code() != null) ? row.province().code() : "")
			.setHeader(getTranslation("plans.coverage.column.code"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.grid.addColumn((row) -> (row.province() != null) ? row.province().fullName() : "")
			.setHeader(getTranslation("plans.coverage.column.province"))
			.setFlexGrow(2);
		this.grid
			.addColumn((row) -> getTranslation("plans.coverage.placed", PlanFormat.number(this, row.communesInPlans()),
					PlanFormat.number(this, row.communeCount())))
			.setHeader(getTranslation("plans.coverage.column.communes"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.grid.addColumn(new ComponentRenderer<>(this::plansCell))
			.setHeader(getTranslation("plans.coverage.column.plans"))
			.setFlexGrow(3);
		this.grid.addColumn(this::state).setHeader(getTranslation("plans.coverage.column.state")).setAutoWidth(true);
		this.grid.getColumns().forEach((column) -> column.setSortable(false));
		this.grid.setEmptyStateText(getTranslation("plans.coverage.none"));
	}

	/** The plans covering a province, each a link to its editor, with its status. */
	private Component plansCell(ReformCoverage.Province row) {
		Div cell = new Div();
		for (ReformCoverage.CoveringPlan plan : row.planList()) {
			RouterLink link = new RouterLink(plan.title(), PlanEditorView.class,
					new RouteParameters(PlanEditorView.ID, plan.id()));
			Div line = new Div(link, new Span(" · " + PlanFormat.status(this, plan.status())));
			cell.add(line);
		}
		if (row.uncovered()) {
			cell.add(new Span("—"));
		}
		return cell;
	}

	/** "Chưa có phương án", "Hợp lệ", "Chưa hợp lệ", and whether communes are missing. */
	private String state(ReformCoverage.Province row) {
		if (row.uncovered()) {
			return getTranslation("plans.coverage.state.uncovered");
		}
		String validity = getTranslation(row.valid() ? "plans.coverage.state.valid" : "plans.coverage.state.invalid");
		if (!row.complete()) {
			validity += " · " + getTranslation("plans.coverage.state.missing",
					PlanFormat.number(this, row.communeCount() - row.communesInPlans()));
		}
		return validity;
	}

	private void load() {
		this.problem.removeAll();
		LocalDate effective = this.date.getValue();
		if (effective == null) {
			return;
		}
		try {
			this.coverage = this.api.coverage(effective);
		}
		catch (ApiForbiddenException ex) {
			this.coverage = null;
			this.problem.add(Problem.box(this, "plans-coverage-error", getTranslation("plans.coverage.forbidden"),
					false, this::load));
		}
		catch (ApiException ex) {
			this.coverage = null;
			this.problem.add(Problem.of(this, "plans-coverage-error", ex, this::load));
		}
		showSummary();
		showProvinces();
	}

	private void showSummary() {
		ReformCoverage shown = this.coverage;
		boolean any = shown != null;
		this.summary.setVisible(any);
		this.communesBar.setVisible(any);
		this.communes.setVisible(any);
		if (shown == null) {
			return;
		}
		this.summary.setText(getTranslation("plans.coverage.summary", PlanFormat.number(this, shown.provinceCount()),
				PlanFormat.number(this, shown.uncoveredProvinceCount()), PlanFormat.number(this, shown.planCount()),
				PlanFormat.number(this, shown.newProvinceCount()), PlanFormat.number(this, shown.newCommuneCount())));
		this.communes.setText(getTranslation("plans.coverage.communes",
				PlanFormat.number(this, shown.communesInPlans()), PlanFormat.number(this, shown.communeCount())));
		this.communesBar.setValue(
				(shown.communeCount() > 0) ? Math.min(1, (double) shown.communesInPlans() / shown.communeCount()) : 0);
	}

	private void showProvinces() {
		ReformCoverage shown = this.coverage;
		List<ReformCoverage.Province> rows = (shown != null) ? shown.provinceList() : List.of();
		if (this.missingOnly.getValue()) {
			rows = rows.stream().filter((row) -> row.uncovered() || !row.valid() || !row.complete()).toList();
		}
		this.grid.setItems(rows);
	}

}

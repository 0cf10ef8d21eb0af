package vn.ydan.admin.plans.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.plans.PlanSummary;
import vn.ydan.admin.plans.PlansApi;

/**
 * The plans the user may see (drafts in their scope, published plans for everyone),
 * newest first, with status, effective date, size and validation; officials and admins
 * start a new one here, and see the whole country ({@link CoverageView}). A row opens the
 * plan's editor.
 * <p>
 * Ids: {@code plans-view}, {@code plans-grid}, {@code plans-new}, {@code plans-coverage},
 * {@code plans-error}.
 */
@Route("plans")
@Menu(title = "nav.plans", order = 20, icon = "vaadin:file-tree")
@PermitAll
public class PlansView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

	private final PlansApi api;

	private final H2 title = new H2();

	private final Button create = new Button();

	private final Button national = new Button();

	private final Div problem = new Div();

	private final Grid<PlanSummary> grid = new Grid<>();

	private List<PlanSummary> plans = List.of();

	public PlansView(PlansApi api) {
		this.api = api;
		setId("plans-view");
		setSizeFull();

		this.create.setId("plans-new");
		this.create.setIcon(VaadinIcon.PLUS.create());
		this.create.addThemeVariants(ButtonVariant.PRIMARY);
		this.create.setVisible(PlanFormat.mayPlan());
		this.create.addClickListener((click) -> new NewPlanDialog(this.api, this::open).open());

		this.national.setId("plans-coverage");
		this.national.setIcon(VaadinIcon.GLOBE.create());
		this.national.setVisible(PlanFormat.mayPlan());
		this.national.addClickListener((click) -> UI.getCurrent().navigate(CoverageView.class));

		this.grid.setId("plans-grid");
		this.grid.addThemeVariants(GridVariant.ROW_STRIPES);
		this.grid.setSizeFull();
		this.grid.addItemClickListener((click) -> open(click.getItem().id()));

		HorizontalLayout buttons = new HorizontalLayout(this.national, this.create);
		HorizontalLayout top = new HorizontalLayout(this.title, buttons);
		top.setAlignItems(FlexComponent.Alignment.BASELINE);
		top.setWidthFull();
		top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
		this.problem.setWidthFull();
		add(top, this.problem, this.grid);
		setFlexGrow(1, this.grid);
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("plans.title"));
		this.create.setText(getTranslation("plans.new"));
		this.national.setText(getTranslation("plans.coverage.open"));
		columns();
		load();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("plans.title") + " · " + getTranslation("app.title");
	}

	private void columns() {
		this.grid.removeAllColumns();
		this.grid.addColumn(PlanSummary::title).setHeader(getTranslation("plans.column.title")).setFlexGrow(3);
		this.grid.addColumn(new ComponentRenderer<>((plan) -> PlanFormat.badge(this, plan.status())))
			.setHeader(getTranslation("plans.column.status"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.grid.addColumn((plan) -> PlanFormat.date(plan.effectiveDate()))
			.setHeader(getTranslation("plans.column.effective-date"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.grid
			.addColumn((plan) -> getTranslation("plans.counts", PlanFormat.number(this, plan.proposedUnitCount()),
					PlanFormat.number(this, plan.componentCount())))
			.setHeader(getTranslation("plans.column.counts"))
			.setAutoWidth(true);
		this.grid.addColumn(new ComponentRenderer<>(this::checks))
			.setHeader(getTranslation("plans.column.validation"))
			.setAutoWidth(true);
		this.grid.getColumns().forEach((column) -> column.setSortable(false));
		this.grid.getColumns().get(3).setTextAlign(ColumnTextAlign.START);
		this.grid.setEmptyStateText(getTranslation("plans.none"));
	}

	private Span checks(PlanSummary plan) {
		PlanSummary.Counts counts = plan.validation();
		if (counts == null) {
			return new Span("—");
		}
		String text = getTranslation("plans.validation.counts", counts.errorCount(), counts.warningCount());
		if (counts.unassignedCount() > 0) {
			text += " · " + getTranslation("plans.validation.unassigned", counts.unassignedCount());
		}
		Span span = new Span(text);
		span.getStyle().set("color", (counts.errorCount() > 0) ? "var(--vaadin-text-color-error, #c62828)" : "inherit");
		return span;
	}

	private void load() {
		this.problem.removeAll();
		try {
			this.plans = this.api.plans();
		}
		catch (ApiException ex) {
			this.plans = List.of();
			this.problem.add(Problem.of(this, "plans-error", ex, this::load));
		}
		this.grid.setItems(this.plans);
	}

	private void open(@Nullable String id) {
		if (id != null) {
			UI.getCurrent().navigate(PlanEditorView.class, new RouteParameters(PlanEditorView.ID, id));
		}
	}

}

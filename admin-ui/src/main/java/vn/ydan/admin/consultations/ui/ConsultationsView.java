package vn.ydan.admin.consultations.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.consultations.ConsultationExportsApi;
import vn.ydan.admin.consultations.ConsultationStatus;
import vn.ydan.admin.consultations.ConsultationSummary;
import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.files.FileNames;

/**
 * The consultations, newest first, with status, window (Vietnam's time), rule and online
 * answers; officials and admins create one from a published plan here. A row opens the
 * consultation's page.
 * <p>
 * Ids: {@code consultations-view}, {@code consultations-grid}, {@code consultations-new},
 * {@code consultations-error}.
 */
@Route("consultations")
@Menu(title = "nav.consultations", order = 30, icon = "vaadin:check-square-o")
@PermitAll
public class ConsultationsView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

	private static final String LINKS = "links";

	private final ConsultationsApi api;

	private final H2 title = new H2();

	private final Button create = new Button();

	private final Div problem = new Div();

	private final Grid<ConsultationSummary> grid = new Grid<>();

	private final ConsultationExportsApi exports;

	public ConsultationsView(ConsultationsApi api, ConsultationExportsApi exports) {
		this.api = api;
		this.exports = exports;
		setId("consultations-view");
		setSizeFull();
		this.create.setId("consultations-new");
		this.create.setIcon(VaadinIcon.PLUS.create());
		this.create.addThemeVariants(ButtonVariant.PRIMARY);
		this.create.setVisible(ConsultationFormat.mayRun());
		this.create.addClickListener((click) -> new NewConsultationDialog(this.api, this::open).open());
		this.grid.setId("consultations-grid");
		this.grid.addThemeVariants(GridVariant.ROW_STRIPES);
		this.grid.setSizeFull();
		// A click on the row opens the consultation, one on a link in it follows the
		// link.
		this.grid.addItemClickListener((click) -> {
			if (click.getColumn() == null || !LINKS.equals(click.getColumn().getKey())) {
				open(click.getItem().id());
			}
		});
		HorizontalLayout top = new HorizontalLayout(this.title, this.create);
		top.setAlignItems(FlexComponent.Alignment.BASELINE);
		top.setWidthFull();
		top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
		this.problem.setWidthFull();
		add(top, this.problem, this.grid);
		setFlexGrow(1, this.grid);
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("consultations.title"));
		this.create.setText(getTranslation("consultations.new"));
		this.grid.removeAllColumns();
		this.grid.addColumn(ConsultationSummary::title)
			.setHeader(getTranslation("consultations.column.title"))
			.setFlexGrow(3);
		this.grid.addColumn(new ComponentRenderer<>((row) -> ConsultationFormat.status(this, row.status())))
			.setHeader(getTranslation("consultations.column.status"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.grid
			.addColumn(
					(row) -> ConsultationFormat.time(row.opensAt()) + " – " + ConsultationFormat.time(row.closesAt()))
			.setHeader(getTranslation("consultations.column.window"))
			.setAutoWidth(true);
		this.grid.addColumn((row) -> ConsultationFormat.rule(this, row.passRule()))
			.setHeader(getTranslation("consultations.column.rule"))
			.setAutoWidth(true);
		this.grid.addColumn((row) -> ConsultationFormat.number(this, row.answerCount()))
			.setHeader(getTranslation("consultations.column.answers"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.grid.addColumn(new ComponentRenderer<>(this::links))
			.setKey(LINKS)
			.setHeader(getTranslation("consultations.column.links"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.grid.getColumns().forEach((column) -> column.setSortable(false));
		this.grid.setEmptyStateText(getTranslation("consultations.none"));
		load();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("consultations.title") + " · " + getTranslation("app.title");
	}

	private void load() {
		this.problem.removeAll();
		List<ConsultationSummary> rows;
		try {
			rows = this.api.consultations();
		}
		catch (ApiException ex) {
			rows = List.of();
			this.problem.add(Problem.of(this, "consultations-error", ex, this::load));
		}
		this.grid.setItems(rows);
	}

	/**
	 * One click to a consultation's tally entry (while tallies are entered) and to its
	 * results as CSV (a plain link: the file is fetched when it is followed).
	 */
	private Component links(ConsultationSummary row) {
		HorizontalLayout links = new HorizontalLayout();
		links.setSpacing(true);
		boolean running = row.status() == ConsultationStatus.OPEN || row.status() == ConsultationStatus.CLOSED;
		if (running && ConsultationFormat.mayTally()) {
			Anchor tallies = new Anchor("consultations/" + row.id() + "/tallies",
					getTranslation("consultations.action.tallies"));
			tallies.setId("consultations-tallies-" + row.id());
			links.add(tallies);
		}
		if (row.status() != ConsultationStatus.SCHEDULED) {
			String unavailable = getTranslation("consultations.export.unavailable");
			String stem = FileNames.stem(row.title()) + "-" + ConsultationFormat.date(row.closesAt());
			Anchor csv = new Anchor(DownloadHandler.fromInputStream(
					(event) -> ConsultationView.download(() -> this.exports.resultsCsv(row.id(), stem), unavailable)),
					getTranslation("consultations.export.csv"));
			csv.setId("consultations-csv-" + row.id());
			links.add(csv);
		}
		return links;
	}

	private void open(String id) {
		UI.getCurrent().navigate(ConsultationView.class, new RouteParameters(ConsultationView.ID, id));
	}

}

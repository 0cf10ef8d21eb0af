package vn.ydan.admin.units.ui;

import vn.ydan.admin.error.Problem;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.units.UnitSummary;
import vn.ydan.admin.units.UnitsApi;

/**
 * The registry for everyone signed in: a lazy tree of provinces → districts → communes →
 * residential groups as of a date (today unless chosen), and a name search that ignores
 * diacritics ("hoan kiem" finds "Hoàn Kiếm") and lists each match with its parent chain.
 * A unit opens on its own page.
 * <p>
 * The date and the search are kept in the URL
 * ({@code units?asOf=2025-06-30&q=hoan+kiem}), so that a view can be linked to and
 * survives a reload. Ids: {@code units-as-of}, {@code units-search}, {@code units-tree},
 * {@code units-search-results}, {@code units-error}.
 */
@Route("units")
@Menu(title = "nav.units", order = 10, icon = "vaadin:sitemap")
@PermitAll
public class UnitsView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	static final String AS_OF = "asOf";

	static final String SEARCH = "q";

	private final UnitsApi api;

	private final H2 title = new H2();

	private final TextField search = new TextField();

	private final DatePicker asOf = new DatePicker();

	private final TreeGrid<UnitSummary> tree = new TreeGrid<>();

	private final Grid<UnitSummary> results = new Grid<>();

	private final Div problem = new Div();

	private final Map<String, Grid.Column<UnitSummary>> columns = new LinkedHashMap<>();

	/** While the URL's values are put into the fields: one reload, not one per field. */
	private boolean settingFromUrl;

	public UnitsView(UnitsApi api) {
		this.api = api;
		setId("units-view");
		setSizeFull();

		this.search.setId("units-search");
		this.search.setPrefixComponent(VaadinIcon.SEARCH.create());
		this.search.setClearButtonVisible(true);
		this.search.setValueChangeMode(ValueChangeMode.LAZY);
		this.search.setValueChangeTimeout(400);
		this.search.setMaxLength(100);
		this.search.setWidth("24rem");
		this.search.addValueChangeListener((change) -> changed());

		this.asOf.setId("units-as-of");
		this.asOf.setClearButtonVisible(true);
		this.asOf.addValueChangeListener((change) -> changed());

		HorizontalLayout toolbar = new HorizontalLayout(this.search, this.asOf);
		toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
		toolbar.setWrap(true);

		this.tree.setId("units-tree");
		this.tree.addThemeVariants(GridVariant.ROW_STRIPES);
		this.tree.setSizeFull();
		this.columns.put("tree-name", this.tree.addHierarchyColumn(UnitSummary::fullName).setFlexGrow(3));
		// Fixed widths: sized to the first rows (provinces, two-digit codes), the columns
		// would cut the five-digit codes of communes.
		this.columns.put("tree-code", this.tree.addColumn(UnitSummary::code).setWidth("6.5rem").setFlexGrow(0));
		this.columns.put("tree-type",
				this.tree.addColumn((unit) -> UnitFormat.type(this, unit.type(), unit.typeName())).setAutoWidth(true));
		this.columns.put("tree-households",
				this.tree
					.addColumn((unit) -> (unit.households() != null) ? UnitFormat.number(this, unit.households()) : "")
					.setTextAlign(ColumnTextAlign.END)
					.setWidth("8rem")
					.setFlexGrow(0));
		this.columns.put("tree-open",
				this.tree.addColumn(new ComponentRenderer<>(this::openLink)).setAutoWidth(true).setFlexGrow(0));
		// A click on a row's name expands it (the tree toggle's own behaviour); a double
		// click or the link opens the unit.
		this.tree.addItemDoubleClickListener((click) -> open(click.getItem()));

		this.results.setId("units-search-results");
		this.results.addThemeVariants(GridVariant.ROW_STRIPES);
		this.results.setSizeFull();
		this.results.setVisible(false);
		this.columns.put("results-unit",
				this.results.addColumn((unit) -> UnitFormat.chain(unit.fullName(), unit.parentChain())).setFlexGrow(3));
		this.columns.put("results-code", this.results.addColumn(UnitSummary::code).setAutoWidth(true).setFlexGrow(0));
		this.columns.put("results-type",
				this.results.addColumn((unit) -> UnitFormat.type(this, unit.type(), unit.typeName()))
					.setAutoWidth(true));
		this.results.addItemClickListener((click) -> open(click.getItem()));

		// The api decides the order (by code); the grids cannot sort what they have not
		// loaded.
		this.columns.values().forEach((column) -> column.setSortable(false));

		this.problem.setWidthFull();
		add(this.title, toolbar, this.problem, this.tree, this.results);
		setFlexGrow(1, this.tree, this.results);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
		this.settingFromUrl = true;
		try {
			this.asOf.setValue(UnitFormat.isoDate(first(query.get(AS_OF))).orElse(null));
			String text = first(query.get(SEARCH));
			this.search.setValue((text != null) ? text : "");
		}
		finally {
			this.settingFromUrl = false;
		}
		reload();
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("units.title"));
		this.search.setLabel(getTranslation("units.search"));
		this.search.setPlaceholder(getTranslation("units.search.placeholder"));
		this.asOf.setLabel(getTranslation("units.as-of"));
		this.asOf.setHelperText(getTranslation("units.as-of.helper"));
		this.asOf.setI18n(UnitFormat.datePickerI18n(this));
		header("tree-name", "units.column.name");
		header("tree-code", "units.column.code");
		header("tree-type", "units.column.type");
		header("tree-households", "units.column.households");
		header("tree-open", "units.column.open");
		header("results-unit", "units.column.unit-and-parents");
		header("results-code", "units.column.code");
		header("results-type", "units.column.type");
		this.results.setEmptyStateText(getTranslation("units.search.none"));
		this.tree.setEmptyStateText(getTranslation("units.tree.none"));
		// Texts rendered in rows (types, the open link) follow the language too.
		this.tree.getDataProvider().refreshAll();
		this.results.getDataProvider().refreshAll();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("units.title") + " · " + getTranslation("app.title");
	}

	private void header(String column, String key) {
		Grid.Column<UnitSummary> col = this.columns.get(column);
		if (col != null) {
			col.setHeader(getTranslation(key));
		}
	}

	private void changed() {
		if (this.settingFromUrl) {
			return;
		}
		reload();
		rememberInUrl();
	}

	private void reload() {
		this.problem.removeAll();
		LocalDate date = this.asOf.getValue();
		String text = this.search.getValue().strip();
		boolean searching = !text.isEmpty();
		this.tree.setVisible(!searching);
		this.results.setVisible(searching);
		if (searching) {
			UnitPages found = new UnitPages((after) -> this.api.search(text, date, after), this::failed);
			this.results.setItems((query) -> found.fetch(query.getOffset(), query.getLimit()), (query) -> found.size());
		}
		else {
			this.tree.setDataProvider(new UnitTree(this.api, date, this::failed));
		}
	}

	private void failed(ApiException failure) {
		this.problem.removeAll();
		this.problem.add(Problem.of(this, "units-error", failure, this::reload));
	}

	private void rememberInUrl() {
		Map<String, String> query = new LinkedHashMap<>();
		LocalDate date = this.asOf.getValue();
		if (date != null) {
			query.put(AS_OF, date.toString());
		}
		String text = this.search.getValue().strip();
		if (!text.isEmpty()) {
			query.put(SEARCH, text);
		}
		getUI().ifPresent((ui) -> ui.getPage()
			.getHistory()
			.replaceState(null, new Location("units", QueryParameters.simple(query))));
	}

	private Component openLink(UnitSummary unit) {
		RouterLink link = UnitView.link(getTranslation("units.open"), unit.id(), this.asOf.getValue());
		link.getElement().setAttribute("aria-label", getTranslation("units.open.unit", unit.fullName()));
		return link;
	}

	private void open(UnitSummary unit) {
		UnitView.open(UI.getCurrent(), unit.id(), this.asOf.getValue());
	}

	private static @Nullable String first(@Nullable List<String> values) {
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}

package vn.ydan.admin.consultations.ui;

import java.io.ByteArrayInputStream;
import java.text.Collator;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.consultations.CommuneResult;
import vn.ydan.admin.consultations.ConsultationDetails;
import vn.ydan.admin.consultations.ConsultationDetails.Progress;
import vn.ydan.admin.consultations.ConsultationExportsApi;
import vn.ydan.admin.consultations.ConsultationPayload;
import vn.ydan.admin.consultations.ConsultationResults;
import vn.ydan.admin.consultations.ConsultationStatus;
import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.consultations.ProgressFeed;
import vn.ydan.admin.consultations.RollUp;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.files.FileNames;
import vn.ydan.admin.layout.Confirmation;
import vn.ydan.admin.layout.EChart;

/**
 * One consultation: where it stands and its actions (open; end, publish and certify after
 * a confirmation), the totals, bars of turnout and agreement per district, the roll-ups,
 * and the results per commune (outcome, groups reported x/y, certified) as a paged list
 * filtered by district, status and name, with certification per commune, district and
 * province, and the exports as plain links. While the consultation is open or closed the
 * figures refresh by themselves ({@link LiveRefresh}).
 * <p>
 * Ids: {@code consultation-view}, {@code consultation-title},
 * {@code consultation-status}, {@code consultation-info}, {@code consultation-open},
 * {@code consultation-close}, {@code consultation-publish}, {@code consultation-confirm}
 * (the dialog), {@code consultation-tallies}, {@code consultation-households},
 * {@code consultation-message}, {@code consultation-error}, {@code consultation-total},
 * {@code consultation-communes}, {@code consultation-communes-count},
 * {@code consultation-filter-district}, {@code consultation-filter-status},
 * {@code consultation-filter-name}, {@code consultation-rollups},
 * {@code consultation-chart-turnout}, {@code consultation-chart-agree},
 * {@code consultation-no-results}, {@code consultation-live},
 * {@code consultation-export-csv}, {@code consultation-export-xlsx},
 * {@code certify-<unit code>}, {@code minutes-<unit code>}.
 */
@Route("consultations/:id")
@PermitAll
public class ConsultationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	public static final String ID = "id";

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final String SORT_NAME = "name";

	private static final String SORT_TURNOUT = "turnout";

	private static final String SORT_AGREE = "agree";

	private static final String SORT_NOT_REPORTED = "not-reported";

	private static final String SORT_NEEDED = "needed";

	private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

	private final ConsultationsApi api;

	private final ConsultationExportsApi exports;

	private final ProgressFeed feed;

	private final H2 title = new H2();

	private final Div status = new Div();

	private final Span info = new Span();

	private final Button open = new Button();

	private final Button close = new Button();

	private final Button publish = new Button();

	/** A new round for the communes that failed, once the results are published. */
	private final Button nextRound = new Button();

	private final Button tallies = new Button();

	private final Button households = new Button();

	private final Anchor csv = new Anchor();

	private final Anchor xlsx = new Anchor();

	private final Span message = new Span();

	private final Div problem = new Div();

	private final Span live = new Span();

	private final Span total = new Span();

	/** The names residents chose for the new units, one line each. */
	private final Div winningNames = new Div();

	private final Span noResults = new Span();

	private final EChart turnout = new EChart("consultation-chart-turnout");

	private final EChart agreement = new EChart("consultation-chart-agree");

	private final Grid<CommuneResult> communes = new Grid<>();

	private final ComboBox<UnitRef> district = new ComboBox<>();

	private final Select<CommuneFilter> filter = new Select<>();

	private final TextField search = new TextField();

	private final Span count = new Span();

	/** The export links by id, for {@link #follow}. */
	private final Map<String, Supplier<DownloadResponse>> links = new HashMap<>();

	/** The communes of the latest figures; the grid pages through them. */
	private List<CommuneResult> allCommunes = List.of();

	/**
	 * Each commune's district (by the commune's id), from the consultation's communes.
	 */
	private Map<String, String> districtOf = Map.of();

	private final Grid<RollUp> rollUps = new Grid<>();

	/** The roll-ups shown: districts, provinces, the total. */
	private List<RollUp> rollUpRows = List.of();

	private final HorizontalLayout charts = new HorizontalLayout(this.turnout, this.agreement);

	private final HorizontalLayout filters = new HorizontalLayout(this.district, this.filter, this.search, this.count);

	private @Nullable String id;

	private @Nullable ConsultationDetails details;

	private @Nullable LiveRefresh refresh;

	public ConsultationView(ConsultationsApi api, ConsultationExportsApi exports, ProgressFeed feed) {
		this.api = api;
		this.exports = exports;
		this.feed = feed;
		setId("consultation-view");
		setWidthFull();
		this.title.setId("consultation-title");
		this.title.getStyle().set("margin", "0");
		this.status.setId("consultation-status");
		this.info.setId("consultation-info");
		this.info.getStyle().set("color", "var(--vaadin-text-color-secondary, #555)");
		this.live.setId("consultation-live");
		this.live.getStyle().set("font-size", "0.875rem").set("color", "var(--vaadin-text-color-secondary, #555)");
		HorizontalLayout heading = new HorizontalLayout(this.title, this.status, this.live);
		heading.setAlignItems(FlexComponent.Alignment.CENTER);
		heading.setWrap(true);

		button(this.open, "consultation-open", VaadinIcon.PLAY, "consultations.action.open", "open",
				() -> this.api.open(requireId()));
		button(this.close, "consultation-close", VaadinIcon.STOP, "consultations.action.close", "close",
				() -> this.api.close(requireId(), null));
		button(this.publish, "consultation-publish", VaadinIcon.GLOBE, "consultations.action.publish", "publish",
				() -> this.api.publish(requireId()));
		this.open.addThemeVariants(ButtonVariant.PRIMARY);
		this.publish.addThemeVariants(ButtonVariant.PRIMARY);
		this.nextRound.setId("consultation-next-round");
		this.nextRound.setText(getTranslation("consultations.action.next-round"));
		this.nextRound.setIcon(VaadinIcon.REFRESH.create());
		this.nextRound.setVisible(false);
		this.nextRound.addClickListener((click) -> nextRound());
		this.tallies.setId("consultation-tallies");
		this.tallies.setText(getTranslation("consultations.action.tallies"));
		this.tallies.setIcon(VaadinIcon.TABLE.create());
		this.tallies.addClickListener(
				(click) -> UI.getCurrent().navigate(TalliesView.class, new RouteParameters(ID, requireId())));
		this.tallies.setVisible(ConsultationFormat.mayTally());
		this.households.setId("consultation-households");
		this.households.setText(getTranslation("consultations.action.households"));
		this.households.setIcon(VaadinIcon.HOME.create());
		this.households.addClickListener(
				(click) -> UI.getCurrent().navigate(HouseholdsView.class, new RouteParameters(ID, requireId())));
		this.households.setVisible(ConsultationFormat.mayTally());
		exportLink(this.csv, "consultation-export-csv", "consultations.export.csv",
				() -> this.exports.resultsCsv(requireId(), fileStem()));
		exportLink(this.xlsx, "consultation-export-xlsx", "consultations.export.xlsx",
				() -> this.exports.resultsXlsx(requireId(), fileStem()));
		HorizontalLayout actions = new HorizontalLayout(this.open, this.close, this.publish, this.nextRound,
				this.tallies, this.households, this.csv, this.xlsx);
		actions.setAlignItems(FlexComponent.Alignment.CENTER);
		actions.setWrap(true);

		this.message.setId("consultation-message");
		this.message.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.problem.setWidthFull();
		this.total.setId("consultation-total");
		this.total.getStyle().set("font-weight", "600");
		this.winningNames.setId("consultation-winning-names");
		this.noResults.setId("consultation-no-results");
		this.noResults.setText(getTranslation("consultations.results.hidden"));
		this.charts.setWidthFull();
		this.charts.setWrap(true);

		this.communes.setId("consultation-communes");
		this.communes.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
		// Hanoi has 526 communes: the grid pages through them (only the rows in sight are
		// sent and rendered), with a fixed height instead of all rows at once.
		this.communes.setHeight("32rem");
		this.communes.setPageSize(50);
		this.communes.setMultiSort(false);
		communeColumns();
		// Rows known by their commune, so that a push refreshes only those that changed.
		this.communes
			.setItems(new CallbackDataProvider<>((query) -> sorted(shownCommunes(), query.getSortOrders()).stream()
				.skip(query.getOffset())
				.limit(query.getLimit()), (query) -> shownCommunes().size(), (row) -> row.unit().id()));
		this.district.setId("consultation-filter-district");
		this.district.setLabel(getTranslation("consultations.filter.district"));
		this.district.setItemLabelGenerator(UnitRef::fullName);
		this.district.setClearButtonVisible(true);
		this.district.setPlaceholder(getTranslation("consultations.filter.all-districts"));
		this.district.addValueChangeListener((change) -> refilter());
		this.filter.setId("consultation-filter-status");
		this.filter.setLabel(getTranslation("consultations.filter.status"));
		this.filter.setItems(CommuneFilter.values());
		this.filter.setItemLabelGenerator((choice) -> getTranslation(choice.translationKey()));
		this.filter.setValue(CommuneFilter.ALL);
		this.filter.addValueChangeListener((change) -> refilter());
		this.search.setId("consultation-filter-name");
		this.search.setLabel(getTranslation("consultations.filter.name"));
		this.search.setClearButtonVisible(true);
		this.search.setValueChangeMode(ValueChangeMode.LAZY);
		this.search.addValueChangeListener((change) -> refilter());
		this.count.setId("consultation-communes-count");
		this.filters.setAlignItems(FlexComponent.Alignment.BASELINE);
		this.filters.setWrap(true);
		this.rollUps.setId("consultation-rollups");
		this.rollUps.addThemeVariants(GridVariant.ROW_STRIPES);
		this.rollUps.setAllRowsVisible(true);
		this.rollUps.setItems(new CallbackDataProvider<>(
				(query) -> this.rollUpRows.stream().skip(query.getOffset()).limit(query.getLimit()),
				(query) -> this.rollUpRows.size(), ConsultationView::rollUpKey));
		rollUpColumns();

		add(heading, this.info, actions, this.message, this.problem, this.total, this.winningNames, this.noResults,
				this.charts, new H3(getTranslation("consultations.results.rollups")), this.rollUps,
				new H3(getTranslation("consultations.results.communes")), this.filters, this.communes);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.id = event.getRouteParameters().get(ID).orElse(null);
		load();
	}

	@Override
	public String getPageTitle() {
		String name = (this.details != null) ? this.details.title() : getTranslation("consultations.title");
		return name + " · " + getTranslation("app.title");
	}

	@Override
	protected void onAttach(AttachEvent event) {
		startLive(event.getUI());
	}

	@Override
	protected void onDetach(DetachEvent event) {
		if (this.refresh != null) {
			this.refresh.stop(event.getUI());
			this.refresh = null;
		}
	}

	/** The live refresh, while one runs (for tests). */
	@Nullable LiveRefresh liveRefresh() {
		return this.refresh;
	}

	private void load() {
		this.problem.removeAll();
		this.message.setText("");
		String consultation = this.id;
		if (consultation == null) {
			return;
		}
		try {
			Optional<ConsultationDetails> found = this.api.consultation(consultation);
			if (found.isEmpty()) {
				this.problem.add(Problem.box(this, "consultation-error", getTranslation("consultations.not-found"),
						false, this::load));
				return;
			}
			show(found.get());
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "consultation-error", ex, this::load));
		}
	}

	private void startLive(UI ui) {
		ConsultationDetails shown = this.details;
		if (this.refresh != null) {
			this.refresh.stop(ui);
			this.refresh = null;
		}
		if (shown == null || !shown.status().isLive() && shown.status() != ConsultationStatus.SCHEDULED) {
			this.live.setText("");
			return;
		}
		this.refresh = new LiveRefresh(this.api, this.feed, shown.id(), ConsultationFormat.sight(), this::showProgress);
		this.refresh.start(ui, progressOf(shown));
		this.live.setText(getTranslation("consultations.live.on"));
	}

	private static Progress progressOf(ConsultationDetails details) {
		return new Progress(details.status(), details.statusName(), details.answerCount(), details.results());
	}

	/** New figures from the live refresh. */
	void showProgress(Progress progress) {
		ConsultationDetails shown = this.details;
		if (shown == null) {
			return;
		}
		boolean wasLive = shown.status().isLive();
		show(shown.with(progress));
		this.live.setText(
				getTranslation("consultations.live.updated", CLOCK.format(LocalTime.now(ConsultationsApi.VIETNAM))));
		if (wasLive && !progress.status().isLive()) {
			getUI().ifPresent(this::startLive);
		}
	}

	private void show(ConsultationDetails consultation) {
		ConsultationStatus before = (this.details != null) ? this.details.status() : null;
		if (this.details == null || !this.details.units().equals(consultation.units())) {
			Map<String, String> districts = new HashMap<>();
			consultation.units().forEach((asked) -> {
				UnitRef parent = asked.district();
				if (parent != null) {
					districts.put(asked.unit().id(), parent.id());
				}
			});
			this.districtOf = districts;
		}
		this.details = consultation;
		this.title.setText(consultation.title());
		if (before != consultation.status()) {
			this.status.removeAll();
			this.status.add(ConsultationFormat.status(this, consultation.status()));
		}
		this.info.setText(getTranslation("consultations.info", ConsultationFormat.time(consultation.opensAt()),
				ConsultationFormat.time(consultation.closesAt()),
				ConsultationFormat.rule(this, consultation.passRule()), consultation.round(),
				ConsultationFormat.number(this, consultation.answerCount()), consultation.units().size()));
		boolean runs = ConsultationFormat.mayRun();
		this.open.setVisible(runs && consultation.status() == ConsultationStatus.SCHEDULED);
		this.close.setVisible(runs && consultation.status() == ConsultationStatus.OPEN);
		this.publish.setVisible(runs && consultation.status() == ConsultationStatus.CERTIFIED);
		this.nextRound.setVisible(runs && consultation.status() == ConsultationStatus.PUBLISHED
				&& !failedCommunes(consultation).isEmpty());
		ConsultationResults results = consultation.results();
		boolean visible = results != null;
		this.noResults.setVisible(!visible);
		this.total.setVisible(visible);
		this.winningNames.setVisible(results != null && !results.winning().isEmpty());
		this.charts.setVisible(visible);
		this.communes.setVisible(visible);
		this.rollUps.setVisible(visible);
		if (results != null) {
			RollUp sum = results.total();
			this.total.setText(getTranslation("consultations.results.total",
					ConsultationFormat.number(this, sum.households()), ConsultationFormat.number(this, sum.tookPart()),
					ConsultationFormat.percent(this, sum.turnout()), ConsultationFormat.number(this, sum.agree()),
					ConsultationFormat.percent(this, sum.agreeShare()), sum.passed(), sum.failed(), sum.pending()));
			showWinningNames(results);
			List<QuerySortOrder> order = this.communes.getSortOrder()
				.stream()
				.flatMap((sort) -> sort.getSorted().getSortOrder(sort.getDirection()))
				.toList();
			List<CommuneResult> shownBefore = sorted(shownCommunes(), order);
			this.allCommunes = results.communes();
			// The rows' buttons depend on the status (certify once closed): all again
			// then.
			List<CommuneResult> shownAfter = sorted(shownCommunes(), order);
			refresh(this.communes, (before == consultation.status()) ? shownBefore : List.of(), shownAfter,
					(row) -> row.unit().id());
			showCount();
			List<UnitRef> districts = results.districts()
				.stream()
				.map(RollUp::unit)
				.filter(java.util.Objects::nonNull)
				.toList();
			if (!districts.equals(this.district.getListDataView().getItems().toList())) {
				UnitRef chosen = this.district.getValue();
				this.district.setItems(districts);
				this.district.setValue(districts.contains(chosen) ? chosen : null);
			}
			this.district.setVisible(districts.size() > 1);
			List<RollUp> rows = new ArrayList<>(results.districts());
			rows.addAll(results.provinces());
			rows.add(sum);
			List<RollUp> rollUpsBefore = this.rollUpRows;
			this.rollUpRows = List.copyOf(rows);
			refresh(this.rollUps, (before == consultation.status()) ? rollUpsBefore : List.of(), this.rollUpRows,
					ConsultationView::rollUpKey);
			// Per district (Hanoi: 30 pairs of bars), not per commune (526): the communes
			// are in the list below. Drawn in the browser; an update sends the data only.
			List<RollUp> areas = results.districts().isEmpty() ? List.of(sum) : results.districts();
			this.agreement.show(getTranslation("consultations.chart.by-district"),
					ResultCharts.byDistrict(this, areas, this::areaName, consultation.passRule()),
					ResultCharts.byDistrictHeight(areas.size()),
					areas.stream()
						.map((area) -> getTranslation("consultations.chart.area", areaName(area),
								ConsultationFormat.percent(this, area.agreeShare()),
								ConsultationFormat.percent(this, area.turnout())))
						.collect(java.util.stream.Collectors.joining("; ")));
			List<ProgressFeed.Point> history = (this.refresh != null) ? this.refresh.history() : List.of();
			if (history.isEmpty()) {
				history = List
					.of(new ProgressFeed.Point(java.time.Instant.now(), sum.households(), sum.tookPart(), sum.agree()));
			}
			this.turnout.show(getTranslation("consultations.chart.over-time"),
					ResultCharts.overTime(this, history, consultation.passRule()), "16rem",
					getTranslation("consultations.chart.now", ConsultationFormat.percent(this, sum.turnout()),
							ConsultationFormat.number(this, sum.tookPart()),
							ConsultationFormat.number(this, sum.households()),
							ConsultationFormat.percent(this, sum.agreeShare())));
		}
		if (this.refresh != null) {
			this.refresh.shown(progressOf(consultation));
		}
		if (before != null && before != consultation.status()) {
			getUI().ifPresent(this::startLive);
		}
	}

	/**
	 * Sends the browser again only the rows whose figures changed, or all of them when
	 * rows came, went or moved ({@link RowChanges}).
	 */
	private static <T> void refresh(Grid<T> grid, List<T> before, List<T> after,
			java.util.function.Function<T, ?> idOf) {
		RowChanges.of(before, after, idOf)
			.ifPresentOrElse((changed) -> changed.forEach(grid.getDataProvider()::refreshItem),
					grid.getDataProvider()::refreshAll);
	}

	private static String rollUpKey(RollUp row) {
		return (row.unit() != null) ? row.unit().id() : "";
	}

	private void communeColumns() {
		this.communes.addColumn((row) -> row.unit().fullName())
			.setHeader(getTranslation("consultations.column.commune"))
			.setFlexGrow(2)
			.setSortProperty(SORT_NAME);
		number("consultations.column.households", CommuneResult::households);
		number("consultations.column.took-part", CommuneResult::tookPart);
		this.communes.addColumn((row) -> ConsultationFormat.percent(this, row.turnout()))
			.setHeader(getTranslation("consultations.column.turnout"))
			.setAutoWidth(true)
			.setSortProperty(SORT_TURNOUT);
		number("consultations.column.agree", CommuneResult::agree);
		number("consultations.column.disagree", CommuneResult::disagree);
		number("consultations.column.invalid", CommuneResult::invalid);
		this.communes.addColumn((row) -> ConsultationFormat.percent(this, row.agreeShare()))
			.setHeader(getTranslation("consultations.column.agree-share"))
			.setAutoWidth(true)
			.setSortProperty(SORT_AGREE);
		this.communes.addColumn(new ComponentRenderer<>((row) -> {
			Span badge = ConsultationFormat.outcome(this, row.outcome());
			badge.setId("outcome-" + row.unit().code());
			return badge;
		})).setHeader(getTranslation("consultations.column.outcome")).setAutoWidth(true);
		this.communes.addColumn(new ComponentRenderer<>(this::stillNeeded))
			.setHeader(getTranslation("consultations.column.needed"))
			.setAutoWidth(true)
			.setSortProperty(SORT_NEEDED);
		this.communes.addColumn(new ComponentRenderer<>(this::groupsReported))
			.setHeader(getTranslation("consultations.column.groups"))
			.setAutoWidth(true)
			.setSortProperty(SORT_NOT_REPORTED);
		this.communes
			.addColumn(new ComponentRenderer<>(
					(row) -> certification(row.certified(), row.certifiedBy(), row.certifiedAt(), row.unit().id(),
							row.unit().code(), row.unit().fullName(), row.groupsReported() == row.groups())))
			.setHeader(getTranslation("consultations.column.certified"))
			.setAutoWidth(true);
		this.communes.addColumn(new ComponentRenderer<>(this::minutes))
			.setHeader(getTranslation("consultations.column.minutes"))
			.setAutoWidth(true);
		this.communes.addColumn((row) -> ConsultationFormat.furtherQuestions(this, row.questionResults()))
			.setHeader(getTranslation("consultations.column.questions"))
			.setAutoWidth(true);
	}

	/**
	 * The names residents chose, one line per new unit whose name was asked; the winning
	 * one is what the adoption proposes.
	 */
	private void showWinningNames(ConsultationResults results) {
		this.winningNames.removeAll();
		if (results.winning().isEmpty()) {
			return;
		}
		this.winningNames.add(new Span(getTranslation("consultations.winning.title")));
		for (vn.ydan.admin.consultations.WinningName winning : results.winning()) {
			Div line = new Div(ConsultationFormat.winningName(this, winning));
			line.setId("winning-" + winning.unitKey());
			this.winningNames.add(line);
		}
	}

	private void number(String header, java.util.function.ToIntFunction<CommuneResult> value) {
		this.communes.addColumn((row) -> ConsultationFormat.number(this, value.applyAsInt(row)))
			.setHeader(getTranslation(header))
			.setAutoWidth(true);
	}

	private Component groupsReported(CommuneResult row) {
		Span text = new Span(getTranslation("consultations.groups-reported", row.groupsReported(), row.groups()));
		text.setId("groups-" + row.unit().code());
		if (row.groupsReported() >= row.groups()) {
			return text;
		}
		text.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		Span missing = new Span(
				" · " + getTranslation("consultations.groups-not-done", row.groups() - row.groupsReported()));
		missing.setId("not-reported-" + row.unit().code());
		missing.getStyle()
			.set("color", "var(--vaadin-text-color-error, #c62828)")
			.set("font-size", "var(--vaadin-font-size-s, 0.875rem)");
		return new Span(text, missing);
	}

	/**
	 * How many more agreeing households the commune needs to pass (against all its
	 * households, by the pass rule); "enough" once it has them, "cannot pass any more"
	 * when the households that have not answered are too few.
	 */
	private Component stillNeeded(CommuneResult row) {
		Span text = new Span();
		text.setId("needed-" + row.unit().code());
		long needed = needed(row);
		if (needed <= 0) {
			text.setText(getTranslation("consultations.needed.enough"));
			text.getStyle().set("color", "var(--vaadin-success-text-color, #2e7d32)");
		}
		else if (needed > row.households() - row.tookPart()) {
			text.setText(getTranslation("consultations.needed.out-of-reach", ConsultationFormat.number(this, needed)));
			text.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		}
		else {
			text.setText(getTranslation("consultations.needed.more", ConsultationFormat.number(this, needed)));
		}
		return text;
	}

	private long needed(CommuneResult row) {
		ConsultationDetails shown = this.details;
		if (shown == null) {
			return 0;
		}
		return shown.passRule().agreeingNeeded(row.households()) - row.agree();
	}

	private void rollUpColumns() {
		this.rollUps.addColumn(
				(row) -> (row.unit() != null) ? row.unit().fullName() : getTranslation("consultations.rollup.total"))
			.setHeader(getTranslation("consultations.column.unit"))
			.setFlexGrow(2);
		this.rollUps
			.addColumn((row) -> getTranslation("consultations.rollup.communes", row.communes(), row.passed(),
					row.failed(), row.pending()))
			.setHeader(getTranslation("consultations.column.communes"))
			.setAutoWidth(true);
		this.rollUps.addColumn((row) -> ConsultationFormat.number(this, row.households()))
			.setHeader(getTranslation("consultations.column.households"))
			.setAutoWidth(true);
		this.rollUps.addColumn((row) -> ConsultationFormat.number(this, row.tookPart()))
			.setHeader(getTranslation("consultations.column.took-part"))
			.setAutoWidth(true);
		this.rollUps.addColumn((row) -> ConsultationFormat.percent(this, row.turnout()))
			.setHeader(getTranslation("consultations.column.turnout"))
			.setAutoWidth(true);
		this.rollUps.addColumn((row) -> ConsultationFormat.number(this, row.agree()))
			.setHeader(getTranslation("consultations.column.agree"))
			.setAutoWidth(true);
		this.rollUps.addColumn((row) -> ConsultationFormat.percent(this, row.agreeShare()))
			.setHeader(getTranslation("consultations.column.agree-share"))
			.setAutoWidth(true);
		this.rollUps
			.addColumn(new ComponentRenderer<>((row) -> (row.unit() == null) ? new Span()
					: certification(row.certified(), row.certifiedBy(), row.certifiedAt(), row.unit().id(),
							row.unit().code(), row.unit().fullName(), true)))
			.setHeader(getTranslation("consultations.column.certified"))
			.setAutoWidth(true);
		this.rollUps.getColumns().forEach((column) -> column.setSortable(false));
	}

	/**
	 * The certified mark, or the button to certify (for those who run consultations, once
	 * closed); the api decides whether the level below is certified.
	 */
	private Component certification(boolean certified, @Nullable String certifiedBy, @Nullable String certifiedAt,
			String unitId, @Nullable String code, String name, boolean complete) {
		ConsultationDetails consultation = this.details;
		if (certified) {
			Component mark = certifiedMark(certifiedBy, certifiedAt);
			mark.setId("certified-" + code);
			if (consultation == null || !ConsultationFormat.mayRun()
					|| (consultation.status() != ConsultationStatus.CLOSED
							&& consultation.status() != ConsultationStatus.CERTIFIED)) {
				return mark;
			}
			Button reopen = new Button(getTranslation("consultations.action.reopen"),
					(click) -> reopen(consultation, unitId, name));
			reopen.setId("reopen-" + code);
			reopen.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
			HorizontalLayout both = new HorizontalLayout(mark, reopen);
			both.setAlignItems(FlexComponent.Alignment.CENTER);
			both.setSpacing(false);
			return both;
		}
		if (consultation == null || !ConsultationFormat.mayRun()
				|| consultation.status() != ConsultationStatus.CLOSED) {
			return new Span("—");
		}
		Button certify = new Button(getTranslation("consultations.action.certify"),
				(click) -> Confirmation.ask(this, "consultation-confirm",
						getTranslation("consultations.confirm.certify.header", name),
						getTranslation("consultations.confirm.certify.text", name),
						getTranslation("consultations.action.certify"),
						() -> change(() -> this.api.certify(consultation.id(), unitId))));
		certify.setId("certify-" + code);
		certify.addThemeVariants(ButtonVariant.SMALL);
		if (!complete) {
			certify.setTooltipText(getTranslation("consultations.certify.groups-missing"));
		}
		return certify;
	}

	/** The certified mark, with who certified and when under it (as the exports say). */
	private Component certifiedMark(@Nullable String certifiedBy, @Nullable String certifiedAt) {
		Span badge = ConsultationFormat.badge("✔ " + getTranslation("consultations.certified"), "#e3f6e8");
		if (certifiedBy == null) {
			return badge;
		}
		Span who = new Span(
				getTranslation("consultations.certified.by", certifiedBy, ConsultationFormat.time(certifiedAt)));
		who.getStyle().set("font-size", "var(--lumo-font-size-xs, 0.75rem)").set("display", "block");
		return new Span(badge, who);
	}

	/**
	 * Reopening a certified unit: the reason is asked; the first person's call asks, a
	 * second person who also manages the unit confirms (the api withdraws the
	 * certification then, with those above it).
	 */
	private void reopen(ConsultationDetails consultation, String unitId, String name) {
		com.vaadin.flow.component.textfield.TextArea reason = new com.vaadin.flow.component.textfield.TextArea(
				getTranslation("consultations.reopen.reason"));
		reason.setId("consultation-reopen-reason");
		reason.setWidthFull();
		reason.setMaxLength(1000);
		reason.setRequired(true);
		var dialog = Confirmation.ask(this, "consultation-confirm",
				getTranslation("consultations.confirm.reopen.header", name),
				getTranslation("consultations.confirm.reopen.text", name),
				getTranslation("consultations.action.reopen"), () -> {
					change(() -> this.api.reopenCertification(consultation.id(), unitId, reason.getValue()));
					if (this.message.getText().isEmpty() && stillCertified(unitId)) {
						this.message.setText(getTranslation("consultations.reopen.asked", name));
					}
				});
		dialog.setText(new VerticalLayout(new Span(getTranslation("consultations.confirm.reopen.text", name)), reason));
	}

	private boolean stillCertified(String unitId) {
		ConsultationResults results = (this.details != null) ? this.details.results() : null;
		if (results == null) {
			return false;
		}
		List<RollUp> rollUps = new ArrayList<>(results.districts());
		rollUps.addAll(results.provinces());
		return results.communes().stream().anyMatch((row) -> row.unit().id().equals(unitId) && row.certified())
				|| rollUps.stream()
					.anyMatch((row) -> row.unit() != null && row.unit().id().equals(unitId) && row.certified());
	}

	/** The communes whose outcome in these published results is a failure. */
	private static List<UnitRef> failedCommunes(ConsultationDetails consultation) {
		ConsultationResults results = consultation.results();
		if (results == null) {
			return List.of();
		}
		return results.communes()
			.stream()
			.filter((row) -> row.outcome() == vn.ydan.admin.consultations.Outcome.FAIL)
			.map(CommuneResult::unit)
			.toList();
	}

	/** A new round for the communes that failed: the creation dialog, its plan fixed. */
	private void nextRound() {
		ConsultationDetails consultation = this.details;
		if (consultation == null) {
			return;
		}
		new NewConsultationDialog(this.api,
				(id) -> UI.getCurrent().navigate(ConsultationView.class, new RouteParameters(ID, id)),
				new NewConsultationDialog.NextRound(consultation,
						new vn.ydan.admin.consultations.PlanChoice(consultation.planId(), consultation.title()),
						failedCommunes(consultation)))
			.open();
	}

	private Component minutes(CommuneResult row) {
		Anchor pdf = new Anchor();
		exportLink(pdf, "minutes-" + row.unit().code(), null, () -> this.exports.minutesPdf(requireId(),
				row.unit().id(), FileNames.stem(row.unit().fullName()) + "-" + row.unit().code()));
		pdf.add(VaadinIcon.FILE_TEXT_O.create(), new Span("PDF"));
		return pdf;
	}

	/**
	 * An action's button; those that cannot be undone (all but opening) ask first, in
	 * words that say what will happen ({@code consultations.confirm.<step>.*}).
	 */
	private void button(Button button, String buttonId, VaadinIcon icon, String key, String step,
			Supplier<ConsultationPayload> action) {
		button.setId(buttonId);
		button.setText(getTranslation(key));
		button.setIcon(icon.create());
		button.setVisible(false);
		if (step.equals("open")) {
			button.addClickListener((click) -> change(action));
			return;
		}
		button.addClickListener((click) -> {
			String title = (this.details != null) ? this.details.title() : "";
			if (step.equals("close") && this.details != null
					&& java.time.Instant.parse(this.details.closesAt()).isAfter(java.time.Instant.now())) {
				closeEarly(title);
				return;
			}
			Confirmation.ask(this, "consultation-confirm",
					getTranslation("consultations.confirm." + step + ".header", title),
					getTranslation("consultations.confirm." + step + ".text", title), getTranslation(key),
					() -> change(action));
		});
	}

	/**
	 * Closing before the closing time: the api takes it only with a reason (audited),
	 * asked in the same dialog.
	 */
	private void closeEarly(String title) {
		com.vaadin.flow.component.textfield.TextArea reason = new com.vaadin.flow.component.textfield.TextArea(
				getTranslation("consultations.close.reason"));
		reason.setId("consultation-close-reason");
		reason.setWidthFull();
		reason.setMaxLength(1000);
		reason.setRequired(true);
		var dialog = Confirmation.ask(this, "consultation-confirm",
				getTranslation("consultations.confirm.close.header", title),
				getTranslation("consultations.confirm.close.text", title), getTranslation("consultations.action.close"),
				() -> change(() -> this.api.close(requireId(), reason.getValue())));
		dialog.setText(new VerticalLayout(new Span(getTranslation("consultations.confirm.close.text", title)),
				new Span(getTranslation("consultations.close.early", this.details.closesAt())), reason));
	}

	/** A change: the page shows the consultation after it, or the api's reasons. */
	private void change(Supplier<ConsultationPayload> action) {
		this.message.setText("");
		this.problem.removeAll();
		try {
			ConsultationPayload payload = action.get();
			if (payload.consultation() == null) {
				this.message.setText(String.join(" ", payload.errors().stream().map(UserError::message).toList()));
				return;
			}
			show(payload.consultation());
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "consultation-error", ex, this::load));
		}
	}

	/**
	 * A plain link that downloads an export at once: the file is fetched from the api,
	 * with the user's token, only when the link is followed (nothing waits for the page's
	 * data). When the api has no such file the browser gets a 404 with the reason.
	 */
	private void exportLink(Anchor link, String linkId, @Nullable String key,
			Supplier<Optional<ConsultationExportsApi.File>> export) {
		link.setId(linkId);
		if (key != null) {
			link.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation(key)));
		}
		String unavailable = getTranslation("consultations.export.unavailable");
		this.links.put(linkId, () -> download(export, unavailable));
		link.setHref(DownloadHandler.fromInputStream((event) -> download(export, unavailable)));
	}

	/** What following an export link answers, as when the browser follows it (tests). */
	DownloadResponse follow(String linkId) {
		Supplier<DownloadResponse> link = this.links.get(linkId);
		if (link == null) {
			throw new IllegalArgumentException("No link " + linkId);
		}
		return link.get();
	}

	/** The answer to a followed export link. */
	static DownloadResponse download(Supplier<Optional<ConsultationExportsApi.File>> export, String unavailable) {
		try {
			Optional<ConsultationExportsApi.File> file = export.get();
			if (file.isEmpty()) {
				return DownloadResponse.error(404, unavailable);
			}
			ConsultationExportsApi.File ready = file.get();
			return new DownloadResponse(new ByteArrayInputStream(ready.bytes()), ready.name(), ready.contentType(),
					ready.bytes().length);
		}
		catch (ApiException ex) {
			return DownloadResponse.error(502, ex.getMessage());
		}
	}

	/**
	 * What the results' files are called: the provinces (or the title) and the closing
	 * date, e.g. {@code ha-noi-2025-04-20}.
	 */
	private String fileStem() {
		ConsultationDetails consultation = this.details;
		if (consultation == null) {
			return requireId();
		}
		ConsultationResults results = consultation.results();
		String place = (results != null && !results.provinces().isEmpty()) ? String.join(" ",
				results.provinces()
					.stream()
					.map(RollUp::unit)
					.filter(java.util.Objects::nonNull)
					.map(UnitRef::fullName)
					.map(FileNames::withoutUnitType)
					.toList())
				: consultation.title();
		return FileNames.stem(place) + "-" + ConsultationFormat.date(consultation.closesAt());
	}

	/** The communes the filters let through, in the consultation's order. */
	private List<CommuneResult> shownCommunes() {
		UnitRef chosen = this.district.getValue();
		CommuneFilter status = (this.filter.getValue() != null) ? this.filter.getValue() : CommuneFilter.ALL;
		String name = FileNames.folded(this.search.getValue());
		return this.allCommunes.stream()
			.filter((row) -> chosen == null || chosen.id().equals(this.districtOf.get(row.unit().id())))
			.filter(status::matches)
			.filter((row) -> name.isEmpty() || FileNames.folded(row.unit().fullName()).contains(name))
			.toList();
	}

	private List<CommuneResult> sorted(List<CommuneResult> rows, List<QuerySortOrder> orders) {
		if (orders.isEmpty()) {
			return rows;
		}
		QuerySortOrder order = orders.get(0);
		Comparator<CommuneResult> by = switch (order.getSorted()) {
			case SORT_TURNOUT -> Comparator.comparingDouble(CommuneResult::turnout);
			case SORT_AGREE -> Comparator.comparingDouble(CommuneResult::agreeShare);
			case SORT_NOT_REPORTED ->
				Comparator.comparingInt((CommuneResult row) -> row.groups() - row.groupsReported());
			case SORT_NEEDED -> Comparator.comparingLong(this::needed);
			default -> Comparator.comparing((CommuneResult row) -> row.unit().fullName(), VIETNAMESE);
		};
		if (order.getDirection() == SortDirection.DESCENDING) {
			by = by.reversed();
		}
		return rows.stream().sorted(by).toList();
	}

	private void refilter() {
		this.communes.getDataProvider().refreshAll();
		showCount();
	}

	private void showCount() {
		this.count
			.setText(getTranslation("consultations.filter.count", shownCommunes().size(), this.allCommunes.size()));
	}

	private String areaName(RollUp area) {
		return (area.unit() != null) ? area.unit().fullName() : getTranslation("consultations.rollup.total");
	}

	private String requireId() {
		if (this.id == null) {
			throw new IllegalStateException("No consultation on this page");
		}
		return this.id;
	}

}

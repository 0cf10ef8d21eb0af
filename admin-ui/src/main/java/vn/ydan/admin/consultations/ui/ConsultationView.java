package vn.ydan.admin.consultations.ui;

import java.io.ByteArrayInputStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.data.renderer.ComponentRenderer;
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
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.consultations.CommuneResult;
import vn.ydan.admin.consultations.ConsultationDetails.Progress;
import vn.ydan.admin.consultations.ConsultationDetails;
import vn.ydan.admin.consultations.ConsultationExportsApi;
import vn.ydan.admin.consultations.ConsultationPayload;
import vn.ydan.admin.consultations.ConsultationResults;
import vn.ydan.admin.consultations.ConsultationStatus;
import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.consultations.ProgressFeed;
import vn.ydan.admin.consultations.RollUp;
import vn.ydan.admin.error.Problem;

/**
 * One consultation: where it stands and its actions (open, close, publish), its results
 * per commune (outcome, groups reported x/y, certified) with certification per commune,
 * district and province, the roll-ups, bars of turnout and agreement, and the exports.
 * While the consultation is open or closed the figures refresh by themselves
 * ({@link LiveRefresh}).
 * <p>
 * Ids: {@code consultation-view}, {@code consultation-title},
 * {@code consultation-status}, {@code consultation-info}, {@code consultation-open},
 * {@code consultation-close}, {@code consultation-publish}, {@code consultation-tallies},
 * {@code consultation-households}, {@code consultation-message},
 * {@code consultation-error}, {@code consultation-total}, {@code consultation-communes},
 * {@code consultation-rollups}, {@code consultation-chart-turnout},
 * {@code consultation-chart-agree}, {@code consultation-no-results},
 * {@code consultation-live}, {@code consultation-export-csv},
 * {@code consultation-export-xlsx}, {@code consultation-download},
 * {@code certify-<unit code>}, {@code minutes-<unit code>}.
 */
@Route("consultations/:id")
@PermitAll
public class ConsultationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	public static final String ID = "id";

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final ConsultationsApi api;

	private final ConsultationExportsApi exports;

	private final ProgressFeed feed;

	private final H2 title = new H2();

	private final Div status = new Div();

	private final Span info = new Span();

	private final Button open = new Button();

	private final Button close = new Button();

	private final Button publish = new Button();

	private final Button tallies = new Button();

	private final Button households = new Button();

	private final Button csv = new Button();

	private final Button xlsx = new Button();

	private final Div download = new Div();

	private final Span message = new Span();

	private final Div problem = new Div();

	private final Span live = new Span();

	private final Span total = new Span();

	private final Span noResults = new Span();

	private final Bars turnout = new Bars("consultation-chart-turnout");

	private final Bars agreement = new Bars("consultation-chart-agree");

	private final Grid<CommuneResult> communes = new Grid<>();

	private final Grid<RollUp> rollUps = new Grid<>();

	private final HorizontalLayout charts = new HorizontalLayout(this.turnout, this.agreement);

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

		button(this.open, "consultation-open", VaadinIcon.PLAY, "consultations.action.open",
				() -> this.api.open(requireId()));
		button(this.close, "consultation-close", VaadinIcon.STOP, "consultations.action.close",
				() -> this.api.close(requireId()));
		button(this.publish, "consultation-publish", VaadinIcon.GLOBE, "consultations.action.publish",
				() -> this.api.publish(requireId()));
		this.open.addThemeVariants(ButtonVariant.PRIMARY);
		this.publish.addThemeVariants(ButtonVariant.PRIMARY);
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
		this.csv.setId("consultation-export-csv");
		this.csv.setText(getTranslation("consultations.export.csv"));
		this.csv.setIcon(VaadinIcon.DOWNLOAD.create());
		this.csv.addThemeVariants(ButtonVariant.TERTIARY);
		this.csv.addClickListener((click) -> offer(() -> this.exports.resultsCsv(requireId())));
		this.xlsx.setId("consultation-export-xlsx");
		this.xlsx.setText(getTranslation("consultations.export.xlsx"));
		this.xlsx.setIcon(VaadinIcon.DOWNLOAD.create());
		this.xlsx.addThemeVariants(ButtonVariant.TERTIARY);
		this.xlsx.addClickListener((click) -> offer(() -> this.exports.resultsXlsx(requireId())));
		this.download.setId("consultation-download");
		HorizontalLayout actions = new HorizontalLayout(this.open, this.close, this.publish, this.tallies,
				this.households, this.csv, this.xlsx, this.download);
		actions.setAlignItems(FlexComponent.Alignment.CENTER);
		actions.setWrap(true);

		this.message.setId("consultation-message");
		this.message.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.problem.setWidthFull();
		this.total.setId("consultation-total");
		this.total.getStyle().set("font-weight", "600");
		this.noResults.setId("consultation-no-results");
		this.noResults.setText(getTranslation("consultations.results.hidden"));
		this.charts.setWidthFull();
		this.charts.setWrap(true);

		this.communes.setId("consultation-communes");
		this.communes.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
		this.communes.setAllRowsVisible(true);
		communeColumns();
		this.rollUps.setId("consultation-rollups");
		this.rollUps.addThemeVariants(GridVariant.ROW_STRIPES);
		this.rollUps.setAllRowsVisible(true);
		rollUpColumns();

		add(heading, this.info, actions, this.message, this.problem, this.total, this.noResults, this.charts,
				new H3(getTranslation("consultations.results.communes")), this.communes,
				new H3(getTranslation("consultations.results.rollups")), this.rollUps);
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
		this.details = consultation;
		this.title.setText(consultation.title());
		this.status.removeAll();
		this.status.add(ConsultationFormat.status(this, consultation.status()));
		this.info.setText(getTranslation("consultations.info", ConsultationFormat.time(consultation.opensAt()),
				ConsultationFormat.time(consultation.closesAt()), consultation.passRule().description(),
				consultation.round(), ConsultationFormat.number(this, consultation.answerCount()),
				consultation.units().size()));
		boolean runs = ConsultationFormat.mayRun();
		this.open.setVisible(runs && consultation.status() == ConsultationStatus.SCHEDULED);
		this.close.setVisible(runs && consultation.status() == ConsultationStatus.OPEN);
		this.publish.setVisible(runs && consultation.status() == ConsultationStatus.CERTIFIED);
		ConsultationResults results = consultation.results();
		boolean visible = results != null;
		this.noResults.setVisible(!visible);
		this.total.setVisible(visible);
		this.charts.setVisible(visible);
		this.communes.setVisible(visible);
		this.rollUps.setVisible(visible);
		if (results != null) {
			RollUp sum = results.total();
			this.total.setText(getTranslation("consultations.results.total",
					ConsultationFormat.number(this, sum.households()), ConsultationFormat.number(this, sum.tookPart()),
					ConsultationFormat.percent(this, sum.turnout()), ConsultationFormat.number(this, sum.agree()),
					ConsultationFormat.percent(this, sum.agreeShare()), sum.passed(), sum.failed(), sum.pending()));
			this.communes.setItems(results.communes());
			List<RollUp> rows = new ArrayList<>(results.districts());
			rows.addAll(results.provinces());
			rows.add(sum);
			this.rollUps.setItems(rows);
			this.turnout.show(getTranslation("consultations.chart.turnout"),
					results.communes()
						.stream()
						.map((commune) -> new Bars.Bar(commune.unit().fullName(), commune.turnout(),
								ConsultationFormat.percent(this, commune.turnout())))
						.toList(),
					null, "#1565c0");
			this.agreement.show(getTranslation("consultations.chart.agree", consultation.passRule().description()),
					results.communes()
						.stream()
						.map((commune) -> new Bars.Bar(commune.unit().fullName(), commune.agreeShare(),
								ConsultationFormat.percent(this, commune.agreeShare())))
						.toList(),
					consultation.passRule().percent(), "#2e7d32");
		}
		if (this.refresh != null) {
			this.refresh.shown(progressOf(consultation));
		}
		if (before != null && before != consultation.status()) {
			getUI().ifPresent(this::startLive);
		}
	}

	private void communeColumns() {
		this.communes.addColumn((row) -> row.unit().fullName())
			.setHeader(getTranslation("consultations.column.commune"))
			.setFlexGrow(2);
		number("consultations.column.households", CommuneResult::households);
		number("consultations.column.took-part", CommuneResult::tookPart);
		this.communes.addColumn((row) -> ConsultationFormat.percent(this, row.turnout()))
			.setHeader(getTranslation("consultations.column.turnout"))
			.setAutoWidth(true);
		number("consultations.column.agree", CommuneResult::agree);
		number("consultations.column.disagree", CommuneResult::disagree);
		number("consultations.column.invalid", CommuneResult::invalid);
		this.communes.addColumn((row) -> ConsultationFormat.percent(this, row.agreeShare()))
			.setHeader(getTranslation("consultations.column.agree-share"))
			.setAutoWidth(true);
		this.communes.addColumn(new ComponentRenderer<>((row) -> {
			Span badge = ConsultationFormat.outcome(this, row.outcome());
			badge.setId("outcome-" + row.unit().code());
			return badge;
		})).setHeader(getTranslation("consultations.column.outcome")).setAutoWidth(true);
		this.communes.addColumn(new ComponentRenderer<>(this::groupsReported))
			.setHeader(getTranslation("consultations.column.groups"))
			.setAutoWidth(true);
		this.communes
			.addColumn(new ComponentRenderer<>((row) -> certification(row.certified(), row.unit().id(),
					row.unit().code(), row.groupsReported() == row.groups())))
			.setHeader(getTranslation("consultations.column.certified"))
			.setAutoWidth(true);
		this.communes.addColumn(new ComponentRenderer<>(this::minutes))
			.setHeader(getTranslation("consultations.column.minutes"))
			.setAutoWidth(true);
		this.communes.getColumns().forEach((column) -> column.setSortable(false));
	}

	private void number(String header, java.util.function.ToIntFunction<CommuneResult> value) {
		this.communes.addColumn((row) -> ConsultationFormat.number(this, value.applyAsInt(row)))
			.setHeader(getTranslation(header))
			.setAutoWidth(true);
	}

	private Component groupsReported(CommuneResult row) {
		Span text = new Span(getTranslation("consultations.groups-reported", row.groupsReported(), row.groups()));
		text.setId("groups-" + row.unit().code());
		if (row.groupsReported() < row.groups()) {
			text.setTitle(getTranslation("consultations.groups-not-done", row.groups() - row.groupsReported()));
			text.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		}
		return text;
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
					: certification(row.certified(), row.unit().id(), row.unit().code(), true)))
			.setHeader(getTranslation("consultations.column.certified"))
			.setAutoWidth(true);
		this.rollUps.getColumns().forEach((column) -> column.setSortable(false));
	}

	/**
	 * The certified mark, or the button to certify (for those who run consultations, once
	 * closed); the api decides whether the level below is certified.
	 */
	private Component certification(boolean certified, String unitId, @Nullable String code, boolean complete) {
		if (certified) {
			Span mark = ConsultationFormat.badge("✔ " + getTranslation("consultations.certified"), "#e3f6e8");
			mark.setId("certified-" + code);
			return mark;
		}
		ConsultationDetails consultation = this.details;
		if (consultation == null || !ConsultationFormat.mayRun()
				|| consultation.status() != ConsultationStatus.CLOSED) {
			return new Span("—");
		}
		Button certify = new Button(getTranslation("consultations.action.certify"),
				(click) -> change(() -> this.api.certify(consultation.id(), unitId)));
		certify.setId("certify-" + code);
		certify.addThemeVariants(ButtonVariant.SMALL);
		if (!complete) {
			certify.setTooltipText(getTranslation("consultations.certify.groups-missing"));
		}
		return certify;
	}

	private Component minutes(CommuneResult row) {
		Button pdf = new Button("PDF", VaadinIcon.FILE_TEXT_O.create(), (click) -> offer(
				() -> this.exports.minutesPdf(requireId(), row.unit().id(), String.valueOf(row.unit().code()))));
		pdf.setId("minutes-" + row.unit().code());
		pdf.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
		return pdf;
	}

	private void button(Button button, String buttonId, VaadinIcon icon, String key,
			Supplier<ConsultationPayload> action) {
		button.setId(buttonId);
		button.setText(getTranslation(key));
		button.setIcon(icon.create());
		button.setVisible(false);
		button.addClickListener((click) -> change(action));
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
	 * Fetches a file from the api's exports and offers it for download; says so when the
	 * api has none (yet).
	 */
	private void offer(Supplier<Optional<ConsultationExportsApi.File>> export) {
		this.download.removeAll();
		try {
			Optional<ConsultationExportsApi.File> file = export.get();
			if (file.isEmpty()) {
				Span none = new Span(getTranslation("consultations.export.unavailable"));
				none.setId("consultation-download-unavailable");
				this.download.add(none);
				return;
			}
			ConsultationExportsApi.File ready = file.get();
			Anchor link = new Anchor(
					DownloadHandler
						.fromInputStream((event) -> new DownloadResponse(new ByteArrayInputStream(ready.bytes()),
								ready.name(), ready.contentType(), ready.bytes().length)),
					getTranslation("consultations.export.ready", ready.name()));
			link.setId("consultation-download-link");
			this.download.add(link);
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "consultation-error", ex, () -> offer(export)));
		}
	}

	private String requireId() {
		if (this.id == null) {
			throw new IllegalStateException("No consultation on this page");
		}
		return this.id;
	}

}

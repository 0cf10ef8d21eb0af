package vn.ydan.admin.audit.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.audit.AuditApi;
import vn.ydan.admin.audit.AuditEntry;
import vn.ydan.admin.audit.AuditExportsApi;
import vn.ydan.admin.audit.AuditFilter;
import vn.ydan.admin.audit.AuditPage;
import vn.ydan.admin.audit.AuditVerification;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.i18n.Translations;

/**
 * The audit log for administrators: every change made through the api (and every refused
 * attempt), newest first, filtered by user, unit (by code), kind and days; a row opens on
 * its arguments, the states before and after and its hash. "Verify" walks the whole hash
 * chain in the api and says whether the log is intact or where it was tampered with;
 * "Export CSV" offers the file of the current filter as a link: following it streams the
 * api's download ({@code /exports/audit/entries.csv}, with the user's token) through to
 * the browser, so that the console never holds the file (up to 100,000 entries).
 * <p>
 * Ids: {@code audit-actor}, {@code audit-unit}, {@code audit-kind}, {@code audit-from},
 * {@code audit-to}, {@code audit-grid}, {@code audit-more}, {@code audit-verify},
 * {@code audit-verification}, {@code audit-csv}, {@code audit-csv-download},
 * {@code audit-error}.
 */
@Route("audit")
@Menu(title = "nav.audit", order = 90, icon = "vaadin:clipboard-text")
@RolesAllowed("admin")
public class AuditView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

	private final AuditApi api;

	private final AuditExportsApi exports;

	private final H2 title = new H2();

	private final TextField actor = new TextField();

	private final TextField unit = new TextField();

	/** Names of units by id and day, looked up once per page. */
	private final Map<String, String> unitNames = new HashMap<>();

	private final ComboBox<String> kind = new ComboBox<>();

	private final DatePicker from = new DatePicker();

	private final DatePicker to = new DatePicker();

	private final Grid<AuditEntry> grid = new Grid<>();

	private final List<Grid.Column<AuditEntry>> columns = new ArrayList<>();

	private final Button more = new Button();

	private final Button verify = new Button();

	private final Div verification = new Div();

	private final Button csv = new Button();

	private final Div download = new Div();

	private final Div problem = new Div();

	private final List<AuditEntry> shown = new ArrayList<>();

	private AuditFilter filter = AuditFilter.NONE;

	private @Nullable String endCursor;

	/** What following the prepared CSV link answers (tests follow it here). */
	private @Nullable Supplier<DownloadResponse> csvFile;

	public AuditView(AuditApi api, AuditExportsApi exports) {
		this.api = api;
		this.exports = exports;
		setId("audit-view");
		setSizeFull();

		this.actor.setId("audit-actor");
		this.actor.setClearButtonVisible(true);
		this.actor.setValueChangeMode(ValueChangeMode.LAZY);
		this.actor.addValueChangeListener((change) -> reload());
		this.unit.setId("audit-unit");
		this.unit.setClearButtonVisible(true);
		this.unit.setValueChangeMode(ValueChangeMode.LAZY);
		this.unit.setWidth("9rem");
		this.unit.addValueChangeListener((change) -> reload());
		this.kind.setId("audit-kind");
		this.kind.setAllowCustomValue(true);
		this.kind.setClearButtonVisible(true);
		this.kind.setWidth("18rem");
		this.kind.addCustomValueSetListener((custom) -> this.kind.setValue(custom.getDetail()));
		this.kind.addValueChangeListener((change) -> reload());
		this.from.setId("audit-from");
		this.from.setClearButtonVisible(true);
		this.from.addValueChangeListener((change) -> reload());
		this.to.setId("audit-to");
		this.to.setClearButtonVisible(true);
		this.to.addValueChangeListener((change) -> reload());
		HorizontalLayout filters = new HorizontalLayout(this.actor, this.unit, this.kind, this.from, this.to);
		filters.setAlignItems(FlexComponent.Alignment.BASELINE);
		filters.setWrap(true);

		this.verify.setId("audit-verify");
		this.verify.setIcon(VaadinIcon.SHIELD.create());
		this.verify.addClickListener((click) -> verify());
		this.verification.setId("audit-verification");
		this.csv.setId("audit-csv");
		this.csv.setIcon(VaadinIcon.DOWNLOAD.create());
		this.csv.addClickListener((click) -> exportCsv());
		HorizontalLayout actions = new HorizontalLayout(this.verify, this.csv, this.download);
		actions.setAlignItems(FlexComponent.Alignment.CENTER);

		this.grid.setId("audit-grid");
		this.grid.addThemeVariants(GridVariant.ROW_STRIPES);
		this.grid.setSizeFull();
		this.columns.add(this.grid.addColumn(AuditEntry::seq).setWidth("6rem").setFlexGrow(0));
		this.columns.add(this.grid.addColumn((entry) -> time(entry.at())).setAutoWidth(true).setFlexGrow(0));
		this.columns.add(this.grid.addColumn(AuditView::who).setFlexGrow(2));
		this.columns.add(this.grid.addColumn(this::action).setFlexGrow(3));
		this.columns.add(this.grid.addColumn(new ComponentRenderer<>(this::outcome)).setAutoWidth(true));
		this.columns.add(this.grid.addColumn((entry) -> orEmpty(entry.summary())).setFlexGrow(3));
		this.columns.add(this.grid.addColumn((entry) -> orEmpty(entry.clientId())).setAutoWidth(true));
		this.columns.add(this.grid.addColumn(AuditEntry::requestId).setAutoWidth(true));
		this.columns.forEach((column) -> column.setSortable(false));
		this.grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));

		this.more.setId("audit-more");
		this.more.addThemeVariants(ButtonVariant.TERTIARY);
		this.more.addClickListener((click) -> loadMore());
		this.more.setVisible(false);
		this.problem.setWidthFull();

		add(this.title, filters, actions, this.verification, this.problem, this.grid, this.more);
		setFlexGrow(1, this.grid);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		try {
			this.kind.setItems(this.api.kinds());
		}
		catch (ApiException ex) {
			// The list only helps typing; the reload below shows what is wrong.
			this.kind.setItems(List.of());
		}
		reload();
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("audit.title"));
		this.actor.setLabel(getTranslation("audit.filter.actor"));
		this.unit.setLabel(getTranslation("audit.filter.unit"));
		this.unit.setHelperText(getTranslation("audit.filter.unit.helper"));
		this.kind.setLabel(getTranslation("audit.filter.kind"));
		this.kind.setHelperText(getTranslation("audit.filter.kind.helper"));
		this.from.setLabel(getTranslation("audit.filter.from"));
		this.to.setLabel(getTranslation("audit.filter.to"));
		this.verify.setText(getTranslation("audit.verify"));
		this.csv.setText(getTranslation("audit.csv"));
		this.more.setText(getTranslation("audit.more"));
		String[] headers = { "audit.column.seq", "audit.column.at", "audit.column.actor", "audit.column.action",
				"audit.column.outcome", "audit.column.summary", "audit.column.client", "audit.column.request" };
		for (int i = 0; i < headers.length; i++) {
			this.columns.get(i).setHeader(getTranslation(headers[i]));
		}
		this.grid.setEmptyStateText(getTranslation("audit.none"));
		this.grid.getDataProvider().refreshAll();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("audit.title") + " · " + getTranslation("app.title");
	}

	private void reload() {
		this.problem.removeAll();
		this.download.removeAll();
		this.csvFile = null;
		this.unit.setInvalid(false);
		Optional<AuditFilter> chosen = chosenFilter();
		if (chosen.isEmpty()) {
			this.shown.clear();
			this.grid.setItems(this.shown);
			this.more.setVisible(false);
			return;
		}
		this.filter = chosen.get();
		this.shown.clear();
		this.endCursor = null;
		loadMore();
	}

	private void loadMore() {
		try {
			AuditPage page = this.api.entries(this.filter, this.endCursor);
			this.shown.addAll(page.entries());
			this.endCursor = page.endCursor();
			this.more.setVisible(page.hasNextPage());
			this.grid.setItems(this.shown);
		}
		catch (ApiException failure) {
			failed(failure, this::reload);
		}
	}

	/** The filter in the fields; empty when the unit code names no unit. */
	private Optional<AuditFilter> chosenFilter() {
		String unitId = null;
		String code = this.unit.getValue().strip();
		if (!code.isEmpty()) {
			try {
				Optional<AuditApi.UnitFound> found = this.api.unitByCode(code);
				if (found.isEmpty()) {
					this.unit.setErrorMessage(getTranslation("audit.filter.unit.unknown", code));
					this.unit.setInvalid(true);
					return Optional.empty();
				}
				unitId = found.get().id();
				this.unit.setHelperText(found.get().fullName());
			}
			catch (ApiException failure) {
				failed(failure, this::reload);
				return Optional.empty();
			}
		}
		else {
			this.unit.setHelperText(getTranslation("audit.filter.unit.helper"));
		}
		return Optional.of(new AuditFilter(this.actor.getValue(), unitId, this.kind.getValue(), this.from.getValue(),
				this.to.getValue()));
	}

	private void verify() {
		this.verification.removeAll();
		try {
			AuditVerification result = this.api.verify();
			Span text = new Span();
			text.setId("audit-verification-result");
			if (result.verified()) {
				text.setText(getTranslation("audit.verify.ok", result.entries(), result.durationMs() / 1000.0,
						result.headSeq(), result.headHash()));
				text.getStyle().set("color", "var(--lumo-success-text-color, #1b5e20)");
			}
			else {
				text.setText(getTranslation("audit.verify.broken", result.firstBrokenSeq(), orEmpty(result.reason()),
						result.entries()));
				text.getStyle().set("color", "var(--lumo-error-text-color, #c62828)").set("font-weight", "bold");
			}
			this.verification.add(text);
		}
		catch (ApiException failure) {
			failed(failure, this::verify);
		}
	}

	/**
	 * Offers the file of the filter shown now; nothing is asked of the api until the link
	 * is followed.
	 */
	private void exportCsv() {
		this.download.removeAll();
		AuditFilter chosen = this.filter;
		String name = "nhat-ky-kiem-toan-" + LocalDate.now(VIETNAM) + ".csv";
		Supplier<DownloadResponse> file = () -> csvFile(chosen, name);
		this.csvFile = file;
		Anchor link = new Anchor(DownloadHandler.fromInputStream((event) -> file.get()),
				getTranslation("audit.csv.ready", name));
		link.setId("audit-csv-download");
		this.download.add(link);
	}

	/**
	 * The api's response stream, handed to Vaadin, which copies it to the browser and
	 * closes it: the file is never held here.
	 */
	private DownloadResponse csvFile(AuditFilter chosen, String name) {
		try {
			return new DownloadResponse(this.exports.openCsv(chosen), name, "text/csv; charset=UTF-8", -1);
		}
		catch (ApiException failure) {
			return DownloadResponse.error(502, failure.getMessage());
		}
	}

	/** What following the prepared CSV link answers, as when the browser follows it. */
	DownloadResponse followCsv() {
		Supplier<DownloadResponse> file = this.csvFile;
		if (file == null) {
			throw new IllegalStateException("No CSV link prepared");
		}
		return file.get();
	}

	private void failed(ApiException failure, Runnable retry) {
		this.problem.removeAll();
		this.problem.add(Problem.of(this, "audit-error", failure, retry));
	}

	private Component outcome(AuditEntry entry) {
		String label = getTranslation("audit.outcome." + entry.outcome());
		if (!entry.codes().isEmpty()) {
			label += " (" + String.join(", ", entry.codes()) + ")";
		}
		Span span = new Span(label);
		span.getElement().getThemeList().add(entry.succeeded() ? "badge success" : "badge error");
		return span;
	}

	/**
	 * An entry for people: a sentence with the names of the units it touched; the raw
	 * data (what was sent, before, after, as JSON) behind a toggle.
	 */
	private Component details(AuditEntry entry) {
		VerticalLayout details = new VerticalLayout();
		details.setPadding(false);
		details.setSpacing(false);
		Span sentence = new Span(getTranslation("audit.sentence", who(entry), action(entry), time(entry.at()),
				getTranslation("audit.outcome." + entry.outcome())));
		sentence.setId("audit-sentence-" + entry.seq());
		details.add(sentence);
		details.add(line("audit.details.roles", String.join(", ", entry.roles())));
		VerticalLayout raw = new VerticalLayout(json("audit.details.input", entry.input()),
				json("audit.details.before", entry.before()), json("audit.details.after", entry.after()),
				line("audit.details.units", String.join(", ", entry.unitIds())),
				line("audit.details.kind", entry.kind()), line("audit.details.hash", entry.hash()));
		raw.setPadding(false);
		raw.setSpacing(false);
		Details toggle = new Details(getTranslation("audit.details.raw"), raw);
		toggle.setId("audit-raw-" + entry.seq());
		toggle.setOpened(false);
		details.add(toggle);
		return details;
	}

	/**
	 * What was done, in words, with the units' names: "sửa đơn vị: Phường Phúc Xá". A
	 * kind the console has no words for shows as it is.
	 */
	String action(AuditEntry entry) {
		String key = "audit.kind." + entry.kind().replace(':', '.');
		String words = getTranslation(key);
		if (words.equals(Translations.missing(key))) {
			words = entry.kind();
		}
		if (entry.unitIds().isEmpty()) {
			return words;
		}
		String day = day(entry.at());
		List<String> names = entry.unitIds().stream().map((id) -> unitName(id, day)).toList();
		return words + ": " + String.join(", ", names);
	}

	private String unitName(String id, @Nullable String day) {
		return this.unitNames.computeIfAbsent(id + "@" + day, (key) -> {
			try {
				return this.api.unitName(id, day).orElse(id);
			}
			catch (ApiException ex) {
				return id;
			}
		});
	}

	private static @Nullable String day(String at) {
		try {
			return Instant.parse(at).atZone(VIETNAM).toLocalDate().toString();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private Component line(String key, String value) {
		return new Span(getTranslation(key) + ": " + (value.isEmpty() ? "—" : value));
	}

	private Component json(String key, @Nullable String value) {
		if (value == null) {
			return line(key, "");
		}
		Pre pre = new Pre(value);
		pre.getStyle().set("white-space", "pre-wrap").set("margin", "0");
		return new Div(new Span(getTranslation(key) + ":"), pre);
	}

	private static String who(AuditEntry entry) {
		return (entry.displayName() != null) ? entry.displayName() + " (" + entry.actor() + ")" : entry.actor();
	}

	static String time(String at) {
		try {
			return TIME.format(Instant.parse(at));
		}
		catch (RuntimeException ex) {
			return at;
		}
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}

package vn.ydan.admin.consultations.ui;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.RowError;
import vn.ydan.admin.consultations.ConsultationDetails;
import vn.ydan.admin.consultations.ConsultationStatus;
import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.consultations.ConsultedUnit;
import vn.ydan.admin.consultations.GroupRow;
import vn.ydan.admin.consultations.HouseholdImportResult;
import vn.ydan.admin.consultations.HouseholdStatus;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.files.Uploads;
import vn.ydan.admin.i18n.DatePickers;

/**
 * The household register of a consultation's communes: officials and admins import it
 * from CSV ({@code commune_code,group_code,group_name,household_id}, all or nothing, line
 * errors listed) until the consultation opens and freezes it; clerks print, per
 * residential group, the list a work group takes door to door, the households that
 * answered online marked so that nobody brings them a form.
 * <p>
 * Ids: {@code households-view}, {@code households-upload}, {@code households-as-of},
 * {@code households-import-start}, {@code households-import-summary},
 * {@code households-import-errors}, {@code households-frozen},
 * {@code households-commune}, {@code households-group}, {@code households-list},
 * {@code households-list-summary}, {@code households-print}, {@code households-error}.
 */
@Route("consultations/:id/households")
@RolesAllowed({ "admin", "official", "clerk" })
public class HouseholdsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	static final int MAX_BYTES = 20 * 1024 * 1024;

	private final ConsultationsApi api;

	private final H2 title = new H2();

	private final Upload upload = new Upload();

	private final DatePicker asOf = new DatePicker();

	private final Span summary = new Span();

	private final Span frozen = new Span();

	private final Grid<RowError> errors = new Grid<>();

	// Hanoi has 526 communes: typed, not scrolled through.
	private final ComboBox<ConsultedUnit> commune = new ComboBox<>();

	private final Select<GroupRow> group = new Select<>();

	private final Grid<HouseholdStatus> list = new Grid<>();

	private final Span listSummary = new Span();

	private final Div problem = new Div();

	private final Button start = new Button();

	private byte @Nullable [] received;

	private @Nullable ConsultationDetails consultation;

	public HouseholdsView(ConsultationsApi api) {
		this.api = api;
		setId("households-view");
		setWidthFull();
		Button back = new Button(getTranslation("consultations.back"), VaadinIcon.ARROW_LEFT.create(),
				(click) -> back());
		back.setId("households-back");
		back.addThemeVariants(ButtonVariant.TERTIARY);
		back.addClassName("no-print");

		H3 importTitle = new H3(getTranslation("consultations.households.import"));
		Span format = new Span(getTranslation("consultations.households.format"));
		this.asOf.setId("households-as-of");
		this.asOf.setLabel(getTranslation("consultations.households.as-of"));
		this.asOf.setClearButtonVisible(true);
		this.asOf.setI18n(DatePickers.i18n(this));
		this.upload.setId("households-upload");
		this.upload.setMaxFiles(1);
		this.upload.setMaxFileSize(MAX_BYTES);
		this.upload.setAcceptedFileTypes(".csv", "text/csv");
		this.upload.setUploadHandler(this::receive);
		this.start.setId("households-import-start");
		this.start.addThemeVariants(ButtonVariant.PRIMARY);
		this.start.setIcon(VaadinIcon.UPLOAD.create());
		this.start.setVisible(false);
		this.start.addClickListener((click) -> importReceived());
		this.summary.setId("households-import-summary");
		this.frozen.setId("households-frozen");
		this.errors.setId("households-import-errors");
		this.errors.setAllRowsVisible(true);
		this.errors.addColumn(RowError::line)
			.setHeader(getTranslation("consultations.households.line"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.errors.addColumn((error) -> (error.column() != null) ? error.column() : "")
			.setHeader(getTranslation("consultations.households.column"))
			.setAutoWidth(true);
		this.errors.addColumn(RowError::message).setHeader(getTranslation("consultations.households.problem"));
		this.errors.addColumn(RowError::code).setHeader(getTranslation("consultations.households.code"));
		this.errors.setVisible(false);
		VerticalLayout importing = new VerticalLayout(importTitle, format, this.frozen, this.asOf, this.upload,
				this.start, this.summary, this.errors);
		importing.setPadding(false);
		importing.addClassName("no-print");
		importing.setVisible(ConsultationFormat.mayRun());

		H3 listTitle = new H3(getTranslation("consultations.households.list"));
		this.commune.setId("households-commune");
		this.commune.setLabel(getTranslation("consultations.tallies.commune"));
		this.commune.setItemLabelGenerator((unit) -> unit.unit().fullName());
		this.commune.setWidth("20rem");
		this.commune.addValueChangeListener((change) -> loadGroups());
		this.group.setId("households-group");
		this.group.setLabel(getTranslation("consultations.tallies.group"));
		this.group.setItemLabelGenerator((row) -> row.group().fullName());
		this.group.setWidth("20rem");
		this.group.addValueChangeListener((change) -> loadList());
		Button print = new Button(getTranslation("consultations.households.print"), VaadinIcon.PRINT.create(),
				(click) -> UI.getCurrent().getPage().executeJs("window.print()"));
		print.setId("households-print");
		print.addClassName("no-print");
		HorizontalLayout choose = new HorizontalLayout(this.commune, this.group, print);
		choose.setAlignItems(FlexComponent.Alignment.BASELINE);
		choose.setWrap(true);
		this.listSummary.setId("households-list-summary");
		this.list.setId("households-list");
		this.list.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS);
		this.list.setAllRowsVisible(true);
		this.list.addColumn(HouseholdStatus::householdId)
			.setHeader(getTranslation("consultations.households.household"))
			.setAutoWidth(true);
		this.list
			.addColumn((household) -> household.answeredOnline()
					? "✔ " + getTranslation("consultations.households.online") : "")
			.setHeader(getTranslation("consultations.households.answered"))
			.setAutoWidth(true);
		this.list.addColumn((household) -> "")
			.setHeader(getTranslation("consultations.households.form"))
			.setFlexGrow(1);
		this.problem.setWidthFull();
		// The printed page is the list: no navigation, no import, no buttons.
		getElement().executeJs(
				"""
						if (!document.getElementById('ydan-print-style')) {
						  const style = document.createElement('style');
						  style.id = 'ydan-print-style';
						  style.textContent = '@media print { vaadin-app-layout::part(drawer), vaadin-app-layout::part(navbar), .no-print { display: none !important; } }';
						  document.head.appendChild(style);
						}""");
		add(back, this.title, this.problem, importing, listTitle, choose, this.listSummary, this.list);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String id = event.getRouteParameters().get(ConsultationView.ID).orElse(null);
		this.problem.removeAll();
		if (id == null) {
			return;
		}
		try {
			Optional<ConsultationDetails> found = this.api.consultation(id);
			if (found.isEmpty()) {
				this.problem.add(Problem.box(this, "households-error", getTranslation("consultations.not-found"), false,
						() -> UI.getCurrent().navigate(ConsultationsView.class)));
				return;
			}
			ConsultationDetails current = found.get();
			this.consultation = current;
			this.title.setText(getTranslation("consultations.households.title", current.title()));
			this.asOf.setValue(openingDay(current));
			boolean isFrozen = current.status() != ConsultationStatus.SCHEDULED;
			this.frozen.setText(isFrozen ? getTranslation("consultations.households.frozen") : "");
			this.commune.setItems(current.units());
			if (!current.units().isEmpty()) {
				this.commune.setValue(current.units().get(0));
			}
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "households-error", ex, () -> UI.getCurrent().getPage().reload()));
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("consultations.households.page-title") + " · " + getTranslation("app.title");
	}

	private static LocalDate openingDay(ConsultationDetails consultation) {
		return LocalDate.ofInstant(Instant.parse(consultation.opensAt()), ConsultationsApi.VIETNAM);
	}

	private void back() {
		if (this.consultation != null) {
			UI.getCurrent()
				.navigate(ConsultationView.class, new RouteParameters(ConsultationView.ID, this.consultation.id()));
		}
	}

	/** Runs outside the session lock, as Vaadin calls upload handlers. */
	private void receive(UploadEvent event) throws IOException {
		UI ui = event.getUI();
		byte[] bytes = Uploads.readAtMost(event.getInputStream(), MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			event.reject("too big");
			ui.access(() -> this.summary.setText(getTranslation("consultations.households.too-big")));
			return;
		}
		String name = event.getFileName();
		ui.access(() -> {
			this.received = bytes;
			this.start.setText(getTranslation("consultations.households.start", name));
			this.start.setVisible(true);
			this.summary.setText("");
		});
	}

	/**
	 * Sends the file received; on a click, as a request of the user, whose token the api
	 * call needs (the upload's own thread has none to offer).
	 */
	private void importReceived() {
		byte[] bytes = this.received;
		if (bytes != null) {
			importFile(bytes);
		}
	}

	private void importFile(byte[] bytes) {
		this.problem.removeAll();
		this.errors.setVisible(false);
		String csv = Uploads.utf8Text(bytes).orElse(null);
		if (csv == null) {
			this.summary.setText(getTranslation("consultations.households.not-utf8"));
			return;
		}
		HouseholdImportResult result;
		try {
			result = this.api.importHouseholds(csv, this.asOf.getValue());
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "households-error", ex, () -> {
			}));
			return;
		}
		finally {
			this.upload.clearFileList();
			this.received = null;
			this.start.setVisible(false);
		}
		if (!result.rowErrors().isEmpty()) {
			this.summary
				.setText(getTranslation("consultations.households.rejected", result.rows(), result.rowErrors().size()));
			this.errors.setItems(result.rowErrors());
			this.errors.setVisible(true);
			return;
		}
		this.summary.setText(getTranslation("consultations.households.imported", result.households(), result.rows(),
				result.durationMs()));
		loadGroups();
	}

	private void loadGroups() {
		ConsultationDetails current = this.consultation;
		ConsultedUnit unit = this.commune.getValue();
		if (current == null || unit == null) {
			return;
		}
		try {
			List<GroupRow> rows = this.api.groups(current.id(), unit.unit().id());
			this.group.setItems(rows);
			if (!rows.isEmpty()) {
				this.group.setValue(rows.get(0));
			}
			else {
				this.list.setItems(List.of());
				this.listSummary.setText(getTranslation("consultations.households.no-groups"));
			}
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "households-error", ex, this::loadGroups));
		}
	}

	private void loadList() {
		this.problem.removeAll();
		ConsultationDetails current = this.consultation;
		GroupRow row = this.group.getValue();
		if (current == null || row == null) {
			return;
		}
		try {
			List<HouseholdStatus> households = this.api.households(current.id(), row.group().id());
			this.list.setItems(households);
			long online = households.stream().filter(HouseholdStatus::answeredOnline).count();
			this.listSummary.setText(getTranslation("consultations.households.list-summary", row.group().fullName(),
					households.size(), online, households.size() - online));
		}
		catch (ApiException ex) {
			this.list.setItems(List.of());
			this.problem.add(Problem.of(this, "households-error", ex, this::loadList));
		}
	}

}

package vn.ydan.admin.units.ui;

import vn.ydan.admin.error.Problem;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.RowError;
import vn.ydan.admin.files.Uploads;
import vn.ydan.admin.units.ImportKind;
import vn.ydan.admin.units.ImportRequest;
import vn.ydan.admin.units.ImportResult;
import vn.ydan.admin.units.UnitImports;

/**
 * Admins import a CSV file of units: choose what it holds, upload it (the upload shows
 * its own progress), optionally as a dry run, and get either the summary (rows, created,
 * updated, unchanged, how long) or the rows that are wrong, with line, column and reason.
 * A file with errors is rejected as a whole by the api: nothing is half-imported.
 * <p>
 * The console refuses what the api could not read anyway, before sending it: files that
 * are not {@code .csv}, larger than {@value #MAX_MEGABYTES} MB, or not UTF-8 text. The
 * import itself runs in the background while an indeterminate progress bar shows; the
 * page polls for the end, which needs no push connection through proxies.
 * <p>
 * Ids: {@code units-import-kind}, {@code units-import-valid-from},
 * {@code units-import-dry-run}, {@code units-import-upload}, {@code units-import-file},
 * {@code units-import-file-error}, {@code units-import-start},
 * {@code units-import-progress}, {@code units-import-summary} and its
 * {@code units-import-rows|created|updated|unchanged|duration},
 * {@code units-import-rejected}, {@code units-import-errors}, {@code units-import-error}.
 */
@Route("units/import")
@Menu(title = "nav.units-import", order = 11, icon = "vaadin:upload")
@RolesAllowed("admin")
public class UnitImportView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

	static final int MAX_MEGABYTES = 20;

	static final int MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;

	private static final int POLL_MILLIS = 500;

	private static final Logger log = LoggerFactory.getLogger(UnitImportView.class);

	private final UnitImports imports;

	private final H2 title = new H2();

	private final Paragraph intro = new Paragraph();

	private final Select<ImportKind> kind = new Select<>();

	private final DatePicker validFrom = new DatePicker();

	private final Checkbox dryRun = new Checkbox();

	private final Upload upload = new Upload();

	private final Span file = new Span();

	private final Span fileError = new Span();

	private final Button start = new Button();

	private final ProgressBar progress = new ProgressBar();

	private final Span working = new Span();

	private final Div result = new Div();

	private @Nullable Received received;

	private @Nullable CompletableFuture<ImportResult> running;

	private @Nullable Finished finished;

	public UnitImportView(UnitImports imports) {
		this.imports = imports;
		setId("units-import-view");
		setMaxWidth("60rem");

		this.kind.setId("units-import-kind");
		this.kind.setItems(ImportKind.values());
		this.kind.setItemLabelGenerator((value) -> getTranslation(value.translationKey()));
		this.kind.setRequiredIndicatorVisible(true);
		this.kind.setWidth("26rem");
		this.kind.addValueChangeListener((change) -> this.kind.setInvalid(false));

		this.validFrom.setId("units-import-valid-from");
		this.validFrom.setClearButtonVisible(true);

		this.dryRun.setId("units-import-dry-run");

		this.upload.setId("units-import-upload");
		this.upload.setMaxFiles(1);
		this.upload.setMaxFileSize(MAX_BYTES);
		this.upload.setAcceptedFileTypes(".csv", "text/csv");
		this.upload.setUploadHandler(this::receive);
		// The browser's refusal (too big, not .csv) comes in the words set in setI18n.
		this.upload.addFileRejectedListener((rejected) -> showFileError(rejected.getErrorMessage()));
		this.upload.addFileRemovedListener((removed) -> forgetFile());

		this.file.setId("units-import-file");
		this.fileError.setId("units-import-file-error");
		this.fileError.getElement().setAttribute("role", "alert");
		this.fileError.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.fileError.setVisible(false);

		this.start.setId("units-import-start");
		this.start.setIcon(VaadinIcon.UPLOAD_ALT.create());
		this.start.addThemeVariants(ButtonVariant.PRIMARY);
		this.start.addClickListener((click) -> start());

		this.progress.setId("units-import-progress");
		this.progress.setIndeterminate(true);
		this.progress.setVisible(false);
		this.working.setId("units-import-working");
		this.working.setVisible(false);

		this.result.setId("units-import-result");
		this.result.setWidthFull();

		HorizontalLayout options = new HorizontalLayout(this.kind, this.validFrom);
		options.setAlignItems(FlexComponent.Alignment.BASELINE);
		options.setWrap(true);
		add(this.title, this.intro, options, this.dryRun, this.upload, this.file, this.fileError, this.start,
				this.progress, this.working, this.result);
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("units.import.title"));
		this.intro.setText(getTranslation("units.import.intro", MAX_MEGABYTES));
		this.kind.setLabel(getTranslation("units.import.kind"));
		this.kind.setItemLabelGenerator((value) -> getTranslation(value.translationKey()));
		this.validFrom.setLabel(getTranslation("units.import.valid-from"));
		this.validFrom.setHelperText(getTranslation("units.import.valid-from.helper"));
		this.validFrom.setI18n(UnitFormat.datePickerI18n(this));
		this.dryRun.setLabel(getTranslation("units.import.dry-run"));
		this.upload.setI18n(new UploadI18N()
			.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("units.import.upload.add")))
			.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("units.import.upload.drop")))
			.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("units.import.file.too-big", MAX_MEGABYTES))
				.setIncorrectFileType(getTranslation("units.import.file.not-csv"))
				.setTooManyFiles(getTranslation("units.import.file.one-only"))));
		this.start.setText(getTranslation("units.import.start"));
		this.working.setText(getTranslation("units.import.working"));
		this.progress.getElement().setAttribute("aria-label", getTranslation("units.import.working"));
		showFile();
		showResult();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("units.import.title") + " · " + getTranslation("app.title");
	}

	@Override
	protected void onDetach(DetachEvent event) {
		// Leaving the page stops the polling; the import goes on at the api regardless.
		event.getUI().setPollInterval(-1);
	}

	@Override
	protected void onAttach(AttachEvent event) {
		if (this.running != null) {
			event.getUI().setPollInterval(POLL_MILLIS);
		}
	}

	/**
	 * Runs outside the session lock (Vaadin calls upload handlers so), reading the file
	 * once: a file over the limit is refused as soon as it is known to be, even when the
	 * browser did not say its size.
	 */
	private void receive(UploadEvent event) throws IOException {
		UI ui = event.getUI();
		String name = event.getFileName();
		if (!isCsv(name)) {
			event.reject("not a CSV file");
			ui.access(() -> showFileError(getTranslation("units.import.file.not-csv")));
			return;
		}
		if (event.getFileSize() > MAX_BYTES) {
			event.reject("too big");
			ui.access(() -> showFileError(getTranslation("units.import.file.too-big", MAX_MEGABYTES)));
			return;
		}
		byte[] bytes = Uploads.readAtMost(event.getInputStream(), MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			event.reject("too big");
			ui.access(() -> showFileError(getTranslation("units.import.file.too-big", MAX_MEGABYTES)));
			return;
		}
		ui.access(() -> accept(name, bytes));
	}

	private void accept(String name, byte[] bytes) {
		// A byte-order mark (Excel writes one) is not part of the first column's name.
		String text = Uploads.utf8Text(bytes).orElse(null);
		if (text == null) {
			this.received = null;
			showFile();
			showFileError(getTranslation("units.import.file.not-utf8"));
			return;
		}
		this.received = new Received(name, bytes.length, text);
		this.fileError.setVisible(false);
		showFile();
	}

	private void forgetFile() {
		this.received = null;
		showFile();
	}

	private void start() {
		Received csv = this.received;
		ImportKind what = this.kind.getValue();
		if (what == null) {
			this.kind.setErrorMessage(getTranslation("units.import.kind.required"));
			this.kind.setInvalid(true);
		}
		if (csv == null) {
			showFileError(getTranslation("units.import.file.required"));
		}
		if (what == null || csv == null || this.running != null) {
			return;
		}
		this.finished = null;
		showResult();
		UI ui = UI.getCurrent();
		CompletableFuture<ImportResult> task;
		try {
			task = this.imports
				.start(new ImportRequest(what, csv.text(), this.validFrom.getValue(), this.dryRun.getValue()));
		}
		catch (ApiException ex) {
			this.finished = new Finished(null, ex, this.dryRun.getValue());
			showResult();
			return;
		}
		this.running = task;
		boolean dry = this.dryRun.getValue();
		showRunning(true);
		ui.setPollInterval(POLL_MILLIS);
		task.whenComplete((answer, failure) -> {
			try {
				ui.access(() -> done(answer, failure, dry));
			}
			catch (UIDetachedException ex) {
				log.debug("The import ended after its page was closed");
			}
		});
	}

	private void done(@Nullable ImportResult answer, @Nullable Throwable failure, boolean dry) {
		this.running = null;
		UI.getCurrent().setPollInterval(-1);
		showRunning(false);
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause != null && !(cause instanceof ApiException)) {
			log.error("The import failed unexpectedly", cause);
		}
		this.finished = new Finished(answer, cause, dry);
		showResult();
		// The upload takes one file at a time: emptied, it takes the corrected file; the
		// last one stays below it, to be imported again (e.g. after a dry run).
		this.upload.clearFileList();
	}

	private void showRunning(boolean on) {
		this.progress.setVisible(on);
		this.working.setVisible(on);
		this.start.setEnabled(!on);
		this.upload.setEnabled(!on);
		this.kind.setReadOnly(on);
		this.validFrom.setReadOnly(on);
		this.dryRun.setReadOnly(on);
	}

	private void showFile() {
		Received csv = this.received;
		this.file.setText((csv != null) ? getTranslation("units.import.file", csv.name(), kilobytes(csv.size())) : "");
		this.file.setVisible(csv != null);
	}

	private void showFileError(String message) {
		this.fileError.setText(message);
		this.fileError.setVisible(true);
	}

	private String kilobytes(long bytes) {
		return UnitFormat.number(this, Math.max(1, Math.round(bytes / 1024.0)));
	}

	private void showResult() {
		this.result.removeAll();
		Finished outcome = this.finished;
		if (outcome == null) {
			return;
		}
		Throwable failure = outcome.failure();
		ImportResult answer = outcome.result();
		if (failure != null || answer == null) {
			String key = (failure instanceof ApiException known) ? known.messageKey() : "error.unexpected";
			this.result.add(Problem.box(this, "units-import-error", getTranslation(key), false, this::start));
			return;
		}
		if (answer.rowErrors().isEmpty()) {
			this.result.add(summary(answer, outcome.dryRun()));
		}
		else {
			this.result.add(rejected(answer));
		}
	}

	private Component summary(ImportResult answer, boolean dry) {
		Div summary = new Div();
		summary.setId("units-import-summary");
		Paragraph headline = new Paragraph(getTranslation(dry ? "units.import.done.dry-run" : "units.import.done"));
		headline.setId("units-import-done");
		summary.add(headline, field("units.import.rows", "units-import-rows", UnitFormat.number(this, answer.rows())),
				field("units.import.created", "units-import-created", UnitFormat.number(this, answer.created())),
				field("units.import.updated", "units-import-updated", UnitFormat.number(this, answer.updated())),
				field("units.import.unchanged", "units-import-unchanged", UnitFormat.number(this, answer.unchanged())),
				field("units.import.duration", "units-import-duration", duration(answer.durationMs())));
		return summary;
	}

	private Component rejected(ImportResult answer) {
		VerticalLayout rejected = new VerticalLayout();
		rejected.setPadding(false);
		Span message = new Span(getTranslation("units.import.rejected", answer.rowErrors().size()));
		message.setId("units-import-rejected");
		message.getElement().setAttribute("role", "alert");
		message.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		Grid<RowError> errors = new Grid<>();
		errors.setId("units-import-errors");
		errors.addColumn(RowError::line)
			.setHeader(getTranslation("units.import.errors.line"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		errors.addColumn((error) -> (error.column() != null) ? error.column() : "")
			.setHeader(getTranslation("units.import.errors.column"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		errors.addColumn(RowError::message).setHeader(getTranslation("units.import.errors.message")).setFlexGrow(1);
		errors.addColumn(RowError::code)
			.setHeader(getTranslation("units.import.errors.code"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		errors.setItems(answer.rowErrors());
		if (answer.rowErrors().size() <= 20) {
			errors.setAllRowsVisible(true);
		}
		else {
			errors.setHeight("32rem");
		}
		rejected.add(message, errors);
		return rejected;
	}

	private String duration(int millis) {
		if (millis < 1000) {
			return getTranslation("units.import.duration.ms", UnitFormat.number(this, millis));
		}
		return getTranslation("units.import.duration.s", UnitFormat.number(this, millis / 1000.0));
	}

	private Div field(String labelKey, String valueId, String value) {
		Span label = new Span(getTranslation(labelKey));
		label.getStyle().set("color", "var(--vaadin-text-color-secondary, #52606d)").set("min-width", "12rem");
		Span text = new Span(value);
		text.setId(valueId);
		Div row = new Div(label, text);
		row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem");
		return row;
	}

	static boolean isCsv(@Nullable String fileName) {
		return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
	}

	/** A file that arrived, as text. */
	private record Received(String name, long size, String text) {
	}

	/** How the last import ended: an answer, or a failure. */
	private record Finished(@Nullable ImportResult result, @Nullable Throwable failure, boolean dryRun) {
	}

}

package vn.ydan.admin.plans.ui;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.RowError;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.files.Uploads;
import vn.ydan.admin.plans.PlanImportResult;

/**
 * Replaces a draft's new units with a CSV table of links (the resolutions' annex as a
 * file): all or nothing. A file with errors changes nothing and lists them by line.
 * <p>
 * Ids: {@code plan-import-intro}, {@code plan-import-upload},
 * {@code plan-import-summary}, {@code plan-import-rejected}, {@code plan-import-errors},
 * {@code plan-import-error}.
 */
final class ImportPanel extends VerticalLayout {

	static final int MAX_MEGABYTES = 10;

	static final int MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;

	private final Consumer<String> onFile;

	private final Paragraph intro = new Paragraph();

	private final Upload upload = new Upload();

	private final Div result = new Div();

	/** A file received and read, waiting for the upload to end. */
	private @Nullable String pending;

	ImportPanel(Consumer<String> onFile) {
		this.onFile = onFile;
		setPadding(false);
		this.intro.setId("plan-import-intro");
		this.upload.setId("plan-import-upload");
		this.upload.setMaxFiles(1);
		this.upload.setMaxFileSize(MAX_BYTES);
		this.upload.setAcceptedFileTypes(".csv", "text/csv");
		this.upload.setUploadHandler(this::receive);
		// The handler runs where the user's token is out of reach; the import starts on
		// the round trip the browser makes when the upload has ended.
		this.upload.addAllFinishedListener((finished) -> {
			this.upload.clearFileList();
			String text = this.pending;
			this.pending = null;
			if (text != null) {
				this.onFile.accept(text);
			}
		});
		this.result.setId("plan-import-result");
		this.result.setWidthFull();
		add(this.intro, this.upload, this.result);
	}

	void localize() {
		this.intro.setText(getTranslation("plans.import.intro", MAX_MEGABYTES));
		this.upload.setI18n(new UploadI18N()
			.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("units.import.upload.add")))
			.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("units.import.upload.drop")))
			.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("units.import.file.too-big", MAX_MEGABYTES))
				.setIncorrectFileType(getTranslation("units.import.file.not-csv"))
				.setTooManyFiles(getTranslation("units.import.file.one-only"))));
	}

	/** Outside the session lock, as Vaadin calls upload handlers. */
	private void receive(UploadEvent event) throws IOException {
		UI ui = event.getUI();
		String name = event.getFileName();
		if (name == null || !name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			event.reject("not a CSV file");
			ui.access(() -> fileError(getTranslation("units.import.file.not-csv")));
			return;
		}
		byte[] bytes = Uploads.readAtMost(event.getInputStream(), MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			event.reject("too big");
			ui.access(() -> fileError(getTranslation("units.import.file.too-big", MAX_MEGABYTES)));
			return;
		}
		ui.access(() -> accept(bytes));
	}

	private void accept(byte[] bytes) {
		String text = Uploads.utf8Text(bytes).orElse(null);
		if (text == null) {
			fileError(getTranslation("units.import.file.not-utf8"));
			return;
		}
		clear();
		this.pending = text;
	}

	void clear() {
		this.result.removeAll();
	}

	void show(PlanImportResult answer) {
		clear();
		if (!answer.requestErrors().isEmpty()) {
			fileError(String.join(" ", answer.requestErrors().stream().map(UserError::message).toList()));
			return;
		}
		if (!answer.rowErrors().isEmpty()) {
			Span message = new Span(getTranslation("plans.import.rejected", answer.rowErrors().size()));
			message.setId("plan-import-rejected");
			message.getElement().setAttribute("role", "alert");
			message.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
			Grid<RowError> errors = new Grid<>();
			errors.setId("plan-import-errors");
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
			errors.setHeight("20rem");
			this.result.add(message, errors);
			return;
		}
		Span done = new Span(getTranslation("plans.import.done", answer.rows(), answer.proposedUnits(), answer.links(),
				answer.durationMs()));
		done.setId("plan-import-summary");
		done.getStyle().set("color", "#1b7f3b");
		this.result.add(done);
	}

	void failed(ApiException failure) {
		clear();
		this.result.add(Problem.of(this, "plan-import-error", failure, this::clear));
	}

	private void fileError(String text) {
		clear();
		Span error = new Span(text);
		error.setId("plan-import-rejected");
		error.getElement().setAttribute("role", "alert");
		error.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.result.add(error);
	}

}

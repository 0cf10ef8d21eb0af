package vn.ydan.admin.units.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.ApiForbiddenException;
import vn.ydan.admin.api.UserError;

/**
 * The api's refusals on a form: a {@code userError} that names an input field goes under
 * that field, the others (and a refusal of the whole call) into the form's message line.
 */
final class ServerErrors {

	private final Component form;

	private final Map<String, HasValidation> fields;

	private final Span message;

	private final String forbiddenKey;

	ServerErrors(Component form, Map<String, HasValidation> fields, Span message, String forbiddenKey) {
		this.form = form;
		this.fields = fields;
		this.message = message;
		this.forbiddenKey = forbiddenKey;
		message.getElement().setAttribute("role", "alert");
		message.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		message.setVisible(false);
	}

	void clear() {
		this.message.setText("");
		this.message.setVisible(false);
	}

	void show(List<UserError> errors) {
		List<String> general = new ArrayList<>();
		for (UserError error : errors) {
			HasValidation field = error.fieldName().map(this.fields::get).orElse(null);
			if (isConflict(error)) {
				general.add(this.form.getTranslation("units.edit.conflict"));
			}
			else if (field != null) {
				field.setErrorMessage(error.message());
				field.setInvalid(true);
			}
			else {
				general.add(error.message());
			}
		}
		if (!general.isEmpty()) {
			show(String.join(" ", general));
		}
	}

	void show(ApiException failure) {
		show(this.form
			.getTranslation((failure instanceof ApiForbiddenException) ? this.forbiddenKey : failure.messageKey()));
	}

	private void show(String text) {
		this.message.setText(text);
		this.message.setVisible(true);
	}

	/**
	 * Someone else changed the unit meanwhile. The api's code for it is not pinned down
	 * yet; any code that speaks of a conflict or a version counts.
	 */
	private static boolean isConflict(UserError error) {
		String code = error.code().toUpperCase(Locale.ROOT);
		return code.contains("CONFLICT") || code.contains("VERSION") || code.contains("STALE");
	}

}

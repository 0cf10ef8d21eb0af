package vn.ydan.admin.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before an irreversible step (ending a consultation, publishing, certifying,
 * adopting, applying, removing, disabling): a dialog that says in the user's words what
 * will happen, with the step's own name on the button and "Cancel" beside it. The step
 * runs only when confirmed.
 */
public final class Confirmation {

	private Confirmation() {
	}

	/**
	 * Opens the dialog.
	 * @param on the component asking (for translations)
	 * @param id the dialog's id; its buttons are found by the dialog's
	 * @param header what is asked, as a question
	 * @param text what will happen, and that it cannot be undone
	 * @param confirm the step's name, on the confirming button
	 * @param step what runs when confirmed
	 * @return the open dialog
	 */
	public static ConfirmDialog ask(Component on, String id, String header, String text, String confirm,
			Runnable step) {
		ConfirmDialog dialog = new ConfirmDialog();
		dialog.setId(id);
		dialog.setHeader(header);
		dialog.setText(text);
		dialog.setConfirmText(confirm);
		dialog.setConfirmButtonTheme("primary error");
		dialog.setCancelable(true);
		dialog.setCancelText(on.getTranslation("action.cancel"));
		dialog.addConfirmListener((event) -> step.run());
		dialog.open();
		return dialog;
	}

}

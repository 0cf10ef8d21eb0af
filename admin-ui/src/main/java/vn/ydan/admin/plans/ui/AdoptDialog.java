package vn.ydan.admin.plans.ui;

import java.time.LocalDate;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.plans.Adoption;
import vn.ydan.admin.plans.PlanDetails;
import vn.ydan.admin.plans.PlanStatus;

/**
 * Records the act adopting a plan: its number, the day it was passed, and the effective
 * date when the act sets another than the plan's. A plan whose consultation results are
 * not published needs a reason (an override): the first official asks, a second person
 * confirms the same act, here pre-filled. An effective date before today needs the box
 * ticked.
 * <p>
 * Ids: {@code plan-adopt-dialog}, {@code plan-adopt-number}, {@code plan-adopt-date},
 * {@code plan-adopt-effective-date}, {@code plan-adopt-reason}, {@code plan-adopt-past},
 * {@code plan-adopt-save}.
 */
final class AdoptDialog extends Dialog {

	private final TextField number = new TextField();

	private final DatePicker date = new DatePicker();

	private final DatePicker effectiveDate = new DatePicker();

	private final TextArea reason = new TextArea();

	private final Checkbox past = new Checkbox();

	private final boolean needsReason;

	private final Consumer<Adoption> onSave;

	private final @Nullable LocalDate planDate;

	/** The names residents chose, offered ticked: unit key → its box. */
	private final java.util.Map<PlanDetails.ChosenName, Checkbox> chosen = new java.util.LinkedHashMap<>();

	AdoptDialog(PlanDetails plan, Consumer<Adoption> onSave) {
		this.onSave = onSave;
		this.planDate = plan.effectiveDate();
		setId("plan-adopt-dialog");
		setHeaderTitle(getTranslation("plans.adopt.title"));
		setWidth("34rem");
		this.number.setId("plan-adopt-number");
		this.number.setLabel(getTranslation("plans.adopt.number"));
		this.number.setPlaceholder("1656/NQ-UBTVQH15");
		this.number.setRequiredIndicatorVisible(true);
		this.number.setMaxLength(100);
		this.date.setId("plan-adopt-date");
		this.date.setLabel(getTranslation("plans.adopt.date"));
		this.date.setRequiredIndicatorVisible(true);
		this.date.setI18n(PlanFormat.datePickerI18n(this));
		this.effectiveDate.setId("plan-adopt-effective-date");
		this.effectiveDate.setLabel(getTranslation("plans.adopt.effective-date"));
		this.effectiveDate.setI18n(PlanFormat.datePickerI18n(this));
		this.effectiveDate.setValue(plan.effectiveDate());
		this.reason.setId("plan-adopt-reason");
		this.reason.setLabel(getTranslation("plans.adopt.reason"));
		this.reason.setMaxLength(1000);
		this.reason.setRequiredIndicatorVisible(true);
		this.past.setId("plan-adopt-past");
		this.past.setLabel(getTranslation("plans.adopt.past"));
		this.needsReason = plan.status() != PlanStatus.CONSULTED;
		this.reason.setVisible(this.needsReason);
		FormLayout form = new FormLayout(this.number, this.date, this.effectiveDate, this.reason, this.past);
		// The winning name of the published results, proposed for the act (ticked).
		for (PlanDetails.ChosenName name : plan.otherChosenNames()) {
			Checkbox box = new Checkbox(
					getTranslation("plans.adopt.chosen-name", name.chosenName(), name.proposedName()), true);
			box.setId("plan-adopt-name-" + name.unitKey());
			this.chosen.put(name, box);
			form.add(box);
		}
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
		PlanDetails.AdoptionOverride pending = plan.pendingOverride();
		if (this.needsReason) {
			Paragraph note = new Paragraph(
					(pending != null) ? getTranslation("plans.adopt.confirm-note", pending.requestedBy())
							: getTranslation("plans.adopt.override-note"));
			note.setId("plan-adopt-note");
			add(note);
		}
		if (pending != null) {
			this.number.setValue(pending.number());
			this.date.setValue(pending.date());
			this.effectiveDate.setValue(pending.effectiveDate());
			this.reason.setValue(pending.reason());
		}
		add(form);
		Button save = new Button(getTranslation("plans.adopt.save"), (click) -> save());
		save.setId("plan-adopt-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		cancel.setId("plan-adopt-cancel");
		getFooter().add(cancel, save);
	}

	void save() {
		String text = this.number.getValue().strip();
		boolean ok = true;
		if (text.isEmpty()) {
			this.number.setErrorMessage(getTranslation("plans.adopt.number-required"));
			this.number.setInvalid(true);
			ok = false;
		}
		String why = this.reason.getValue().strip();
		if (this.needsReason && why.isEmpty()) {
			this.reason.setErrorMessage(getTranslation("plans.adopt.reason-required"));
			this.reason.setInvalid(true);
			ok = false;
		}
		if (this.date.getValue() == null) {
			this.date.setErrorMessage(getTranslation("plans.adopt.date-required"));
			this.date.setInvalid(true);
			ok = false;
		}
		if (!ok) {
			return;
		}
		LocalDate effective = this.effectiveDate.getValue();
		close();
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		this.chosen.forEach((name, box) -> {
			if (box.getValue()) {
				names.put(name.unitKey(), name.chosenName());
			}
		});
		this.onSave.accept(new Adoption(text, this.date.getValue(),
				(effective != null && !effective.equals(this.planDate)) ? effective : null,
				this.needsReason ? why : null, this.past.getValue(), names));
	}

}

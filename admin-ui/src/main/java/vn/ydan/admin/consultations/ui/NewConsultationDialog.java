package vn.ydan.admin.consultations.ui;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.consultations.ConsultationDetails;
import vn.ydan.admin.consultations.ConsultationPayload;
import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.consultations.NewConsultation;
import vn.ydan.admin.consultations.PassOperator;
import vn.ydan.admin.consultations.PlanChoice;
import vn.ydan.admin.i18n.DatePickers;

/**
 * A new consultation on a published plan: title, window (typed in Vietnam's local time,
 * sent with its offset), and the pass rule (more than / at least a percentage of all
 * households). The api's refusals show at their fields. A new round is the same dialog
 * for the communes that failed in a published consultation: its plan fixed, its communes
 * listed ({@code consultation-new-communes}).
 * <p>
 * Ids: {@code consultation-new-dialog}, {@code consultation-new-plan},
 * {@code consultation-new-title}, {@code consultation-new-opens},
 * {@code consultation-new-closes}, {@code consultation-new-operator},
 * {@code consultation-new-percent}, {@code consultation-new-save},
 * {@code consultation-new-error}.
 */
final class NewConsultationDialog extends Dialog {

	private final ConsultationsApi api;

	private final Consumer<String> created;

	private final ComboBox<PlanChoice> plan = new ComboBox<>();

	private final TextField title = new TextField();

	private final DateTimePicker opens = new DateTimePicker();

	private final DateTimePicker closes = new DateTimePicker();

	private final Select<PassOperator> operator = new Select<>();

	private final NumberField percent = new NumberField();

	private final Span error = new Span();

	/** The round this dialog creates, or null for a first round. */
	private final @Nullable NextRound round;

	/**
	 * A new round of a published consultation.
	 *
	 * @param previous the consultation whose failed communes are asked again
	 * @param plan its plan (fixed)
	 * @param communes the communes that failed
	 */
	record NextRound(ConsultationDetails previous, PlanChoice plan, List<UnitRef> communes) {
	}

	NewConsultationDialog(ConsultationsApi api, Consumer<String> created) {
		this(api, created, null);
	}

	NewConsultationDialog(ConsultationsApi api, Consumer<String> created, @Nullable NextRound round) {
		this.api = api;
		this.created = created;
		this.round = round;
		setId("consultation-new-dialog");
		setHeaderTitle(getTranslation((round != null) ? "consultations.round.title" : "consultations.new.title"));
		this.plan.setId("consultation-new-plan");
		this.plan.setLabel(getTranslation("consultations.new.plan"));
		this.plan.setItemLabelGenerator(PlanChoice::title);
		this.plan.setRequired(true);
		this.plan.addValueChangeListener((change) -> {
			if (change.getValue() != null && this.title.isEmpty()) {
				this.title.setValue(getTranslation("consultations.new.default-title", change.getValue().title()));
			}
		});
		this.title.setId("consultation-new-title");
		this.title.setLabel(getTranslation("consultations.new.name"));
		this.title.setMaxLength(300);
		this.title.setRequired(true);
		LocalDateTime nextHour = LocalDateTime.now(ConsultationsApi.VIETNAM).truncatedTo(ChronoUnit.HOURS).plusHours(1);
		this.opens.setId("consultation-new-opens");
		this.opens.setLabel(getTranslation("consultations.new.opens"));
		this.opens.setHelperText(getTranslation("consultations.new.time-zone"));
		this.opens.setValue(nextHour);
		this.opens.setDatePickerI18n(DatePickers.i18n(this));
		this.closes.setId("consultation-new-closes");
		this.closes.setLabel(getTranslation("consultations.new.closes"));
		this.closes.setValue(nextHour.plusDays(3));
		this.closes.setDatePickerI18n(DatePickers.i18n(this));
		this.operator.setId("consultation-new-operator");
		this.operator.setLabel(getTranslation("consultations.new.operator"));
		this.operator.setItems(PassOperator.values());
		this.operator.setItemLabelGenerator((value) -> getTranslation("consultations.operator." + value.name()));
		this.operator.setValue(PassOperator.GT);
		this.percent.setId("consultation-new-percent");
		this.percent.setLabel(getTranslation("consultations.new.percent"));
		this.percent.setMin(0);
		this.percent.setMax(100);
		this.percent.setValue(50.0);
		this.percent.setSuffixComponent(new Span("%"));
		this.error.setId("consultation-new-error");
		this.error.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		FormLayout form = new FormLayout(this.plan, this.title, this.opens, this.closes, this.operator, this.percent);
		form.setColspan(this.plan, 2);
		form.setColspan(this.title, 2);
		add(form);
		if (round != null) {
			Span communes = new Span(getTranslation("consultations.round.communes",
					String.join(", ", round.communes().stream().map(UnitRef::fullName).toList())));
			communes.setId("consultation-new-communes");
			add(communes);
		}
		add(this.error);
		Button save = new Button(getTranslation("consultations.new.save"), (click) -> save());
		save.setId("consultation-new-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		getFooter().add(cancel, save);
		setWidth("44rem");
		if (round != null) {
			this.plan.setItems(List.of(round.plan()));
			this.plan.setValue(round.plan());
			this.plan.setReadOnly(true);
			this.title.setValue(getTranslation("consultations.round.default-title", round.previous().title(),
					round.previous().round() + 1));
			this.operator.setValue(round.previous().passRule().operator());
			this.percent.setValue(round.previous().passRule().percent());
		}
		else {
			loadPlans();
		}
	}

	private void loadPlans() {
		try {
			List<PlanChoice> plans = this.api.publishedPlans();
			this.plan.setItems(plans);
			if (plans.isEmpty()) {
				this.plan.setHelperText(getTranslation("consultations.new.no-plans"));
			}
		}
		catch (ApiException ex) {
			this.error.setText(getTranslation(ex.messageKey()));
		}
	}

	void save() {
		clearErrors();
		boolean missing = false;
		if (this.plan.getValue() == null) {
			invalid(this.plan, getTranslation("consultations.new.plan.required"));
			missing = true;
		}
		if (this.title.getValue().isBlank()) {
			this.title.setErrorMessage(getTranslation("consultations.new.name.required"));
			this.title.setInvalid(true);
			missing = true;
		}
		if (this.opens.getValue() == null || this.closes.getValue() == null) {
			this.closes.setErrorMessage(getTranslation("consultations.new.window.required"));
			this.closes.setInvalid(true);
			missing = true;
		}
		if (this.percent.getValue() == null) {
			this.percent.setErrorMessage(getTranslation("consultations.new.percent.required"));
			this.percent.setInvalid(true);
			missing = true;
		}
		if (missing) {
			return;
		}
		ConsultationPayload payload;
		try {
			NextRound next = this.round;
			payload = this.api.create(new NewConsultation(this.plan.getValue().id(), this.title.getValue().strip(),
					this.opens.getValue(), this.closes.getValue(), this.operator.getValue(), this.percent.getValue(),
					(next != null) ? next.previous().id() : null,
					(next != null) ? next.communes().stream().map(UnitRef::id).toList() : List.of()));
		}
		catch (ApiException ex) {
			this.error.setText(getTranslation(ex.messageKey()));
			return;
		}
		if (payload.consultation() == null) {
			for (UserError refusal : payload.errors()) {
				switch (refusal.fieldName().orElse("")) {
					case "planId" -> invalid(this.plan, refusal.message());
					case "title" -> {
						this.title.setErrorMessage(refusal.message());
						this.title.setInvalid(true);
					}
					case "opensAt", "closesAt" -> {
						this.closes.setErrorMessage(refusal.message());
						this.closes.setInvalid(true);
					}
					case "percent" -> {
						this.percent.setErrorMessage(refusal.message());
						this.percent.setInvalid(true);
					}
					default -> this.error.setText(refusal.message());
				}
			}
			return;
		}
		close();
		this.created.accept(payload.consultation().id());
	}

	private void invalid(ComboBox<PlanChoice> field, String message) {
		field.setErrorMessage(message);
		field.setInvalid(true);
	}

	private void clearErrors() {
		this.error.setText("");
		this.plan.setInvalid(false);
		this.title.setInvalid(false);
		this.closes.setInvalid(false);
		this.percent.setInvalid(false);
	}

}

package vn.ydan.admin.plans.ui;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import org.jspecify.annotations.Nullable;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.plans.FoundUnit;
import vn.ydan.admin.plans.NewPlan;
import vn.ydan.admin.plans.PlanPayload;
import vn.ydan.admin.plans.PlanState;
import vn.ydan.admin.plans.PlansApi;

/**
 * Starts a draft: title, the units it covers (provinces or districts, found by name
 * without diacritics: "ha noi"; several for a plan that merges provinces, e.g. Tiền Giang
 * and Đồng Tháp into the new Đồng Tháp), effective date, and whether the district level
 * ends.
 * <p>
 * Ids: {@code plan-new-dialog}, {@code plan-new-title}, {@code plan-new-scope},
 * {@code plan-new-effective-date}, {@code plan-new-abolish-districts},
 * {@code plan-new-save}, {@code plan-new-cancel}, {@code plan-new-error}.
 */
final class NewPlanDialog extends Dialog {

	static final int MAX_TITLE = 300;

	private final PlansApi api;

	private final Consumer<String> onCreated;

	private final TextField title = new TextField();

	private final MultiSelectComboBox<FoundUnit> scope = new MultiSelectComboBox<>();

	private final DatePicker effectiveDate = new DatePicker();

	private final Checkbox abolishDistricts = new Checkbox();

	private final Span error = new Span();

	/**
	 * The last search, the date it was made as of, and its answer: the combo box asks
	 * again for each page.
	 */
	private String lastFilter = "";

	private @Nullable LocalDate lastDate;

	private List<FoundUnit> lastFound = List.of();

	NewPlanDialog(PlansApi api, Consumer<String> onCreated) {
		this.api = api;
		this.onCreated = onCreated;
		setId("plan-new-dialog");
		setHeaderTitle(getTranslation("plans.new.title"));
		setWidth("40rem");

		this.title.setId("plan-new-title");
		this.title.setLabel(getTranslation("plans.field.title"));
		this.title.setRequiredIndicatorVisible(true);
		this.title.setMaxLength(MAX_TITLE);

		this.scope.setId("plan-new-scope");
		this.scope.setLabel(getTranslation("plans.field.scope"));
		this.scope.setHelperText(getTranslation("plans.field.scope.helper"));
		this.scope.setRequiredIndicatorVisible(true);
		this.scope.setItemLabelGenerator(NewPlanDialog::chain);
		this.scope.setItems((query) -> find(query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
		this.scope.setWidthFull();

		this.effectiveDate.setId("plan-new-effective-date");
		this.effectiveDate.setLabel(getTranslation("plans.field.effective-date"));
		this.effectiveDate.setI18n(PlanFormat.datePickerI18n(this));
		this.effectiveDate.addValueChangeListener((change) -> this.scope.getDataProvider().refreshAll());

		this.abolishDistricts.setId("plan-new-abolish-districts");
		this.abolishDistricts.setLabel(getTranslation("plans.field.abolish-districts"));

		this.error.setId("plan-new-error");
		this.error.getElement().setAttribute("role", "alert");
		this.error.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.error.setVisible(false);

		FormLayout form = new FormLayout(this.title, this.scope, this.effectiveDate, this.abolishDistricts);
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
		add(form, this.error);

		Button save = new Button(getTranslation("plans.new.save"), (click) -> save());
		save.setId("plan-new-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		cancel.setId("plan-new-cancel");
		getFooter().add(cancel, save);
	}

	static String chain(FoundUnit unit) {
		StringBuilder text = new StringBuilder(unit.fullName());
		if (unit.code() != null) {
			text.append(" (").append(unit.code()).append(")");
		}
		for (UnitRef parent : unit.parentChain()) {
			text.append(" — ").append(parent.fullName());
		}
		return text.toString();
	}

	/** Provinces and districts whose name matches, as they stand before the plan. */
	private Stream<FoundUnit> find(String filter, int offset, int limit) {
		String text = filter.strip();
		if (text.length() < 2) {
			return Stream.empty();
		}
		LocalDate date = this.effectiveDate.getValue();
		// A search made before the date was set ran as of today, when units a later plan
		// abolished are gone: a new date asks again.
		if (!text.equals(this.lastFilter) || !Objects.equals(date, this.lastDate)) {
			try {
				this.lastFound = this.api.searchUnits(text, (date != null) ? date.minusDays(1) : null, null)
					.stream()
					.filter(FoundUnit::mayBeScope)
					.toList();
			}
			catch (ApiException ex) {
				showError(getTranslation(ex.messageKey()));
				this.lastFound = List.of();
			}
			this.lastFilter = text;
			this.lastDate = date;
		}
		return this.lastFound.stream().skip(offset).limit(limit);
	}

	void save() {
		this.error.setVisible(false);
		String name = this.title.getValue().strip();
		Set<FoundUnit> units = this.scope.getValue();
		boolean ok = true;
		if (name.isEmpty()) {
			this.title.setErrorMessage(getTranslation("plans.validation.title-required"));
			this.title.setInvalid(true);
			ok = false;
		}
		if (units.isEmpty()) {
			this.scope.setErrorMessage(getTranslation("plans.validation.scope-required"));
			this.scope.setInvalid(true);
			ok = false;
		}
		if (!ok) {
			return;
		}
		// In code order, whatever order they were picked in.
		List<String> scopeIds = units.stream()
			.sorted(Comparator.comparing((FoundUnit unit) -> (unit.code() != null) ? unit.code() : unit.fullName()))
			.map(FoundUnit::id)
			.toList();
		PlanPayload payload;
		try {
			payload = this.api
				.create(new NewPlan(name, scopeIds, this.effectiveDate.getValue(), this.abolishDistricts.getValue()));
		}
		catch (ApiException ex) {
			showError(getTranslation(
					ex instanceof vn.ydan.admin.api.ApiForbiddenException ? "plans.new.forbidden" : ex.messageKey()));
			return;
		}
		PlanState plan = payload.plan();
		if (plan == null) {
			showError(String.join(" ", payload.errors().stream().map((e) -> e.message()).toList()));
			return;
		}
		close();
		this.onCreated.accept(plan.id());
	}

	private void showError(String text) {
		this.error.setText(text);
		this.error.setVisible(true);
	}

}

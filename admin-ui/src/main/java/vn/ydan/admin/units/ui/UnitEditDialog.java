package vn.ydan.admin.units.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.units.UnitChange;
import vn.ydan.admin.units.UnitDetails;
import vn.ydan.admin.units.UnitPayload;
import vn.ydan.admin.units.UnitsApi;

/**
 * Changes a unit's names and figures. The form checks what it can (names present and not
 * too long, no negative or fractional counts) in the user's language before asking the
 * api, whose own refusals then appear under the field they are about.
 * <p>
 * Ids: {@code unit-edit-dialog}, {@code unit-edit-name}, {@code unit-edit-full-name},
 * {@code unit-edit-area}, {@code unit-edit-population}, {@code unit-edit-households},
 * {@code unit-edit-save}, {@code unit-edit-cancel}, {@code unit-edit-error}.
 */
final class UnitEditDialog extends Dialog {

	static final int MAX_NAME = 100;

	static final int MAX_FULL_NAME = 100;

	private final UnitsApi api;

	private final UnitDetails unit;

	private final Consumer<String> onSaved;

	private final TextField name = new TextField();

	private final TextField fullName = new TextField();

	private final NumberField area = new NumberField();

	private final IntegerField population = new IntegerField();

	private final IntegerField households = new IntegerField();

	private final Binder<Draft> binder = new Binder<>();

	private final Span error = new Span();

	private final ServerErrors serverErrors;

	UnitEditDialog(UnitsApi api, UnitDetails unit, Consumer<String> onSaved) {
		this.api = api;
		this.unit = unit;
		this.onSaved = onSaved;
		setId("unit-edit-dialog");
		setHeaderTitle(getTranslation("units.edit.title", unit.fullName()));
		setWidth("36rem");

		this.name.setId("unit-edit-name");
		this.name.setLabel(getTranslation("units.field.name"));
		this.name.setRequiredIndicatorVisible(true);
		this.fullName.setId("unit-edit-full-name");
		this.fullName.setLabel(getTranslation("units.field.full-name"));
		this.fullName.setRequiredIndicatorVisible(true);
		this.area.setId("unit-edit-area");
		this.area.setLabel(getTranslation("units.field.area-km2"));
		this.area.setMin(0);
		this.area.setI18n(new NumberField.NumberFieldI18n()
			.setBadInputErrorMessage(getTranslation("units.validation.area-not-negative"))
			.setMinErrorMessage(getTranslation("units.validation.area-not-negative")));
		this.population.setId("unit-edit-population");
		this.population.setLabel(getTranslation("units.field.population"));
		wholeNumber(this.population, "units.validation.population-whole");
		this.households.setId("unit-edit-households");
		this.households.setLabel(getTranslation("units.field.households"));
		wholeNumber(this.households, "units.validation.households-whole");

		this.binder.forField(this.name)
			.asRequired(getTranslation("units.validation.name-required"))
			.withValidator((value) -> value.strip().length() <= MAX_NAME,
					getTranslation("units.validation.name-too-long", MAX_NAME))
			.bind(Draft::getName, Draft::setName);
		this.binder.forField(this.fullName)
			.asRequired(getTranslation("units.validation.full-name-required"))
			.withValidator((value) -> value.strip().length() <= MAX_FULL_NAME,
					getTranslation("units.validation.full-name-too-long", MAX_FULL_NAME))
			.bind(Draft::getFullName, Draft::setFullName);
		this.binder.forField(this.area)
			.withValidator((value) -> value == null || value >= 0, getTranslation("units.validation.area-not-negative"))
			.bind(Draft::getArea, Draft::setArea);
		this.binder.forField(this.population)
			.withValidator((value) -> value == null || value >= 0, getTranslation("units.validation.population-whole"))
			.bind(Draft::getPopulation, Draft::setPopulation);
		this.binder.forField(this.households)
			.withValidator((value) -> value == null || value >= 0, getTranslation("units.validation.households-whole"))
			.bind(Draft::getHouseholds, Draft::setHouseholds);
		this.binder.readBean(Draft.of(unit));

		this.error.setId("unit-edit-error");
		this.serverErrors = new ServerErrors(this, Map.of("name", this.name, "fullName", this.fullName, "areaKm2",
				this.area, "population", this.population, "households", this.households), this.error,
				"units.edit.forbidden");

		FormLayout form = new FormLayout(this.name, this.fullName, this.area, this.population, this.households);
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
		form.setColspan(this.fullName, 2);
		add(form, this.error);

		Button save = new Button(getTranslation("action.save"), (click) -> save());
		save.setId("unit-edit-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		cancel.setId("unit-edit-cancel");
		getFooter().add(cancel, save);
	}

	static void wholeNumber(IntegerField field, String messageKey) {
		field.setMin(0);
		field.setStepButtonsVisible(false);
		String message = field.getTranslation(messageKey);
		field.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(message)
			.setMinErrorMessage(message)
			.setStepErrorMessage(message));
	}

	void save() {
		this.serverErrors.clear();
		Draft draft = Draft.of(this.unit);
		if (!this.binder.writeBeanIfValid(draft)) {
			return;
		}
		UnitPayload payload;
		try {
			payload = this.api
				.update(new UnitChange(this.unit.id(), draft.getName().strip(), draft.getFullName().strip(),
						draft.getArea(), draft.getPopulation(), draft.getHouseholds(), this.unit.version()));
		}
		catch (ApiException ex) {
			this.serverErrors.show(ex);
			return;
		}
		if (!payload.errors().isEmpty()) {
			this.serverErrors.show(payload.errors());
			return;
		}
		close();
		this.onSaved.accept("units.edit.saved");
	}

	/** The form's values while they are edited. */
	static final class Draft {

		private String name = "";

		private String fullName = "";

		private @Nullable Double area;

		private @Nullable Integer population;

		private @Nullable Integer households;

		static Draft of(UnitDetails unit) {
			Draft draft = new Draft();
			draft.name = unit.name();
			draft.fullName = unit.fullName();
			draft.area = unit.areaKm2();
			draft.population = unit.population();
			draft.households = unit.households();
			return draft;
		}

		String getName() {
			return this.name;
		}

		void setName(String name) {
			this.name = name;
		}

		String getFullName() {
			return this.fullName;
		}

		void setFullName(String fullName) {
			this.fullName = fullName;
		}

		@Nullable Double getArea() {
			return this.area;
		}

		void setArea(@Nullable Double area) {
			this.area = area;
		}

		@Nullable Integer getPopulation() {
			return this.population;
		}

		void setPopulation(@Nullable Integer population) {
			this.population = population;
		}

		@Nullable Integer getHouseholds() {
			return this.households;
		}

		void setHouseholds(@Nullable Integer households) {
			this.households = households;
		}

	}

}

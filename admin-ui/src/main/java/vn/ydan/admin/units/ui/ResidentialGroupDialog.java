package vn.ydan.admin.units.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.units.NewResidentialGroup;
import vn.ydan.admin.units.UnitDetails;
import vn.ydan.admin.units.UnitPayload;
import vn.ydan.admin.units.UnitsApi;

/**
 * Adds a residential group with its households to a commune: where consultation forms are
 * handed out and counted, so the household count is required.
 * <p>
 * Ids: {@code unit-group-dialog}, {@code unit-group-name}, {@code unit-group-code},
 * {@code unit-group-type}, {@code unit-group-households}, {@code unit-group-save},
 * {@code unit-group-cancel}, {@code unit-group-error}.
 */
final class ResidentialGroupDialog extends Dialog {

	/** The api's types of residential group, the common ones first. */
	static final List<String> TYPES = List.of("TO_DAN_PHO", "THON", "BAN", "AP", "KHU_PHO", "KHOM", "TIEU_KHU",
			"KHU_DAN_CU", "XOM", "LANG", "BUON", "PLEI", "PHUM", "SOC");

	static final int MAX_CODE = 20;

	private final UnitsApi api;

	private final UnitDetails commune;

	private final Consumer<String> onSaved;

	private final TextField name = new TextField();

	private final TextField code = new TextField();

	private final Select<String> type = new Select<>();

	private final IntegerField households = new IntegerField();

	private final Binder<Draft> binder = new Binder<>();

	private final Span error = new Span();

	private final ServerErrors serverErrors;

	ResidentialGroupDialog(UnitsApi api, UnitDetails commune, Consumer<String> onSaved) {
		this.api = api;
		this.commune = commune;
		this.onSaved = onSaved;
		setId("unit-group-dialog");
		setHeaderTitle(getTranslation("units.group.title", commune.fullName()));
		setWidth("36rem");

		this.name.setId("unit-group-name");
		this.name.setLabel(getTranslation("units.group.name"));
		this.name.setRequiredIndicatorVisible(true);
		this.code.setId("unit-group-code");
		this.code.setLabel(getTranslation("units.group.code"));
		this.type.setId("unit-group-type");
		this.type.setLabel(getTranslation("units.group.type"));
		this.type.setItems(TYPES);
		this.type.setItemLabelGenerator(
				(value) -> getTranslation("units.group.type." + value.toLowerCase(Locale.ROOT).replace('_', '-')));
		this.type.setRequiredIndicatorVisible(true);
		this.households.setId("unit-group-households");
		this.households.setLabel(getTranslation("units.field.households"));
		this.households.setRequiredIndicatorVisible(true);
		UnitEditDialog.wholeNumber(this.households, "units.validation.households-whole");

		this.binder.forField(this.name)
			.asRequired(getTranslation("units.validation.name-required"))
			.withValidator((value) -> value.strip().length() <= UnitEditDialog.MAX_NAME,
					getTranslation("units.validation.name-too-long", UnitEditDialog.MAX_NAME))
			.bind(Draft::getName, Draft::setName);
		this.binder.forField(this.code)
			.withValidator((value) -> value.strip().length() <= MAX_CODE,
					getTranslation("units.validation.code-too-long", MAX_CODE))
			.bind(Draft::getCode, Draft::setCode);
		this.binder.forField(this.type)
			.asRequired(getTranslation("units.validation.type-required"))
			.bind(Draft::getType, Draft::setType);
		this.binder.forField(this.households)
			.asRequired(getTranslation("units.validation.households-required"))
			.withValidator((value) -> value >= 0, getTranslation("units.validation.households-whole"))
			.bind(Draft::getHouseholds, Draft::setHouseholds);
		this.binder.readBean(new Draft());

		this.error.setId("unit-group-error");
		this.serverErrors = new ServerErrors(this,
				Map.of("name", this.name, "code", this.code, "type", this.type, "households", this.households),
				this.error, "units.group.forbidden");

		FormLayout form = new FormLayout(this.name, this.code, this.type, this.households);
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
		add(form, this.error);

		Button save = new Button(getTranslation("units.group.save"), (click) -> save());
		save.setId("unit-group-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		cancel.setId("unit-group-cancel");
		getFooter().add(cancel, save);
	}

	void save() {
		this.serverErrors.clear();
		Draft draft = new Draft();
		if (!this.binder.writeBeanIfValid(draft)) {
			return;
		}
		String groupCode = draft.getCode().strip();
		Integer count = draft.getHouseholds();
		String groupType = draft.getType();
		if (count == null || groupType == null) {
			return;
		}
		UnitPayload payload;
		try {
			payload = this.api.addResidentialGroup(new NewResidentialGroup(this.commune.id(),
					groupCode.isEmpty() ? null : groupCode, draft.getName().strip(), groupType, count));
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
		this.onSaved.accept("units.group.saved");
	}

	/** The form's values while they are edited. */
	static final class Draft {

		private String name = "";

		private String code = "";

		private @Nullable String type;

		private @Nullable Integer households;

		String getName() {
			return this.name;
		}

		void setName(String name) {
			this.name = name;
		}

		String getCode() {
			return this.code;
		}

		void setCode(String code) {
			this.code = code;
		}

		@Nullable String getType() {
			return this.type;
		}

		void setType(@Nullable String type) {
			this.type = type;
		}

		@Nullable Integer getHouseholds() {
			return this.households;
		}

		void setHouseholds(@Nullable Integer households) {
			this.households = households;
		}

	}

}

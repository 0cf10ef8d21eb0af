package vn.ydan.admin.plans.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.plans.ProposedUnit;
import vn.ydan.admin.plans.UnitDraft;

/**
 * Adds a new unit to a draft, or changes one: name, type, code and seat. The form checks
 * that a name and a type are there; the api checks the rest (e.g. names unique among
 * siblings, as a validation issue).
 * <p>
 * Ids: {@code plan-unit-dialog}, {@code plan-unit-name}, {@code plan-unit-type},
 * {@code plan-unit-code}, {@code plan-unit-seat}, {@code plan-unit-save},
 * {@code plan-unit-cancel}.
 */
final class ProposedUnitDialog extends Dialog {

	/** The types a plan forms, commune level first: most plans form communes. */
	static final List<String> TYPES = List.of("PHUONG", "XA", "DAC_KHU", "THI_TRAN", "QUAN", "HUYEN", "THI_XA",
			"THANH_PHO_THUOC_TINH", "THANH_PHO_THUOC_THANH_PHO_TRUC_THUOC_TRUNG_UONG", "TINH",
			"THANH_PHO_TRUC_THUOC_TRUNG_UONG");

	static final int MAX_NAME = 100;

	private final @Nullable String key;

	private final Consumer<UnitDraft> onSave;

	private final TextField name = new TextField();

	private final Select<String> type = new Select<>();

	private final TextField code = new TextField();

	private final TextField seat = new TextField();

	ProposedUnitDialog(@Nullable ProposedUnit unit, Consumer<UnitDraft> onSave) {
		this.key = (unit != null) ? unit.key() : null;
		this.onSave = onSave;
		setId("plan-unit-dialog");
		setHeaderTitle((unit != null) ? getTranslation("plans.unit.edit.title", unit.fullName())
				: getTranslation("plans.unit.add.title"));
		setWidth("34rem");

		this.name.setId("plan-unit-name");
		this.name.setLabel(getTranslation("plans.unit.field.name"));
		this.name.setHelperText(getTranslation("plans.unit.field.name.helper"));
		this.name.setRequiredIndicatorVisible(true);
		this.name.setMaxLength(MAX_NAME);
		this.type.setId("plan-unit-type");
		this.type.setLabel(getTranslation("plans.unit.field.type"));
		this.type.setItems(TYPES);
		this.type.setItemLabelGenerator(this::typeLabel);
		this.type.setRequiredIndicatorVisible(true);
		this.code.setId("plan-unit-code");
		this.code.setLabel(getTranslation("plans.unit.field.code"));
		this.code.setMaxLength(10);
		this.seat.setId("plan-unit-seat");
		this.seat.setLabel(getTranslation("plans.unit.field.seat"));
		this.seat.setMaxLength(300);
		if (unit != null) {
			this.name.setValue(unit.name());
			this.type.setValue(unit.type());
			this.code.setValue((unit.code() != null) ? unit.code() : "");
			this.seat.setValue((unit.seat() != null) ? unit.seat() : "");
		}
		else {
			this.type.setValue("PHUONG");
		}

		FormLayout form = new FormLayout(this.name, this.type, this.code, this.seat);
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26rem", 2));
		form.setColspan(this.seat, 2);
		add(form);

		Button save = new Button(getTranslation("action.save"), (click) -> save());
		save.setId("plan-unit-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		cancel.setId("plan-unit-cancel");
		getFooter().add(cancel, save);
	}

	private String typeLabel(String type) {
		return getTranslation("units.type." + type.toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	void save() {
		String text = this.name.getValue().strip();
		if (text.isEmpty()) {
			this.name.setErrorMessage(getTranslation("plans.validation.name-required"));
			this.name.setInvalid(true);
			return;
		}
		String chosen = this.type.getValue();
		if (chosen == null) {
			this.type.setErrorMessage(getTranslation("plans.validation.type-required"));
			this.type.setInvalid(true);
			return;
		}
		close();
		this.onSave.accept(new UnitDraft(this.key, this.code.getValue(), text, chosen, this.seat.getValue()));
	}

}

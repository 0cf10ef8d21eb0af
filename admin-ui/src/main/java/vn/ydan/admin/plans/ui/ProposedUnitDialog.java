package vn.ydan.admin.plans.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import vn.ydan.admin.plans.UnitLevel;

/**
 * Adds a new unit to a draft, or changes one: name, type, code, seat and, below the
 * province level when the plan forms provinces, the new province it goes under (none: the
 * existing unit where it fits). The form checks that a name and a type are there; the api
 * checks the rest (e.g. names unique among siblings, as a validation issue).
 * <p>
 * Ids: {@code plan-unit-dialog}, {@code plan-unit-name}, {@code plan-unit-type},
 * {@code plan-unit-code}, {@code plan-unit-seat}, {@code plan-unit-parent},
 * {@code plan-unit-save}, {@code plan-unit-cancel}.
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

	/** The key of a new province of the plan; empty: none. */
	private final Select<String> parent = new Select<>();

	private final @Nullable String parentBefore;

	/**
	 * @param unit the unit to change; none to add one
	 * @param provinces the plan's new provinces, which a lower unit may go under
	 */
	ProposedUnitDialog(@Nullable ProposedUnit unit, List<ProposedUnit> provinces, Consumer<UnitDraft> onSave) {
		this.key = (unit != null) ? unit.key() : null;
		this.parentBefore = (unit != null) ? unit.parentKey() : null;
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
		Map<String, String> names = new LinkedHashMap<>();
		provinces.stream()
			.filter((province) -> unit == null || !province.key().equals(unit.key()))
			.forEach((province) -> names.put(province.key(), province.fullName()));
		if (this.parentBefore != null) {
			names.putIfAbsent(this.parentBefore, this.parentBefore);
		}
		this.parent.setId("plan-unit-parent");
		this.parent.setLabel(getTranslation("plans.unit.field.parent"));
		this.parent.setHelperText(getTranslation("plans.unit.field.parent.helper"));
		this.parent.setItems(List.copyOf(names.keySet()));
		this.parent.setItemLabelGenerator(
				(key) -> (key == null) ? getTranslation("plans.unit.field.parent.none") : names.getOrDefault(key, key));
		this.parent.setEmptySelectionAllowed(true);
		this.parent.setEmptySelectionCaption(getTranslation("plans.unit.field.parent.none"));
		// A new unit of a plan that forms one province most likely goes under it.
		this.parent
			.setValue((unit == null && names.size() == 1) ? names.keySet().iterator().next() : this.parentBefore);
		this.parent.setVisible(!names.isEmpty());
		this.type.addValueChangeListener((change) -> showParent(!names.isEmpty()));
		if (unit != null) {
			this.name.setValue(unit.name());
			this.type.setValue(unit.type());
			this.code.setValue((unit.code() != null) ? unit.code() : "");
			this.seat.setValue((unit.seat() != null) ? unit.seat() : "");
		}
		else {
			this.type.setValue("PHUONG");
		}

		showParent(!names.isEmpty());

		FormLayout form = new FormLayout(this.name, this.type, this.code, this.seat, this.parent);
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26rem", 2));
		form.setColspan(this.seat, 2);
		form.setColspan(this.parent, 2);
		add(form);

		Button save = new Button(getTranslation("action.save"), (click) -> save());
		save.setId("plan-unit-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		cancel.setId("plan-unit-cancel");
		getFooter().add(cancel, save);
	}

	/**
	 * A new province goes under no other; a lower unit may go under one of the plan's.
	 */
	private void showParent(boolean any) {
		String chosen = this.type.getValue();
		this.parent.setVisible(any && chosen != null && UnitLevel.ofType(chosen) != UnitLevel.PROVINCE);
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
		String above = (this.parent.isVisible()) ? this.parent.getValue() : null;
		String parentKey;
		if (above != null) {
			parentKey = above;
		}
		else {
			// "": out of the new province it was under; null: nothing to say.
			parentKey = (this.parentBefore != null) ? "" : null;
		}
		close();
		this.onSave.accept(new UnitDraft(this.key, this.code.getValue(), text, chosen, this.seat.getValue(),
				Objects.equals(parentKey, this.parentBefore) ? null : parentKey));
	}

}

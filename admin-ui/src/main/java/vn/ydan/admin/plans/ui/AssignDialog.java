package vn.ydan.admin.plans.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.plans.Assignment;
import vn.ydan.admin.plans.ComponentKind;
import vn.ydan.admin.plans.FoundUnit;
import vn.ydan.admin.plans.PlansApi;
import vn.ydan.admin.plans.ProposedUnit;
import vn.ydan.admin.plans.Validation.OldUnit;

/**
 * Puts an old unit into a new one: picked from the units no new unit takes yet, from the
 * plan's scope (for a new province: the old provinces it merges), or found by name
 * (diacritics ignored, only provinces for a new province) as it stood the day before the
 * effective date; whole, continued as it is, a part, or the remainder, with the shares
 * when known.
 * <p>
 * Ids: {@code plan-assign-dialog}, {@code plan-assign-unassigned},
 * {@code plan-assign-scope}, {@code plan-assign-search}, {@code plan-assign-kind},
 * {@code plan-assign-area-share}, {@code plan-assign-population-share},
 * {@code plan-assign-household-share}, {@code plan-assign-save},
 * {@code plan-assign-error}.
 */
final class AssignDialog extends Dialog {

	private final PlansApi api;

	private final ProposedUnit target;

	private final @Nullable LocalDate dayBefore;

	private final Consumer<Assignment> onSave;

	private final ComboBox<OldUnit> unassigned = new ComboBox<>();

	private final ComboBox<UnitRef> scope = new ComboBox<>();

	private final ComboBox<FoundUnit> search = new ComboBox<>();

	private final Select<ComponentKind> kind = new Select<>();

	private final NumberField areaShare = share("plan-assign-area-share");

	private final NumberField populationShare = share("plan-assign-population-share");

	private final NumberField householdShare = share("plan-assign-household-share");

	private final Span error = new Span();

	private String lastFilter = "";

	private List<FoundUnit> lastFound = List.of();

	/**
	 * @param unassignedUnits the old units no new unit takes yet
	 * @param scopeUnits the units the plan covers: offered to a new province
	 */
	AssignDialog(PlansApi api, ProposedUnit target, List<OldUnit> unassignedUnits, List<UnitRef> scopeUnits,
			@Nullable LocalDate dayBefore, @Nullable OldUnit preselected, Consumer<Assignment> onSave) {
		this.api = api;
		this.target = target;
		this.dayBefore = dayBefore;
		this.onSave = onSave;
		setId("plan-assign-dialog");
		setHeaderTitle(getTranslation("plans.assign.title", target.fullName()));
		setWidth("40rem");

		this.unassigned.setId("plan-assign-unassigned");
		this.unassigned.setLabel(getTranslation("plans.assign.unassigned", unassignedUnits.size()));
		this.unassigned.setItems(unassignedUnits);
		this.unassigned.setItemLabelGenerator(AssignDialog::label);
		this.unassigned.addValueChangeListener((change) -> {
			if (change.getValue() != null) {
				this.search.clear();
				this.scope.clear();
			}
		});
		this.scope.setId("plan-assign-scope");
		this.scope.setLabel(getTranslation("plans.assign.scope"));
		this.scope.setItems(scopeUnits);
		this.scope
			.setItemLabelGenerator((unit) -> ((unit.code() != null) ? unit.code() + " · " : "") + unit.fullName());
		this.scope.setVisible(target.isProvince() && !scopeUnits.isEmpty());
		this.scope.addValueChangeListener((change) -> {
			if (change.getValue() != null) {
				this.search.clear();
				this.unassigned.clear();
			}
		});
		this.search.setId("plan-assign-search");
		this.search.setLabel(getTranslation("plans.assign.search"));
		this.search.setHelperText(getTranslation("plans.assign.search.helper"));
		this.search.setItemLabelGenerator(NewPlanDialog::chain);
		this.search.setItems((query) -> find(query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
		this.search.addValueChangeListener((change) -> {
			if (change.getValue() != null) {
				this.unassigned.clear();
				this.scope.clear();
			}
		});
		this.kind.setId("plan-assign-kind");
		this.kind.setLabel(getTranslation("plans.assign.kind"));
		this.kind.setItems(ComponentKind.values());
		this.kind.setItemLabelGenerator((value) -> getTranslation(value.translationKey()));
		this.kind.setValue(ComponentKind.WHOLE);
		this.areaShare.setLabel(getTranslation("plans.assign.area-share"));
		this.populationShare.setLabel(getTranslation("plans.assign.population-share"));
		this.householdShare.setLabel(getTranslation("plans.assign.household-share"));
		if (preselected != null) {
			this.unassigned.setValue(preselected);
		}

		this.error.setId("plan-assign-error");
		this.error.getElement().setAttribute("role", "alert");
		this.error.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.error.setVisible(false);

		FormLayout form = new FormLayout(this.scope, this.unassigned, this.search, this.kind, this.areaShare,
				this.populationShare, this.householdShare);
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 3));
		form.setColspan(this.scope, 3);
		form.setColspan(this.unassigned, 3);
		form.setColspan(this.search, 3);
		form.setColspan(this.kind, 3);
		add(form, this.error);

		Button save = new Button(getTranslation("plans.assign.save"), (click) -> save());
		save.setId("plan-assign-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		cancel.setId("plan-assign-cancel");
		getFooter().add(cancel, save);
	}

	static String label(OldUnit unit) {
		String text = ((unit.code() != null) ? unit.code() + " · " : "") + unit.fullName();
		return unit.parentName().isEmpty() ? text : text + " — " + unit.parentName();
	}

	private static NumberField share(String id) {
		NumberField field = new NumberField();
		field.setId(id);
		field.setMin(0);
		field.setMax(1);
		field.setStep(0.01);
		return field;
	}

	private Stream<FoundUnit> find(String filter, int offset, int limit) {
		String text = filter.strip();
		if (text.length() < 2) {
			return Stream.empty();
		}
		if (!text.equals(this.lastFilter)) {
			try {
				// A new province takes old provinces.
				this.lastFound = this.api
					.searchUnits(text, this.dayBefore, this.target.isProvince() ? "PROVINCE" : null)
					.stream()
					.filter((unit) -> !unit.isResidentialGroup())
					.filter((unit) -> !this.target.isProvince() || "PROVINCE".equals(unit.level()))
					.toList();
			}
			catch (ApiException ex) {
				this.error.setText(getTranslation(ex.messageKey()));
				this.error.setVisible(true);
				this.lastFound = List.of();
			}
			this.lastFilter = text;
		}
		return this.lastFound.stream().skip(offset).limit(limit);
	}

	void save() {
		String unitId = null;
		OldUnit fromList = this.unassigned.getValue();
		UnitRef inScope = this.scope.getValue();
		FoundUnit found = this.search.getValue();
		if (inScope != null) {
			unitId = inScope.id();
		}
		else if (fromList != null) {
			unitId = fromList.id();
		}
		else if (found != null) {
			unitId = found.id();
		}
		if (unitId == null) {
			this.error.setText(getTranslation("plans.assign.unit-required"));
			this.error.setVisible(true);
			return;
		}
		ComponentKind chosen = (this.kind.getValue() != null) ? this.kind.getValue() : ComponentKind.WHOLE;
		close();
		this.onSave.accept(new Assignment(this.target.key(), unitId, chosen, this.areaShare.getValue(),
				this.populationShare.getValue(), this.householdShare.getValue()));
	}

}

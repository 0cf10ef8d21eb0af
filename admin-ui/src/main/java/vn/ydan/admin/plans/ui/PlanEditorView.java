package vn.ydan.admin.plans.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.ApiForbiddenException;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.plans.Assignment;
import vn.ydan.admin.plans.ComponentKind;
import vn.ydan.admin.plans.PlanDetails;
import vn.ydan.admin.plans.PlanPayload;
import vn.ydan.admin.plans.PlanState;
import vn.ydan.admin.plans.PlanStatus;
import vn.ydan.admin.plans.PlansApi;
import vn.ydan.admin.plans.ProposedUnit;
import vn.ydan.admin.plans.UnitDraft;
import vn.ydan.admin.plans.UnitLevel;
import vn.ydan.admin.plans.Validation.OldUnit;
import vn.ydan.admin.plans.Validation;

/**
 * A plan's editor. For a draft: the new units (add, change, remove), by level, the new
 * provinces first, each commune with the new province it goes under; the old units each
 * takes (add from the unassigned list, the plan's scope or by search, change the kind,
 * remove), the old units no new unit takes yet (always in view, with their count), the
 * validation after each edit, CSV import (the communes' table and the provinces' merger
 * table, in either order) and the before/after diff by province. Then the status steps:
 * publish, consultation, withdraw, adopt, apply (with a confirmation and a progress bar).
 * Plans past the draft are shown read-only.
 * <p>
 * Each edit is one mutation carrying the version the user saw; it answers with the new
 * version, the validation and the new unit it changed, and only those parts of the page
 * are redrawn. Someone else's change in between comes back as a conflict, shown with a
 * reload button.
 * <p>
 * Ids: see the constants and the panels ({@link ValidationPanel}, {@link ImportPanel},
 * {@link DiffPanel}, {@link ApplyPanel}).
 */
@Route("plans/:id")
@PermitAll
public class PlanEditorView extends VerticalLayout
		implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	static final String ID = "id";

	private final PlansApi api;

	private String id = "";

	private @Nullable PlanDetails plan;

	private int version;

	private final Map<String, ProposedUnit> units = new LinkedHashMap<>();

	private Validation validation = Validation.NONE;

	private @Nullable String selectedKey;

	private final Div header = new Div();

	private final Div message = new Div();

	private final Div body = new Div();

	private final Grid<ProposedUnit> unitGrid = new Grid<>();

	/** Shows the new units of one level; empty: all of them. */
	private final Select<UnitLevel> levelFilter = new Select<>();

	private final Span unitsSummary = new Span();

	/** The levels the filter offers. */
	private List<UnitLevel> levels = List.of();

	/** Set while the units are redrawn: the filter's changes then are not the user's. */
	private boolean showingUnits;

	private final Grid<ProposedUnit.Component> componentGrid = new Grid<>();

	private final H3 componentsTitle = new H3();

	private final Button componentAdd = new Button();

	private final Button unitEdit = new Button();

	private final Button unitRemove = new Button();

	private final Span summary = new Span();

	private final Span unassignedCount = new Span();

	private final Grid<OldUnit> unassignedGrid = new Grid<>();

	private final ValidationPanel validationPanel;

	private final DiffPanel diffPanel;

	private final ImportPanel importPanel;

	private final ApplyPanel applyPanel;

	private final TabSheet tabs = new TabSheet();

	private @Nullable Tab unitsTab;

	private @Nullable Tab diffTab;

	/** The tabs drawn, to take away before the next drawing. */
	private final List<Tab> shownTabs = new ArrayList<>();

	/** The apply button, while the plan is adopted: it waits while an apply runs. */
	private @Nullable Button applyButton;

	public PlanEditorView(PlansApi api) {
		this.api = api;
		setId("plan-editor");
		setSizeFull();
		this.validationPanel = new ValidationPanel(this::selectFromIssue);
		this.diffPanel = new DiffPanel(api);
		this.importPanel = new ImportPanel(this::importCsv);
		this.applyPanel = new ApplyPanel(api, this::reload, (running) -> {
			Button apply = this.applyButton;
			if (apply != null) {
				apply.setEnabled(!running);
			}
		});

		this.unitGrid.setId("plan-units");
		this.unitGrid.addThemeVariants(GridVariant.ROW_STRIPES);
		this.unitGrid.setHeight("22rem");
		this.levelFilter.setId("plan-units-level");
		this.levelFilter.setEmptySelectionAllowed(true);
		this.levelFilter.addValueChangeListener((change) -> {
			if (!this.showingUnits) {
				showUnits();
			}
		});
		this.unitsSummary.setId("plan-units-summary");
		this.unitGrid.addSelectionListener((selection) -> {
			this.selectedKey = selection.getFirstSelectedItem().map(ProposedUnit::key).orElse(null);
			showComponents();
		});
		this.componentGrid.setId("plan-components");
		this.componentGrid.addThemeVariants(GridVariant.ROW_STRIPES);
		this.componentGrid.setAllRowsVisible(true);
		this.componentsTitle.setId("plan-components-title");
		this.componentAdd.setId("plan-component-add");
		this.componentAdd.setIcon(VaadinIcon.PLUS.create());
		this.componentAdd.addClickListener((click) -> openAssign(null));
		this.unitEdit.setId("plan-unit-edit");
		this.unitEdit.addClickListener((click) -> selected()
			.ifPresent((unit) -> new ProposedUnitDialog(unit, newProvinces(), this::saveUnit).open()));
		this.unitRemove.setId("plan-unit-remove");
		this.unitRemove.addThemeVariants(ButtonVariant.ERROR);
		this.unitRemove.addClickListener((click) -> selected().ifPresent(this::confirmRemove));

		this.summary.setId("plan-validation-summary");
		this.unassignedCount.setId("plan-unassigned-count");
		this.unassignedGrid.setId("plan-unassigned");
		this.unassignedGrid.addThemeVariants(GridVariant.ROW_STRIPES);
		this.unassignedGrid.setSizeFull();
		this.unassignedGrid.addItemClickListener((click) -> {
			if (editable() && selected().isPresent()) {
				openAssign(click.getItem());
			}
		});

		this.tabs.setId("plan-tabs");
		this.tabs.setSizeFull();
		this.tabs.addSelectedChangeListener((change) -> {
			if (change.getSelectedTab() != null && change.getSelectedTab() == this.diffTab && this.plan != null) {
				this.diffPanel.load(this.id);
			}
		});
		this.message.setWidthFull();
		this.body.setSizeFull();
		add(this.header, this.message, this.body);
		setFlexGrow(1, this.body);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.id = event.getRouteParameters().get(ID).orElse("");
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		reload();
	}

	@Override
	public String getPageTitle() {
		PlanDetails shown = this.plan;
		return ((shown != null) ? shown.title() : getTranslation("plans.title")) + " · " + getTranslation("app.title");
	}

	@Override
	protected void onAttach(AttachEvent event) {
		this.applyPanel.attached(event.getUI());
	}

	@Override
	protected void onDetach(DetachEvent event) {
		this.applyPanel.detached(event.getUI());
	}

	/** Loads the plan afresh and redraws everything. */
	void reload() {
		this.message.removeAll();
		try {
			this.plan = this.api.plan(this.id).orElse(null);
		}
		catch (ApiException ex) {
			this.plan = null;
			this.header.removeAll();
			this.body.removeAll();
			this.message.add(Problem.of(this, "plan-error", ex, this::reload));
			return;
		}
		PlanDetails loaded = this.plan;
		if (loaded == null) {
			this.header.removeAll();
			this.body.removeAll();
			Span none = new Span(getTranslation("plans.not-found"));
			none.setId("plan-not-found");
			this.message.add(none, new Div(new RouterLink(getTranslation("plans.back"), PlansView.class)));
			return;
		}
		this.version = loaded.version();
		this.units.clear();
		loaded.units().forEach((unit) -> this.units.put(unit.key(), unit));
		this.validation = loaded.checks();
		if (this.selectedKey != null && !this.units.containsKey(this.selectedKey)) {
			this.selectedKey = null;
		}
		render();
	}

	private void render() {
		PlanDetails shown = Objects.requireNonNull(this.plan);
		renderHeader(shown);
		this.body.removeAll();
		// The tabs of the last drawing go (the sheet's children are not its tabs).
		this.shownTabs.forEach(this.tabs::remove);
		this.shownTabs.clear();
		this.unitsTab = this.tabs.add(getTranslation("plans.tab.units"), unitsContent());
		this.unitsTab.setId("plan-tab-units");
		this.shownTabs.add(this.unitsTab);
		Tab checks = this.tabs.add(getTranslation("plans.tab.validation"), this.validationPanel);
		checks.setId("plan-tab-validation");
		this.shownTabs.add(checks);
		if (editable()) {
			Tab upload = this.tabs.add(getTranslation("plans.tab.import"), this.importPanel);
			upload.setId("plan-tab-import");
			this.shownTabs.add(upload);
			this.importPanel.localize();
		}
		this.diffTab = this.tabs.add(getTranslation("plans.tab.diff"), this.diffPanel);
		this.shownTabs.add(this.diffTab);
		this.diffTab.setId("plan-tab-diff");
		this.diffPanel.localize();
		this.tabs.setSelectedTab(this.unitsTab);

		VerticalLayout side = new VerticalLayout(this.summary, this.unassignedCount, this.unassignedGrid);
		side.setPadding(false);
		side.setSizeFull();
		side.setFlexGrow(1, this.unassignedGrid);
		this.unassignedGrid.removeAllColumns();
		this.unassignedGrid.addColumn(AssignDialog::label).setHeader(getTranslation("plans.unassigned.unit"));
		SplitLayout split = new SplitLayout(this.tabs, side);
		split.setSizeFull();
		split.setSplitterPosition(72);
		this.body.add(this.applyPanel, split);
		this.applyPanel.show(shown);
		unitColumns();
		componentColumns();
		showUnits();
		selectKey(this.selectedKey);
		showValidation();
	}

	private void renderHeader(PlanDetails shown) {
		this.header.removeAll();
		this.header.setWidthFull();
		H2 title = new H2(shown.title());
		title.setId("plan-title");
		title.getStyle().set("margin", "0");
		Span status = PlanFormat.badge(this, shown.status());
		status.setId("plan-status");
		Span revision = new Span(getTranslation("plans.version", this.version));
		revision.setId("plan-version");
		HorizontalLayout top = new HorizontalLayout(new RouterLink(getTranslation("plans.back"), PlansView.class),
				title, status, revision);
		top.setAlignItems(FlexComponent.Alignment.BASELINE);
		top.setWrap(true);
		String scope = String.join(", ", shown.scopeUnits().stream().map((unit) -> unit.fullName()).toList());
		String meta = getTranslation("plans.meta", scope, PlanFormat.date(shown.effectiveDate()));
		if (shown.abolished().contains("DISTRICT")) {
			meta += " · " + getTranslation("plans.meta.abolish-districts");
		}
		if (shown.legalBasis() != null) {
			meta += " · " + getTranslation("plans.meta.legal-basis", shown.legalBasis().number(),
					PlanFormat.date(shown.legalBasis().date()));
		}
		Span details = new Span(meta);
		details.setId("plan-meta");
		this.header.add(top, details);
		PlanDetails.AdoptionOverride override = shown.adoptionOverride();
		if (override != null) {
			Span overridden = new Span((override.confirmedBy() == null)
					? getTranslation("plans.override.pending", override.requestedBy(), override.number(),
							override.reason())
					: getTranslation("plans.override.confirmed", override.requestedBy(), override.confirmedBy(),
							override.reason()));
			overridden.setId("plan-override");
			this.header.add(overridden);
		}
		this.header.add(actions(shown));
	}

	private Component actions(PlanDetails shown) {
		HorizontalLayout actions = new HorizontalLayout();
		actions.setId("plan-actions");
		actions.setWrap(true);
		if (!PlanFormat.mayPlan()) {
			return actions;
		}
		PlanStatus status = shown.status();
		this.applyButton = null;
		if (status == PlanStatus.DRAFT) {
			Button add = new Button(getTranslation("plans.unit.add"), VaadinIcon.PLUS.create(),
					(click) -> new ProposedUnitDialog(null, newProvinces(), this::saveUnit).open());
			add.setId("plan-unit-add");
			actions.add(add);
		}
		for (PlanStatus next : status.next()) {
			String key = (next == PlanStatus.PUBLISHED) ? "publish" : "withdraw";
			Button button = new Button(getTranslation("plans.action." + key));
			button.setId("plan-" + key);
			if (next == PlanStatus.WITHDRAWN) {
				button.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
				button.addClickListener((click) -> confirm("plan-withdraw-confirm", "plans.withdraw.title",
						"plans.withdraw.text", "plans.action.withdraw", () -> changeStatus(next)));
			}
			else {
				button.addThemeVariants(ButtonVariant.PRIMARY);
				button.addClickListener((click) -> changeStatus(next));
			}
			actions.add(button);
		}
		if (status.adoptable()) {
			String label = (shown.pendingOverride() != null) ? "plans.action.confirm-adopt" : "plans.action.adopt";
			Button adopt = new Button(getTranslation(label), (click) -> new AdoptDialog(shown,
					(adoption) -> edit(() -> this.api.adopt(this.id, this.version, adoption), true))
				.open());
			adopt.setId("plan-adopt");
			adopt.addThemeVariants(ButtonVariant.PRIMARY);
			actions.addComponentAsFirst(adopt);
		}
		if (status == PlanStatus.ADOPTED) {
			Button apply = new Button(getTranslation("plans.action.apply"), (click) -> this.applyPanel.confirm());
			apply.setId("plan-apply");
			apply.addThemeVariants(ButtonVariant.PRIMARY);
			apply.setEnabled(!this.applyPanel.following());
			this.applyButton = apply;
			actions.add(apply);
		}
		return actions;
	}

	private Component unitsContent() {
		VerticalLayout content = new VerticalLayout();
		content.setPadding(false);
		HorizontalLayout toolbar = new HorizontalLayout(this.unitEdit, this.unitRemove);
		this.unitEdit.setText(getTranslation("plans.unit.edit"));
		this.unitRemove.setText(getTranslation("plans.unit.remove"));
		this.componentAdd.setText(getTranslation("plans.component.add"));
		toolbar.setVisible(editable());
		this.componentAdd.setVisible(editable());
		this.levelFilter.setLabel(getTranslation("plans.unit.level"));
		this.levelFilter.setEmptySelectionCaption(getTranslation("plans.unit.level.all"));
		HorizontalLayout levels = new HorizontalLayout(this.levelFilter, this.unitsSummary);
		levels.setAlignItems(FlexComponent.Alignment.BASELINE);
		levels.setWidthFull();
		HorizontalLayout componentsBar = new HorizontalLayout(this.componentsTitle, this.componentAdd);
		componentsBar.setAlignItems(FlexComponent.Alignment.BASELINE);
		content.add(levels, toolbar, this.unitGrid, componentsBar, this.componentGrid);
		return content;
	}

	private void unitColumns() {
		this.unitGrid.removeAllColumns();
		this.unitGrid.addColumn(ProposedUnit::fullName)
			.setHeader(getTranslation("plans.unit.column.name"))
			.setFlexGrow(2);
		this.unitGrid.addColumn((unit) -> PlanFormat.type(unit.typeName()))
			.setHeader(getTranslation("plans.unit.column.type"))
			.setAutoWidth(true);
		this.unitGrid.addColumn((unit) -> (unit.code() != null) ? unit.code() : "")
			.setHeader(getTranslation("plans.unit.column.code"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.unitGrid.addColumn((unit) -> (unit.seat() != null) ? unit.seat() : "")
			.setHeader(getTranslation("plans.unit.column.seat"))
			.setFlexGrow(1);
		this.unitGrid.addColumn((unit) -> unit.parts().size())
			.setHeader(getTranslation("plans.unit.column.components"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.unitGrid.addColumn((unit) -> PlanFormat.number(this, unit.figures().households()))
			.setHeader(getTranslation("plans.unit.column.households"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.unitGrid.addColumn((unit) -> PlanFormat.number(this, unit.figures().population()))
			.setHeader(getTranslation("plans.unit.column.population"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.unitGrid.addColumn((unit) -> PlanFormat.number(this, unit.figures().areaKm2()))
			.setHeader(getTranslation("plans.unit.column.area"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.unitGrid.addColumn(this::parentName)
			.setHeader(getTranslation("plans.unit.column.parent"))
			.setAutoWidth(true)
			.setFlexGrow(1);
		this.unitGrid.getColumns().forEach((column) -> column.setSortable(false));
		this.unitGrid.setEmptyStateText(getTranslation("plans.unit.none"));
	}

	/** The unit above a new one: a new province of the plan, or an existing unit. */
	private String parentName(ProposedUnit unit) {
		if (unit.parentKey() != null) {
			ProposedUnit parent = this.units.get(unit.parentKey());
			return (parent != null) ? parent.fullName() : unit.parentKey();
		}
		return (unit.parent() != null) ? unit.parent().fullName() : "";
	}

	/** The plan's new provinces, for a unit's form. */
	private List<ProposedUnit> newProvinces() {
		return this.units.values().stream().filter(ProposedUnit::isProvince).toList();
	}

	/**
	 * The new units by level, the new provinces first (in the plan's order within a
	 * level), as far as the level filter lets them show; and what each level counts.
	 */
	private void showUnits() {
		Map<UnitLevel, Integer> counts = new EnumMap<>(UnitLevel.class);
		this.units.values().forEach((unit) -> counts.merge(unit.level(), 1, Integer::sum));
		UnitLevel shown = this.levelFilter.getValue();
		if (shown != null && !counts.containsKey(shown)) {
			shown = null;
		}
		List<UnitLevel> present = List.copyOf(counts.keySet());
		this.showingUnits = true;
		try {
			if (!present.equals(this.levels)) {
				this.levels = present;
				this.levelFilter.setItems(present);
			}
			this.levelFilter.setItemLabelGenerator((level) -> (level == null) ? getTranslation("plans.unit.level.all")
					: getTranslation(level.translationKey()) + " ("
							+ PlanFormat.number(this, counts.getOrDefault(level, 0)) + ")");
			this.levelFilter.setValue(shown);
		}
		finally {
			this.showingUnits = false;
		}
		this.levelFilter.setVisible(present.size() > 1);
		UnitLevel only = shown;
		this.unitGrid.setItems(this.units.values()
			.stream()
			.filter((unit) -> only == null || unit.level() == only)
			.sorted(Comparator.comparing(ProposedUnit::level))
			.toList());
		this.unitsSummary.setText(unitsSummary(counts));
	}

	/**
	 * "103 đơn vị mới: 1 cấp tỉnh, 102 cấp xã · Tỉnh Đồng Tháp: 102 đơn vị trực thuộc".
	 */
	private String unitsSummary(Map<UnitLevel, Integer> counts) {
		if (this.units.isEmpty()) {
			return "";
		}
		List<String> levels = new ArrayList<>();
		counts.forEach((level, count) -> levels
			.add(getTranslation("plans.unit.level-count." + level.name().toLowerCase(Locale.ROOT).replace('_', '-'),
					PlanFormat.number(this, count))));
		StringBuilder text = new StringBuilder(getTranslation("plans.unit.summary",
				PlanFormat.number(this, this.units.size()), String.join(", ", levels)));
		for (ProposedUnit province : newProvinces()) {
			long below = this.units.values().stream().filter((unit) -> province.key().equals(unit.parentKey())).count();
			text.append(" · ")
				.append(getTranslation("plans.unit.under", province.fullName(), PlanFormat.number(this, below)));
		}
		return text.toString();
	}

	private void componentColumns() {
		this.componentGrid.removeAllColumns();
		this.componentGrid
			.addColumn((component) -> ((component.unit().code() != null) ? component.unit().code() + " · " : "")
					+ component.unit().fullName())
			.setHeader(getTranslation("plans.component.column.unit"))
			.setFlexGrow(2);
		this.componentGrid.addColumn(new ComponentRenderer<>(this::kindCell))
			.setHeader(getTranslation("plans.component.column.kind"))
			.setWidth("16rem")
			.setFlexGrow(0);
		this.componentGrid
			.addColumn((component) -> PlanFormat.shares(this, component.areaShare(), component.populationShare(),
					component.householdShare()))
			.setHeader(getTranslation("plans.component.column.shares"))
			.setAutoWidth(true);
		if (editable()) {
			this.componentGrid.addColumn(new ComponentRenderer<>(this::removeCell))
				.setHeader("")
				.setAutoWidth(true)
				.setFlexGrow(0);
		}
		this.componentGrid.getColumns().forEach((column) -> column.setSortable(false));
		this.componentGrid.setEmptyStateText(getTranslation("plans.component.none"));
	}

	private Component kindCell(ProposedUnit.Component component) {
		if (!editable()) {
			return new Span(getTranslation(component.kind().translationKey()));
		}
		Select<ComponentKind> kind = new Select<>();
		kind.setId("plan-component-kind-" + component.unit().id());
		kind.setItems(ComponentKind.values());
		kind.setItemLabelGenerator((value) -> getTranslation(value.translationKey()));
		kind.setValue(component.kind());
		kind.setWidthFull();
		kind.setAriaLabel(getTranslation("plans.component.column.kind"));
		kind.addValueChangeListener((change) -> changeKind(component, change.getValue()));
		return kind;
	}

	private Component removeCell(ProposedUnit.Component component) {
		Button remove = new Button(VaadinIcon.TRASH.create(), (click) -> selected()
			.ifPresent((unit) -> edit(() -> this.api.unassign(this.id, this.version, unit.key(), component.unit().id()),
					false)));
		remove.setId("plan-component-remove-" + component.unit().id());
		remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
		remove.setAriaLabel(getTranslation("plans.component.remove", component.unit().fullName()));
		return remove;
	}

	private void changeKind(ProposedUnit.Component component, @Nullable ComponentKind kind) {
		if (kind == null || kind == component.kind()) {
			return;
		}
		selected().ifPresent(
				(unit) -> edit(
						() -> this.api.assign(this.id, this.version, new Assignment(unit.key(), component.unit().id(),
								kind, component.areaShare(), component.populationShare(), component.householdShare())),
						false));
	}

	private void showComponents() {
		Optional<ProposedUnit> unit = selected();
		this.componentsTitle.setText(unit.map((u) -> getTranslation("plans.component.title", u.fullName()))
			.orElse(getTranslation("plans.component.choose")));
		this.componentGrid.setItems(unit.map(ProposedUnit::parts).orElse(List.of()));
		this.componentAdd.setEnabled(unit.isPresent());
		this.unitEdit.setEnabled(unit.isPresent());
		this.unitRemove.setEnabled(unit.isPresent());
	}

	private void showValidation() {
		Validation checks = this.validation;
		if (this.units.isEmpty()) {
			// Nothing proposed yet: nothing to call valid, nothing assigned (issue 15).
			this.summary.setText(getTranslation("plans.validation.empty"));
			this.summary.getStyle()
				.set("font-weight", "600")
				.set("color", "var(--vaadin-text-color-secondary, #52606d)");
			this.unassignedCount.setText(getTranslation("plans.unassigned.count", checks.unassigned().size()));
			this.unassignedGrid.setItems(checks.unassigned());
			this.unassignedGrid.setEmptyStateText(getTranslation("plans.unassigned.empty-plan"));
			this.validationPanel.show(checks);
			return;
		}
		this.summary.setText(
				checks.valid() ? getTranslation("plans.validation.valid", checks.errorCount(), checks.warningCount())
						: getTranslation("plans.validation.invalid", checks.errorCount(), checks.warningCount()));
		this.summary.getStyle()
			.set("font-weight", "600")
			.set("color", checks.valid() ? "#1b7f3b" : "var(--vaadin-text-color-error, #c62828)");
		int open = checks.unassigned().size();
		this.unassignedCount.setText(getTranslation("plans.unassigned.count", open));
		this.unassignedGrid.setItems(checks.unassigned());
		this.unassignedGrid.setEmptyStateText(getTranslation("plans.unassigned.none"));
		this.validationPanel.show(checks);
	}

	private Optional<ProposedUnit> selected() {
		return Optional.ofNullable(this.selectedKey).map(this.units::get);
	}

	private void selectKey(@Nullable String key) {
		ProposedUnit unit = (key != null) ? this.units.get(key) : null;
		if (unit != null && this.levelFilter.getValue() != null && this.levelFilter.getValue() != unit.level()) {
			// A unit of another level than the one shown: show them all.
			this.showingUnits = true;
			try {
				this.levelFilter.clear();
			}
			finally {
				this.showingUnits = false;
			}
			showUnits();
		}
		if (unit != null) {
			this.unitGrid.select(unit);
			this.unitGrid.scrollToItem(unit);
		}
		else {
			this.unitGrid.deselectAll();
		}
		this.selectedKey = key;
		showComponents();
	}

	/**
	 * Clicking an issue shows the new unit it is about (or the one taking its old unit).
	 */
	private void selectFromIssue(Validation.Issue issue) {
		String key = issue.proposedUnitKey();
		OldUnit old = issue.unit();
		if (key == null && old != null) {
			key = this.units.values()
				.stream()
				.filter((unit) -> unit.parts().stream().anyMatch((part) -> part.unit().id().equals(old.id())))
				.map(ProposedUnit::key)
				.findFirst()
				.orElse(null);
			if (key == null) {
				this.validation.unassigned()
					.stream()
					.filter((unit) -> unit.id().equals(old.id()))
					.findFirst()
					.ifPresent(this.unassignedGrid::select);
			}
		}
		if (key != null && this.unitsTab != null) {
			this.tabs.setSelectedTab(this.unitsTab);
			selectKey(key);
		}
	}

	private boolean editable() {
		PlanDetails shown = this.plan;
		return shown != null && shown.status().editable() && PlanFormat.mayPlan();
	}

	private void openAssign(@Nullable OldUnit preselected) {
		PlanDetails shown = Objects.requireNonNull(this.plan);
		selected().ifPresent((unit) -> new AssignDialog(this.api, unit, this.validation.unassigned(),
				shown.scopeUnits(), shown.dayBefore(), preselected,
				(assignment) -> edit(() -> this.api.assign(this.id, this.version, assignment), false))
			.open());
	}

	private void saveUnit(UnitDraft draft) {
		edit(() -> this.api.saveUnit(this.id, this.version, draft), false);
	}

	private void confirmRemove(ProposedUnit unit) {
		confirm("plan-unit-remove-confirm", "plans.unit.remove.title", "plans.unit.remove.text", "plans.unit.remove",
				() -> {
					String key = unit.key();
					edit(() -> this.api.removeUnit(this.id, this.version, key), false);
				});
	}

	private void changeStatus(PlanStatus status) {
		edit(() -> this.api.changeStatus(this.id, this.version, status), true);
	}

	private void confirm(String id, String titleKey, String textKey, String actionKey, Runnable action) {
		ConfirmDialog dialog = new ConfirmDialog(getTranslation(titleKey), getTranslation(textKey),
				getTranslation(actionKey), (event) -> action.run());
		dialog.setId(id);
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("action.cancel"));
		dialog.setConfirmButtonTheme("error primary");
		dialog.open();
	}

	/**
	 * Runs one edit and takes in its answer: the version, the validation, and the new
	 * units it sent (all of them after an add; none after a removal or a status change).
	 * @param reloadAll whether the whole page changes (a status step)
	 */
	private void edit(Supplier<PlanPayload> call, boolean reloadAll) {
		this.message.removeAll();
		PlanPayload payload;
		try {
			payload = call.get();
		}
		catch (ApiException ex) {
			showMessage("plan-edit-error",
					getTranslation((ex instanceof ApiForbiddenException) ? "plans.edit.forbidden" : ex.messageKey()));
			return;
		}
		if (payload.conflict()) {
			showConflict();
			return;
		}
		PlanState state = payload.plan();
		if (state == null) {
			showMessage("plan-edit-error",
					String.join(" ", payload.errors().stream().map(UserError::message).toList()));
			return;
		}
		if (reloadAll) {
			reload();
			return;
		}
		take(state);
	}

	private void take(PlanState state) {
		this.version = state.version();
		Map<String, ProposedUnit> answered = new LinkedHashMap<>();
		state.units().forEach((unit) -> answered.put(unit.key(), unit));
		if (answered.size() == state.proposedUnitCount()) {
			// All of them came: an add (or an import). Select the one that is new.
			String added = answered.keySet()
				.stream()
				.filter((key) -> !this.units.containsKey(key))
				.findFirst()
				.orElse(this.selectedKey);
			this.units.clear();
			this.units.putAll(answered);
			this.selectedKey = added;
		}
		else {
			this.units.replaceAll((key, unit) -> answered.getOrDefault(key, unit));
			if (this.units.size() > state.proposedUnitCount()) {
				// A removal: the units the api no longer has are the ones removed.
				this.units.keySet().removeIf((key) -> key.equals(this.selectedKey) && !answered.containsKey(key));
			}
		}
		if (state.validation() != null) {
			this.validation = state.validation();
		}
		Span revision = find("plan-version");
		if (revision != null) {
			revision.setText(getTranslation("plans.version", this.version));
		}
		String keep = this.units.containsKey(this.selectedKey) ? this.selectedKey : null;
		showUnits();
		selectKey(keep);
		showValidation();
		this.diffPanel.stale();
		if (this.diffTab != null && this.tabs.getSelectedTab() == this.diffTab) {
			this.diffPanel.load(this.id);
		}
	}

	private @Nullable Span find(String id) {
		return this.header.getChildren()
			.flatMap(Component::getChildren)
			.filter((child) -> child instanceof Span && id.equals(child.getId().orElse(null)))
			.map(Span.class::cast)
			.findFirst()
			.orElse(null);
	}

	private void importCsv(String csv) {
		this.message.removeAll();
		try {
			vn.ydan.admin.plans.PlanImportResult result = this.api.importCsv(this.id, this.version, csv);
			if (result.requestErrors().stream().anyMatch((error) -> "VERSION_CONFLICT".equals(error.code()))) {
				showConflict();
				this.importPanel.clear();
				return;
			}
			this.importPanel.show(result);
			if (result.plan() != null) {
				take(result.plan());
			}
		}
		catch (ApiException ex) {
			this.importPanel.failed(ex);
		}
	}

	private void showMessage(String id, String text) {
		Span line = new Span(text);
		line.setId(id);
		line.getElement().setAttribute("role", "alert");
		line.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.message.add(line);
	}

	private void showConflict() {
		this.message.removeAll();
		Span text = new Span(getTranslation("plans.conflict"));
		text.setId("plan-conflict");
		Button again = new Button(getTranslation("plans.reload"), VaadinIcon.REFRESH.create(),
				(click) -> reloadAfterConflict());
		again.setId("plan-reload");
		again.addThemeVariants(ButtonVariant.PRIMARY);
		HorizontalLayout box = new HorizontalLayout(text, again);
		box.setAlignItems(FlexComponent.Alignment.CENTER);
		box.getElement().setAttribute("role", "alert");
		box.getStyle()
			.set("padding", "0.75rem 1rem")
			.set("border-radius", "8px")
			.set("background", "#fff4d6")
			.set("border-left", "4px solid #b26a00");
		this.message.add(box);
	}

	private void reloadAfterConflict() {
		reload();
		Notification notification = Notification.show(getTranslation("plans.reloaded"), 3000,
				Notification.Position.BOTTOM_START);
		notification.addThemeVariants(NotificationVariant.INFO);
	}

}

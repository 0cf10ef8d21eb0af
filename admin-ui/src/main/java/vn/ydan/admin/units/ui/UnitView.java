package vn.ydan.admin.units.ui;

import vn.ydan.admin.error.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContextHolder;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.security.Role;
import vn.ydan.admin.security.SignedInUser;
import vn.ydan.admin.units.UnitDetails.LineageLink;
import vn.ydan.admin.units.UnitDetails.TypeCount;
import vn.ydan.admin.units.UnitDetails.Version;
import vn.ydan.admin.units.UnitDetails;
import vn.ydan.admin.units.UnitLevel;
import vn.ydan.admin.units.UnitSummary;
import vn.ydan.admin.units.UnitsApi;

/**
 * One unit as of a date ({@code units/<global id>?asOf=2025-06-30}, today without it):
 * its data, its parent chain, what is below it, and its history: the versions it went
 * through, and the units it came from and went into, each with the relation, the date and
 * the legal basis, and a link that opens that unit as of when the link held.
 * <p>
 * Admins and officials get the edit and "add a residential group" forms; whether they may
 * change this unit is the api's decision, and its refusal is shown as such.
 * <p>
 * Ids: {@code unit-full-name}, {@code unit-parents}, {@code unit-code},
 * {@code unit-name}, {@code unit-type}, {@code unit-level}, {@code unit-parent},
 * {@code unit-area}, {@code unit-population}, {@code unit-households},
 * {@code unit-valid-from}, {@code unit-valid-to}, {@code unit-as-of},
 * {@code unit-child-counts}, {@code unit-children}, {@code unit-history},
 * {@code unit-predecessors}, {@code unit-successors}, {@code unit-edit},
 * {@code unit-add-group}, {@code unit-community-teams}, {@code unit-not-found},
 * {@code unit-error}.
 */
@Route("units/:id")
@PermitAll
public class UnitView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	static final String ID = "id";

	private static final String CHAIN_ARROW = " › ";

	private final UnitsApi api;

	private String id = "";

	private @Nullable LocalDate asOf;

	private @Nullable UnitDetails unit;

	private @Nullable ApiException failure;

	private boolean notFound;

	public UnitView(UnitsApi api) {
		this.api = api;
		setId("unit-view");
		setMaxWidth("72rem");
	}

	/** A link to a unit's page, as of a date (today when none). */
	static RouterLink link(String text, String id, @Nullable LocalDate asOf) {
		RouterLink link = new RouterLink(text, UnitView.class, new RouteParameters(ID, id));
		link.setQueryParameters(query(asOf));
		return link;
	}

	static void open(UI ui, String id, @Nullable LocalDate asOf) {
		ui.navigate(UnitView.class, new RouteParameters(ID, id), query(asOf));
	}

	private static QueryParameters query(@Nullable LocalDate asOf) {
		return (asOf != null) ? QueryParameters.of(UnitsView.AS_OF, asOf.toString()) : QueryParameters.empty();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.id = event.getRouteParameters().get(ID).orElse("");
		List<String> dates = event.getLocation()
			.getQueryParameters()
			.getParameters()
			.getOrDefault(UnitsView.AS_OF, List.of());
		this.asOf = dates.isEmpty() ? null : UnitFormat.isoDate(dates.get(0)).orElse(null);
		load();
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		render();
	}

	@Override
	public String getPageTitle() {
		UnitDetails shown = this.unit;
		String name = (shown != null) ? shown.fullName() : getTranslation("units.unit.title");
		return name + " · " + getTranslation("app.title");
	}

	private void load() {
		this.unit = null;
		this.failure = null;
		this.notFound = false;
		try {
			this.unit = this.api.unit(this.id, this.asOf).orElse(null);
			this.notFound = this.unit == null;
		}
		catch (ApiException ex) {
			this.failure = ex;
		}
		render();
		// The title names the unit, which was not known when the page was entered.
		UI.getCurrent().getPage().setTitle(getPageTitle());
	}

	private void render() {
		removeAll();
		UnitDetails shown = this.unit;
		ApiException problem = this.failure;
		if (problem != null) {
			add(new H2(getTranslation("units.unit.title")), Problem.of(this, "unit-error", problem, this::load));
			return;
		}
		if (shown == null) {
			Paragraph message = new Paragraph(this.notFound ? notFoundMessage() : getTranslation("home.loading"));
			message.setId("unit-not-found");
			add(new H2(getTranslation("units.unit.title")), message,
					new RouterLink(getTranslation("units.back"), UnitsView.class));
			return;
		}
		add(parents(shown), heading(shown), asOfRow(shown));
		if (mayEdit()) {
			add(actions(shown));
		}
		add(details(shown));
		if (shown.level().mayHaveChildren()) {
			add(children(shown));
		}
		add(history(shown));
	}

	private String notFoundMessage() {
		LocalDate date = this.asOf;
		return (date != null) ? getTranslation("units.unit.not-found-on", UnitFormat.date(date))
				: getTranslation("units.unit.not-found");
	}

	private Component parents(UnitDetails shown) {
		Div chain = new Div();
		chain.setId("unit-parents");
		chain.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.25rem");
		chain.add(new RouterLink(getTranslation("units.title"), UnitsView.class, new RouteParameters()));
		List<UnitRef> topDown = new ArrayList<>(shown.parentChain());
		Collections.reverse(topDown);
		for (UnitRef parent : topDown) {
			chain.add(new Span(CHAIN_ARROW), link(parent.fullName(), parent.id(), this.asOf));
		}
		return chain;
	}

	private Component heading(UnitDetails shown) {
		H2 heading = new H2(shown.fullName());
		heading.setId("unit-full-name");
		heading.getStyle().set("margin-top", "0.25rem");
		return heading;
	}

	private Component asOfRow(UnitDetails shown) {
		DatePicker date = new DatePicker(getTranslation("units.as-of"));
		date.setId("unit-as-of");
		date.setI18n(UnitFormat.datePickerI18n(this));
		date.setClearButtonVisible(true);
		date.setHelperText(getTranslation("units.as-of.helper"));
		date.setValue(this.asOf);
		date.addValueChangeListener((change) -> {
			if (change.isFromClient()) {
				open(UI.getCurrent(), this.id, change.getValue());
			}
		});
		// For a date on which the unit did not exist, the api shows it as on the nearest
		// date it did: say so, or the page would pass for what the unit was then.
		LocalDate asked = this.asOf;
		LocalDate answeredFor = shown.asOf();
		Span answered = new Span((asked != null && answeredFor != null && !asked.equals(answeredFor))
				? getTranslation("units.unit.shown-nearest", UnitFormat.date(asked), UnitFormat.date(answeredFor))
				: getTranslation("units.unit.shown-as-of", UnitFormat.date(answeredFor)));
		answered.setId("unit-shown-as-of");
		HorizontalLayout row = new HorizontalLayout(date, answered);
		row.setAlignItems(FlexComponent.Alignment.BASELINE);
		return row;
	}

	private boolean mayEdit() {
		Set<Role> roles = SignedInUser.of(SecurityContextHolder.getContext().getAuthentication())
			.map(SignedInUser::roles)
			.orElse(Set.of());
		return roles.contains(Role.ADMIN) || roles.contains(Role.OFFICIAL);
	}

	private Component actions(UnitDetails shown) {
		HorizontalLayout actions = new HorizontalLayout();
		Button edit = new Button(getTranslation("units.edit"), VaadinIcon.EDIT.create(),
				(click) -> new UnitEditDialog(this.api, shown, this::saved).open());
		edit.setId("unit-edit");
		actions.add(edit);
		if (shown.level() == UnitLevel.COMMUNE) {
			Button addGroup = new Button(getTranslation("units.group.add"), VaadinIcon.PLUS.create(),
					(click) -> new ResidentialGroupDialog(this.api, shown, this::saved).open());
			addGroup.setId("unit-add-group");
			actions.add(addGroup);
			// By address, not by class: the community teams are another feature's screen.
			Anchor teams = new Anchor("communities/" + shown.id(), getTranslation("units.community-teams"));
			teams.setId("unit-community-teams");
			actions.add(teams);
		}
		return actions;
	}

	private void saved(String messageKey) {
		load();
		Notification notification = Notification.show(getTranslation(messageKey), 4000,
				Notification.Position.BOTTOM_START);
		notification.addThemeVariants(NotificationVariant.SUCCESS);
		notification.setId("unit-saved");
	}

	private Component details(UnitDetails shown) {
		Card card = new Card();
		card.setId("unit-details");
		card.setTitle(getTranslation("units.unit.details"));
		List<UnitRef> chain = shown.parentChain();
		Component parent = chain.isEmpty() ? new Span("—")
				: link(chain.get(0).fullName(), chain.get(0).id(), this.asOf);
		card.add(field("units.field.code", "unit-code", text(shown.code())),
				field("units.field.name", "unit-name", new Span(shown.name())),
				field("units.field.type", "unit-type", new Span(UnitFormat.type(this, shown.type(), shown.typeName()))),
				field("units.field.level", "unit-level", new Span(UnitFormat.level(this, shown.level()))),
				field("units.field.parent", "unit-parent", parent),
				field("units.field.area", "unit-area",
						new Span((shown.areaKm2() != null)
								? getTranslation("units.unit.km2", UnitFormat.number(this, shown.areaKm2())) : "—")),
				field("units.field.population", "unit-population",
						new Span(UnitFormat.number(this, shown.population()))),
				field("units.field.households", "unit-households",
						new Span(UnitFormat.number(this, shown.households()))),
				field("units.field.valid-from", "unit-valid-from", new Span(UnitFormat.date(shown.validFrom()))),
				field("units.field.valid-to", "unit-valid-to", new Span((shown.validTo() != null)
						? UnitFormat.date(shown.validTo()) : getTranslation("units.unit.in-force"))));
		return card;
	}

	private Component children(UnitDetails shown) {
		VerticalLayout section = new VerticalLayout();
		section.setPadding(false);
		section.add(new H3(getTranslation("units.unit.children")));

		Div counts = new Div();
		counts.setId("unit-child-counts");
		counts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem 1.5rem");
		List<TypeCount> byType = shown.countsByType();
		if (byType.isEmpty()) {
			counts.add(new Span(getTranslation("units.unit.no-children")));
		}
		for (TypeCount count : byType) {
			Span item = new Span(UnitFormat.type(this, count.type(), count.typeName()) + ": "
					+ UnitFormat.number(this, count.count()));
			item.setId("unit-child-count-" + count.type().toLowerCase(Locale.ROOT).replace('_', '-'));
			counts.add(item);
		}

		Grid<UnitSummary> grid = new Grid<>();
		grid.setId("unit-children");
		grid.addThemeVariants(GridVariant.ROW_STRIPES);
		grid.setHeight("24rem");
		grid.addColumn(UnitSummary::fullName).setHeader(getTranslation("units.column.name")).setFlexGrow(3);
		grid.addColumn(UnitSummary::code).setHeader(getTranslation("units.column.code")).setAutoWidth(true);
		grid.addColumn((child) -> UnitFormat.type(this, child.type(), child.typeName()))
			.setHeader(getTranslation("units.column.type"))
			.setAutoWidth(true);
		grid.addColumn((child) -> (child.households() != null) ? UnitFormat.number(this, child.households()) : "")
			.setHeader(getTranslation("units.column.households"))
			.setTextAlign(ColumnTextAlign.END)
			.setAutoWidth(true);
		grid.setEmptyStateText(getTranslation("units.unit.no-children"));
		grid.getColumns().forEach((column) -> column.setSortable(false));
		UnitPages pages = new UnitPages((after) -> this.api.children(shown.id(), this.asOf, after),
				(ex) -> counts.add(Problem.of(this, "unit-children-error", ex, this::load)));
		grid.setItems((query) -> pages.fetch(query.getOffset(), query.getLimit()), (query) -> pages.size());
		grid.addItemClickListener((click) -> open(UI.getCurrent(), click.getItem().id(), this.asOf));
		section.add(counts, grid);
		return section;
	}

	private Component history(UnitDetails shown) {
		VerticalLayout section = new VerticalLayout();
		section.setPadding(false);
		section.add(new H3(getTranslation("units.unit.history")));

		Grid<Version> versions = new Grid<>();
		versions.setId("unit-history");
		versions.setAllRowsVisible(true);
		versions.addColumn((version) -> UnitFormat.date(version.validFrom()))
			.setHeader(getTranslation("units.field.valid-from"))
			.setAutoWidth(true);
		versions
			.addColumn((version) -> (version.validTo() != null) ? UnitFormat.date(version.validTo())
					: getTranslation("units.unit.in-force"))
			.setHeader(getTranslation("units.field.valid-to"))
			.setAutoWidth(true);
		versions.addColumn(Version::code).setHeader(getTranslation("units.column.code")).setAutoWidth(true);
		versions.addColumn(Version::fullName).setHeader(getTranslation("units.column.name")).setFlexGrow(2);
		versions.addColumn((version) -> UnitFormat.type(this, version.type(), version.typeName()))
			.setHeader(getTranslation("units.column.type"))
			.setAutoWidth(true);
		versions.addColumn(new ComponentRenderer<>((version) -> {
			UnitRef parent = version.parent();
			return (parent != null) ? link(parent.fullName(), parent.id(), version.validFrom()) : new Span("—");
		})).setHeader(getTranslation("units.field.parent")).setFlexGrow(2);
		versions.setEmptyStateText(getTranslation("units.unit.no-history"));
		versions.setItems(shown.versions());

		section.add(versions, new H3(getTranslation("units.unit.predecessors")),
				lineage("unit-predecessors", shown.cameFrom(), true, "units.unit.no-predecessors"),
				new H3(getTranslation("units.unit.successors")),
				lineage("unit-successors", shown.wentInto(), false, "units.unit.no-successors"));
		return section;
	}

	/**
	 * A unit it came from is opened as of the day before the change (it may have ended
	 * with it); one it went into, as of the day of the change.
	 */
	private Grid<LineageLink> lineage(String id, List<LineageLink> links, boolean before, String emptyKey) {
		Grid<LineageLink> grid = new Grid<>();
		grid.setId(id);
		grid.setAllRowsVisible(true);
		grid.addColumn(new ComponentRenderer<>((link) -> link(link.unit().fullName(), link.unit().id(),
				before ? link.effectiveDate().minusDays(1) : link.effectiveDate())))
			.setHeader(getTranslation("units.column.unit"))
			.setFlexGrow(2);
		grid.addColumn((link) -> UnitFormat.relation(this, link.relation()))
			.setHeader(getTranslation("units.column.relation"))
			.setAutoWidth(true);
		grid.addColumn((link) -> UnitFormat.detail(this, link.detail()))
			.setHeader(getTranslation("units.column.detail"))
			.setFlexGrow(2);
		grid.addColumn((link) -> UnitFormat.date(link.effectiveDate()))
			.setHeader(getTranslation("units.column.effective-date"))
			.setAutoWidth(true);
		grid.addColumn((link) -> (link.legalBasis() != null) ? link.legalBasis() : "")
			.setHeader(getTranslation("units.column.legal-basis"))
			.setFlexGrow(2);
		grid.setEmptyStateText(getTranslation(emptyKey));
		grid.setItems(links);
		return grid;
	}

	private Div field(String labelKey, String valueId, Component value) {
		Span label = new Span(getTranslation(labelKey));
		label.getStyle().set("color", "var(--vaadin-text-color-secondary, #52606d)").set("min-width", "12rem");
		value.setId(valueId);
		Div row = new Div(label, value);
		row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem");
		return row;
	}

	private static Span text(@Nullable String value) {
		return new Span((value != null && !value.isBlank()) ? value : "—");
	}

}

package vn.ydan.admin.access.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.access.AccessApi;
import vn.ydan.admin.access.Role;
import vn.ydan.admin.access.ScopeUnit;
import vn.ydan.admin.access.UserAccount;
import vn.ydan.admin.access.UserPayload;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.ApiFailedException;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.layout.Confirmation;

/**
 * Users and their roles, for admins: search, create, enable or disable, give a temporary
 * password, set roles and scope (a unit picker over the api's name search, with or
 * without diacritics), bind a resident to a household, and see what the user may do.
 * Every change is an api mutation; the api calls Keycloak and records it in the audit
 * log.
 * <p>
 * Ids: {@code access-users-search}, {@code access-users-grid},
 * {@code access-user-create}, {@code access-user-details}, {@code access-user-roles},
 * {@code access-user-scope}, {@code access-scope-search}, {@code access-scope-results},
 * {@code access-scope-add-<code>}, {@code access-scope-remove-<code>},
 * {@code access-user-save}, {@code access-user-enabled}, {@code access-user-password},
 * {@code access-user-password-set}, {@code access-user-household},
 * {@code access-user-household-save}, {@code access-user-permissions},
 * {@code access-user-message}, {@code access-users-error}.
 */
@Route("access/users")
@Menu(title = "nav.access-users", order = 40, icon = "vaadin:users")
@RolesAllowed("admin")
public class UsersView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

	private final AccessApi api;

	private final H2 title = new H2();

	private final TextField search = new TextField();

	private final Button create = new Button();

	private final Span count = new Span();

	private final Grid<UserAccount> grid = new Grid<>();

	private final Div problem = new Div();

	private final VerticalLayout details = new VerticalLayout();

	private final H3 userTitle = new H3();

	private final CheckboxGroup<Role> roles = new CheckboxGroup<>();

	private final Div scope = new Div();

	private final TextField scopeSearch = new TextField();

	private final Button scopeSearchButton = new Button();

	private final VerticalLayout scopeResults = new VerticalLayout();

	private final Button save = new Button();

	private final Button enabled = new Button();

	private final PasswordField password = new PasswordField();

	private final Button passwordSet = new Button();

	private final TextField household = new TextField();

	private final Button householdSave = new Button();

	private final UnorderedList permissions = new UnorderedList();

	private final Span message = new Span();

	private final List<ScopeUnit> chosenScope = new ArrayList<>();

	private @Nullable UserAccount selected;

	public UsersView(AccessApi api) {
		this.api = api;
		setWidthFull();
		this.search.setId("access-users-search");
		this.search.setClearButtonVisible(true);
		this.search.setPrefixComponent(VaadinIcon.SEARCH.create());
		this.search.addValueChangeListener((change) -> reload(null));
		this.create.setId("access-user-create");
		this.create.setIcon(VaadinIcon.PLUS.create());
		this.create.addClickListener((click) -> new CreateUserDialog(api, this::reload).open());
		this.count.setId("access-users-count");
		HorizontalLayout bar = new HorizontalLayout(this.search, this.create, this.count);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);

		this.grid.setId("access-users-grid");
		this.grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
		this.grid.addColumn(UserAccount::username).setKey("username").setAutoWidth(true);
		this.grid.addColumn(UserAccount::displayName).setKey("name").setAutoWidth(true);
		this.grid.addColumn(
				(user) -> String.join(", ", user.roles().stream().map((r) -> getTranslation(r.labelKey())).toList()))
			.setKey("roles")
			.setAutoWidth(true);
		this.grid.addColumn((user) -> String.join(", ", user.scope().stream().map(ScopeUnit::fullName).toList()))
			.setKey("scope")
			.setFlexGrow(1);
		this.grid.addColumn((user) -> getTranslation(user.enabled() ? "access.enabled.yes" : "access.enabled.no"))
			.setKey("enabled")
			.setAutoWidth(true);
		this.grid.setHeight("18rem");
		// The user's panel opens below: the page grows and scrolls, the list keeps its
		// height (it shrank to 1–3 rows while editing).
		this.grid.getStyle().set("flex-shrink", "0");
		this.grid.asSingleSelect().addValueChangeListener((change) -> show(change.getValue()));

		this.problem.setId("access-users-error");
		this.details.setId("access-user-details");
		this.details.setPadding(false);
		this.details.setVisible(false);
		this.roles.setId("access-user-roles");
		this.roles.setItems(Role.values());
		this.roles.setItemLabelGenerator((role) -> getTranslation(role.labelKey()));
		this.scope.setId("access-user-scope");
		this.scope.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem");
		this.scopeSearch.setId("access-scope-search");
		this.scopeSearch.setClearButtonVisible(true);
		this.scopeSearch.addKeyPressListener(Key.ENTER, (event) -> searchUnits());
		this.scopeSearchButton.setId("access-scope-search-button");
		this.scopeSearchButton.setIcon(VaadinIcon.SEARCH.create());
		this.scopeSearchButton.addClickListener((click) -> searchUnits());
		this.scopeResults.setId("access-scope-results");
		this.scopeResults.setPadding(false);
		this.scopeResults.setSpacing(false);
		this.save.setId("access-user-save");
		this.save.addThemeVariants(ButtonVariant.PRIMARY);
		this.save.addClickListener((click) -> saveRolesAndScope());
		this.enabled.setId("access-user-enabled");
		this.enabled.addClickListener((click) -> toggleEnabled());
		this.password.setId("access-user-password");
		this.passwordSet.setId("access-user-password-set");
		this.passwordSet.addClickListener((click) -> setPassword());
		this.household.setId("access-user-household");
		this.householdSave.setId("access-user-household-save");
		this.householdSave.addClickListener((click) -> saveHousehold());
		this.permissions.setId("access-user-permissions");
		this.message.setId("access-user-message");
		this.message.getElement().setAttribute("role", "status");

		HorizontalLayout scopePicker = new HorizontalLayout(this.scopeSearch, this.scopeSearchButton);
		scopePicker.setAlignItems(FlexComponent.Alignment.BASELINE);
		HorizontalLayout passwordRow = new HorizontalLayout(this.password, this.passwordSet);
		passwordRow.setAlignItems(FlexComponent.Alignment.BASELINE);
		HorizontalLayout householdRow = new HorizontalLayout(this.household, this.householdSave);
		householdRow.setAlignItems(FlexComponent.Alignment.BASELINE);
		this.details.add(this.userTitle, this.message, this.roles, this.scope, scopePicker, this.scopeResults,
				new HorizontalLayout(this.save, this.enabled), passwordRow, householdRow, this.permissions);
		add(this.title, bar, this.problem, this.grid, this.details);
		texts();
		reload(null);
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		texts();
		this.grid.getDataProvider().refreshAll();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("access.users.title") + " · " + getTranslation("app.title");
	}

	private void texts() {
		this.title.setText(getTranslation("access.users.title"));
		this.search.setPlaceholder(getTranslation("access.users.search"));
		this.search.setAriaLabel(getTranslation("access.users.search"));
		this.create.setText(getTranslation("access.users.create"));
		this.grid.getColumnByKey("username").setHeader(getTranslation("access.column.username"));
		this.grid.getColumnByKey("name").setHeader(getTranslation("access.column.name"));
		this.grid.getColumnByKey("roles").setHeader(getTranslation("access.column.roles"));
		this.grid.getColumnByKey("scope").setHeader(getTranslation("access.column.scope"));
		this.grid.getColumnByKey("enabled").setHeader(getTranslation("access.column.enabled"));
		this.roles.setLabel(getTranslation("access.user.roles"));
		this.scopeSearch.setLabel(getTranslation("access.user.scope.search"));
		this.scopeSearch.setPlaceholder(getTranslation("access.user.scope.search.placeholder"));
		this.scopeSearchButton.setAriaLabel(getTranslation("access.user.scope.search"));
		this.save.setText(getTranslation("access.user.save"));
		this.password.setLabel(getTranslation("access.user.password"));
		this.passwordSet.setText(getTranslation("access.user.password.set"));
		this.household.setLabel(getTranslation("access.user.household"));
		this.householdSave.setText(getTranslation("access.user.household.save"));
		if (this.selected != null) {
			show(this.selected);
		}
	}

	/** Loads the users matching the search; selects {@code username} if given. */
	void reload(@Nullable String username) {
		this.problem.removeAll();
		AccessApi.Users users;
		try {
			users = this.api.users(this.search.getValue());
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "access-users-error-message", ex, () -> reload(username)));
			return;
		}
		this.grid.setItems(users.users());
		this.count.setText(getTranslation("access.users.count", users.totalCount()));
		String wanted = (username != null) ? username : (this.selected != null) ? this.selected.username() : null;
		users.users()
			.stream()
			.filter((user) -> user.username().equals(wanted))
			.findFirst()
			.ifPresentOrElse(this.grid::select, () -> show(null));
	}

	private void show(@Nullable UserAccount user) {
		this.selected = user;
		this.details.setVisible(user != null);
		if (user == null) {
			return;
		}
		this.userTitle.setText(user.displayName() + " (" + user.username() + ")");
		this.roles.setValue(java.util.Set.copyOf(user.roles()));
		this.chosenScope.clear();
		this.chosenScope.addAll(user.scope());
		renderScope();
		this.scopeResults.removeAll();
		this.enabled.setText(getTranslation(user.enabled() ? "access.user.disable" : "access.user.enable"));
		this.household.setValue((user.household() != null) ? user.household() : "");
		this.password.clear();
		this.permissions.removeAll();
		user.effectivePermissions().forEach((permission) -> this.permissions.add(new ListItem(permission)));
	}

	private void renderScope() {
		this.scope.removeAll();
		if (this.chosenScope.isEmpty()) {
			this.scope.add(new Span(getTranslation("access.user.scope.none")));
			return;
		}
		for (ScopeUnit unit : this.chosenScope) {
			Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), (click) -> {
				this.chosenScope.remove(unit);
				renderScope();
			});
			remove.setId("access-scope-remove-" + key(unit));
			remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
			remove.setAriaLabel(getTranslation("access.user.scope.remove", unit.fullName()));
			Span chip = new Span(new Span(unit.fullName()), remove);
			chip.getElement().getThemeList().add("badge");
			this.scope.add(chip);
		}
	}

	private void searchUnits() {
		this.scopeResults.removeAll();
		String text = this.scopeSearch.getValue().strip();
		if (text.isEmpty()) {
			return;
		}
		List<ScopeUnit> found;
		try {
			found = this.api.searchUnits(text);
		}
		catch (ApiException ex) {
			this.scopeResults.add(Problem.of(this, "access-scope-error", ex, this::searchUnits));
			return;
		}
		if (found.isEmpty()) {
			this.scopeResults.add(new Span(getTranslation("access.user.scope.no-match")));
		}
		for (ScopeUnit unit : found) {
			Button add = new Button(unit.label(), VaadinIcon.PLUS.create(), (click) -> {
				if (this.chosenScope.stream().noneMatch((chosen) -> chosen.id().equals(unit.id()))) {
					this.chosenScope.add(unit);
					renderScope();
				}
			});
			add.setId("access-scope-add-" + key(unit));
			add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
			this.scopeResults.add(add);
		}
	}

	private void saveRolesAndScope() {
		UserAccount user = this.selected;
		if (user == null) {
			return;
		}
		List<Role> chosenRoles = this.roles.getValue().stream().sorted().toList();
		apply(() -> this.api.setRolesAndScope(user.id(), chosenRoles,
				this.chosenScope.stream().map(ScopeUnit::id).toList()), "access.user.saved");
	}

	/** Enabling is one click; disabling (it ends the user's sessions) asks first. */
	private void toggleEnabled() {
		UserAccount user = this.selected;
		if (user == null) {
			return;
		}
		if (!user.enabled()) {
			apply(() -> this.api.setEnabled(user.id(), true), "access.user.enabled");
			return;
		}
		Confirmation.ask(this, "access-user-disable-confirm",
				getTranslation("access.user.disable.confirm.header", user.username()),
				getTranslation("access.user.disable.confirm.text", user.username()),
				getTranslation("access.user.disable"),
				() -> apply(() -> this.api.setEnabled(user.id(), false), "access.user.disabled"));
	}

	private void setPassword() {
		UserAccount user = this.selected;
		if (user != null) {
			apply(() -> this.api.setTemporaryPassword(user.id(), this.password.getValue()),
					"access.user.password.done");
		}
	}

	private void saveHousehold() {
		UserAccount user = this.selected;
		if (user != null) {
			apply(() -> this.api.setHousehold(user.id(), this.household.getValue()), "access.user.household.saved");
		}
	}

	private void apply(java.util.function.Supplier<UserPayload> change, String doneKey) {
		UserPayload payload;
		try {
			payload = change.get();
		}
		catch (ApiException ex) {
			say(failure(this, ex), true);
			return;
		}
		if (!payload.errors().isEmpty()) {
			say(String.join(" ", payload.errors().stream().map(UserError::message).toList()), true);
			return;
		}
		UserAccount user = payload.user();
		reload((user != null) ? user.username() : null);
		say(getTranslation(doneKey), false);
	}

	private void say(String text, boolean error) {
		this.message.setText(text);
		this.message.getStyle().set("color", error ? "var(--vaadin-text-color-error, #c62828)" : "inherit");
		this.message.getElement().setAttribute("data-kind", error ? "error" : "done");
	}

	/**
	 * The failure in the user's words; when the api explained (Keycloak down and what was
	 * left), its own message too.
	 */
	static String failure(com.vaadin.flow.component.Component on, ApiException ex) {
		String text = on.getTranslation(ex.messageKey());
		if (ex instanceof ApiFailedException && ex.getMessage() != null && ex.getMessage().contains(": ")) {
			text += " " + ex.getMessage().substring(ex.getMessage().indexOf(": ") + 2);
		}
		return text;
	}

	private static String key(ScopeUnit unit) {
		return (unit.code() != null) ? unit.code() : unit.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}

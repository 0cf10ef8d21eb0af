package vn.ydan.admin.access.ui;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.access.AccessApi;
import vn.ydan.admin.access.PartnerApp;
import vn.ydan.admin.access.PartnerAppPayload;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.layout.Confirmation;

/**
 * Partner apps, for admins: register one (the api makes a Keycloak client-credentials
 * client with the role {@code partner}; its secret is shown once, with a copy button and
 * a warning), rotate its secret, disable or enable it.
 * <p>
 * Ids: {@code partner-apps-grid}, {@code partner-app-name},
 * {@code partner-app-description}, {@code partner-app-resident-answers},
 * {@code partner-app-redirect-uris}, {@code partner-app-register},
 * {@code partner-app-rotate}, {@code partner-app-enabled}, {@code partner-app-message},
 * {@code partner-secret-dialog}, {@code partner-secret-client-id},
 * {@code partner-secret}, {@code partner-secret-copy}, {@code partner-secret-warning},
 * {@code partner-secret-close}, {@code partner-apps-error}.
 */
@Route("access/partner-apps")
@Menu(title = "nav.access-partner-apps", order = 41, icon = "vaadin:connect")
@RolesAllowed("admin")
public class PartnerAppsView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

	private final AccessApi api;

	private final H2 title = new H2();

	private final Grid<PartnerApp> grid = new Grid<>();

	private final Div problem = new Div();

	private final H3 registerTitle = new H3();

	private final TextField name = new TextField();

	private final TextField description = new TextField();

	private final Checkbox residentAnswers = new Checkbox();

	private final TextArea redirectUris = new TextArea();

	private final Button register = new Button();

	private final Button rotate = new Button();

	private final Button enabled = new Button();

	private final Span message = new Span();

	public PartnerAppsView(AccessApi api) {
		this.api = api;
		this.grid.setId("partner-apps-grid");
		this.grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
		this.grid.addColumn(PartnerApp::name).setKey("name").setAutoWidth(true);
		this.grid.addColumn(PartnerApp::clientId).setKey("clientId").setAutoWidth(true);
		this.grid.addColumn((app) -> getTranslation(app.enabled() ? "access.enabled.yes" : "access.enabled.no"))
			.setKey("enabled");
		this.grid.addColumn((app) -> getTranslation(app.residentAnswers() ? "access.enabled.yes" : "access.enabled.no"))
			.setKey("residentAnswers");
		this.grid.setHeight("14rem");
		this.grid.asSingleSelect().addValueChangeListener((change) -> selected(change.getValue()));
		this.problem.setId("partner-apps-error");
		this.name.setId("partner-app-name");
		this.name.setRequiredIndicatorVisible(true);
		this.description.setId("partner-app-description");
		this.residentAnswers.setId("partner-app-resident-answers");
		this.redirectUris.setId("partner-app-redirect-uris");
		this.register.setId("partner-app-register");
		this.register.addThemeVariants(ButtonVariant.PRIMARY);
		this.register.addClickListener((click) -> register());
		this.rotate.setId("partner-app-rotate");
		this.rotate.setIcon(VaadinIcon.KEY.create());
		this.rotate.addClickListener((click) -> rotate());
		this.enabled.setId("partner-app-enabled");
		this.enabled.addClickListener((click) -> toggle());
		this.message.setId("partner-app-message");
		this.message.getElement().setAttribute("role", "status");
		selected(null);
		FormLayout form = new FormLayout(this.name, this.description, this.redirectUris, this.residentAnswers);
		add(this.title, this.problem, this.grid, new HorizontalLayout(this.rotate, this.enabled), this.message,
				this.registerTitle, form, this.register);
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
		return getTranslation("access.apps.title") + " · " + getTranslation("app.title");
	}

	private void texts() {
		this.title.setText(getTranslation("access.apps.title"));
		this.grid.getColumnByKey("name").setHeader(getTranslation("access.apps.column.name"));
		this.grid.getColumnByKey("clientId").setHeader(getTranslation("access.apps.column.client-id"));
		this.grid.getColumnByKey("enabled").setHeader(getTranslation("access.column.enabled"));
		this.grid.getColumnByKey("residentAnswers").setHeader(getTranslation("access.apps.resident-answers"));
		this.registerTitle.setText(getTranslation("access.apps.register.title"));
		this.name.setLabel(getTranslation("access.apps.column.name"));
		this.description.setLabel(getTranslation("access.apps.description"));
		this.residentAnswers.setLabel(getTranslation("access.apps.resident-answers"));
		this.redirectUris.setLabel(getTranslation("access.apps.redirect-uris"));
		this.redirectUris.setHelperText(getTranslation("access.apps.redirect-uris.helper"));
		this.register.setText(getTranslation("access.apps.register"));
		this.rotate.setText(getTranslation("access.apps.rotate"));
		PartnerApp app = this.grid.asSingleSelect().getValue();
		this.enabled
			.setText(getTranslation((app != null && !app.enabled()) ? "access.apps.enable" : "access.apps.disable"));
	}

	private void reload(@Nullable String clientId) {
		this.problem.removeAll();
		List<PartnerApp> apps;
		try {
			apps = this.api.partnerApps();
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "partner-apps-error-message", ex, () -> reload(clientId)));
			return;
		}
		this.grid.setItems(apps);
		apps.stream().filter((app) -> app.clientId().equals(clientId)).findFirst().ifPresent(this.grid::select);
	}

	private void selected(@Nullable PartnerApp app) {
		this.rotate.setEnabled(app != null);
		this.enabled.setEnabled(app != null);
		this.enabled
			.setText(getTranslation((app != null && !app.enabled()) ? "access.apps.enable" : "access.apps.disable"));
	}

	private void register() {
		this.message.setText("");
		if (this.name.getValue().isBlank()) {
			this.name.setErrorMessage(getTranslation("access.apps.name-required"));
			this.name.setInvalid(true);
			return;
		}
		List<String> uris = Arrays.stream(this.redirectUris.getValue().split("\\s+"))
			.filter((uri) -> !uri.isBlank())
			.toList();
		PartnerAppPayload payload = call(() -> this.api.registerPartnerApp(this.name.getValue().strip(),
				this.description.getValue(), this.residentAnswers.getValue(), uris));
		if (payload != null) {
			this.name.clear();
			this.description.clear();
			this.redirectUris.clear();
			this.residentAnswers.clear();
		}
	}

	private void rotate() {
		PartnerApp app = this.grid.asSingleSelect().getValue();
		if (app != null) {
			call(() -> this.api.rotateSecret(app.id()));
		}
	}

	/** Resuming is one click; suspending (the app's calls are refused) asks first. */
	private void toggle() {
		PartnerApp app = this.grid.asSingleSelect().getValue();
		if (app == null) {
			return;
		}
		if (!app.enabled()) {
			call(() -> this.api.setAppEnabled(app.id(), true));
			return;
		}
		Confirmation.ask(this, "access-app-disable-confirm",
				getTranslation("access.apps.disable.confirm.header", app.name()),
				getTranslation("access.apps.disable.confirm.text", app.name()), getTranslation("access.apps.disable"),
				() -> call(() -> this.api.setAppEnabled(app.id(), false)));
	}

	private @Nullable PartnerAppPayload call(java.util.function.Supplier<PartnerAppPayload> change) {
		PartnerAppPayload payload;
		try {
			payload = change.get();
		}
		catch (ApiException ex) {
			this.message.setText(UsersView.failure(this, ex));
			return null;
		}
		if (!payload.errors().isEmpty()) {
			this.message.setText(String.join(" ", payload.errors().stream().map(UserError::message).toList()));
			return null;
		}
		PartnerApp app = payload.app();
		reload((app != null) ? app.clientId() : null);
		if (app != null && payload.secret() != null) {
			showSecret(app, payload.secret());
		}
		else {
			this.message.setText(getTranslation("access.apps.saved"));
		}
		return payload;
	}

	/**
	 * The secret, once: it is not stored by the console and the api never shows it again.
	 */
	private void showSecret(PartnerApp app, String secret) {
		Dialog dialog = new Dialog();
		dialog.setId("partner-secret-dialog");
		dialog.setHeaderTitle(getTranslation("access.apps.secret.title", app.name()));
		dialog.setCloseOnOutsideClick(false);
		TextField clientId = new TextField(getTranslation("access.apps.column.client-id"));
		clientId.setId("partner-secret-client-id");
		clientId.setValue(app.clientId());
		clientId.setReadOnly(true);
		clientId.setWidthFull();
		TextField value = new TextField(getTranslation("access.apps.secret"));
		value.setId("partner-secret");
		value.setValue(secret);
		value.setReadOnly(true);
		value.setWidthFull();
		Button copy = new Button(getTranslation("access.apps.secret.copy"), VaadinIcon.COPY.create());
		copy.setId("partner-secret-copy");
		copy.addClickListener((click) -> {
			copy.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret);
			copy.setText(getTranslation("access.apps.secret.copied"));
		});
		Paragraph warning = new Paragraph(getTranslation("access.apps.secret.warning"));
		warning.setId("partner-secret-warning");
		warning.getElement().setAttribute("role", "alert");
		warning.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)").set("font-weight", "600");
		Button close = new Button(getTranslation("access.apps.secret.close"), (click) -> dialog.close());
		close.setId("partner-secret-close");
		close.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(new VerticalLayout(warning, clientId, value, copy));
		dialog.getFooter().add(close);
		dialog.open();
	}

}

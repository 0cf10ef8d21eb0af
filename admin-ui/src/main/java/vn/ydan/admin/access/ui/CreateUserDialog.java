package vn.ydan.admin.access.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.HasValidation;

import vn.ydan.admin.access.AccessApi;
import vn.ydan.admin.access.Role;
import vn.ydan.admin.access.UserPayload;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UserError;

/**
 * A new user: login name, names, e-mail, a temporary password and roles. The api's
 * refusals (USERNAME_TAKEN…) appear under their field.
 * <p>
 * Ids: {@code access-create-dialog}, {@code access-create-username},
 * {@code access-create-last-name}, {@code access-create-first-name},
 * {@code access-create-email}, {@code access-create-password},
 * {@code access-create-roles}, {@code access-create-save}, {@code access-create-error}.
 */
final class CreateUserDialog extends Dialog {

	private final AccessApi api;

	private final Consumer<String> onCreated;

	private final TextField username = new TextField();

	private final TextField lastName = new TextField();

	private final TextField firstName = new TextField();

	private final EmailField email = new EmailField();

	private final PasswordField password = new PasswordField();

	private final CheckboxGroup<Role> roles = new CheckboxGroup<>();

	private final Span error = new Span();

	CreateUserDialog(AccessApi api, Consumer<String> onCreated) {
		this.api = api;
		this.onCreated = onCreated;
		setId("access-create-dialog");
		setHeaderTitle(getTranslation("access.create.title"));
		this.username.setId("access-create-username");
		this.username.setLabel(getTranslation("access.column.username"));
		this.username.setRequiredIndicatorVisible(true);
		this.lastName.setId("access-create-last-name");
		this.lastName.setLabel(getTranslation("access.create.last-name"));
		this.firstName.setId("access-create-first-name");
		this.firstName.setLabel(getTranslation("access.create.first-name"));
		this.email.setId("access-create-email");
		this.email.setLabel(getTranslation("access.create.email"));
		this.password.setId("access-create-password");
		this.password.setLabel(getTranslation("access.user.password"));
		this.roles.setId("access-create-roles");
		this.roles.setLabel(getTranslation("access.user.roles"));
		this.roles.setItems(Role.values());
		this.roles.setItemLabelGenerator((role) -> getTranslation(role.labelKey()));
		this.error.setId("access-create-error");
		this.error.getElement().setAttribute("role", "alert");
		this.error.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		add(new FormLayout(this.username, this.email, this.lastName, this.firstName, this.password, this.roles),
				this.error);
		Button save = new Button(getTranslation("action.save"), (click) -> save());
		save.setId("access-create-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		getFooter().add(cancel, save);
	}

	void save() {
		this.error.setText("");
		if (this.username.getValue().isBlank()) {
			this.username.setErrorMessage(getTranslation("access.create.username-required"));
			this.username.setInvalid(true);
			return;
		}
		UserPayload payload;
		try {
			payload = this.api.createUser(this.username.getValue().strip(), this.lastName.getValue(),
					this.firstName.getValue(), this.email.getValue(), this.password.getValue(),
					this.roles.getValue().stream().sorted().toList());
		}
		catch (ApiException ex) {
			this.error.setText(UsersView.failure(this, ex));
			return;
		}
		if (!payload.errors().isEmpty()) {
			Map<String, HasValidation> fields = Map.of("username", this.username, "email", this.email,
					"temporaryPassword", this.password);
			for (UserError userError : payload.errors()) {
				HasValidation field = userError.fieldName().map(fields::get).orElse(null);
				if (field != null) {
					field.setErrorMessage(userError.message());
					field.setInvalid(true);
				}
				else {
					this.error.setText(this.error.getText() + " " + userError.message());
				}
			}
			return;
		}
		close();
		this.onCreated.accept((payload.user() != null) ? payload.user().username() : null);
	}

	static List<Role> sorted(java.util.Set<Role> roles) {
		return roles.stream().sorted().toList();
	}

}

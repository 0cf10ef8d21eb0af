package vn.ydan.admin.communities.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.communities.CommunitiesApi;
import vn.ydan.admin.communities.CommuneTeams;
import vn.ydan.admin.communities.TeamDraft;
import vn.ydan.admin.communities.TeamMember;
import vn.ydan.admin.communities.TeamPayload;

/**
 * Forms or edits one team of a residential group: the decision establishing it (number,
 * date, the commune chairman who signed it), whether it is established, and its members
 * (name, birth year, phone, role). The rules (minimum members to be established, one
 * person in one team of a kind, one leader) are the api's; its refusals are shown as they
 * come.
 * <p>
 * Ids: {@code team-dialog}, {@code team-decision-number}, {@code team-decision-date},
 * {@code team-decision-signer}, {@code team-established}, {@code team-member-name-<n>},
 * {@code team-member-year-<n>}, {@code team-member-phone-<n>},
 * {@code team-member-role-<n>}, {@code team-member-add}, {@code team-save},
 * {@code team-remove}, {@code team-cancel}, {@code team-error}.
 */
final class TeamDialog extends Dialog {

	static final List<String> ROLES = List.of("LEADER", "DEPUTY", "MEMBER");

	private final CommunitiesApi api;

	private final CommuneTeams.Group group;

	private final String kind;

	private final CommuneTeams.@Nullable Team team;

	private final Runnable onSaved;

	private final TextField number = new TextField();

	private final DatePicker date = new DatePicker();

	private final TextField signer = new TextField();

	private final Checkbox established = new Checkbox();

	private final VerticalLayout memberRows = new VerticalLayout();

	private final List<Row> rows = new ArrayList<>();

	private final Span error = new Span();

	TeamDialog(CommunitiesApi api, CommuneTeams.Group group, String kind, Runnable onSaved) {
		this.api = api;
		this.group = group;
		this.kind = kind;
		this.team = group.team(kind);
		this.onSaved = onSaved;
		setId("team-dialog");
		setHeaderTitle(getTranslation("communities.team.title",
				getTranslation("communities.kind." + kind.toLowerCase(Locale.ROOT)), group.group().name()));
		setWidth("56rem");
		this.number.setId("team-decision-number");
		this.number.setLabel(getTranslation("communities.decision.number"));
		this.date.setId("team-decision-date");
		this.date.setLabel(getTranslation("communities.decision.date"));
		this.date.setMax(LocalDate.now());
		this.signer.setId("team-decision-signer");
		this.signer.setLabel(getTranslation("communities.decision.signer"));
		this.established.setId("team-established");
		this.established.setLabel(getTranslation("communities.team.is-established"));
		this.error.setId("team-error");
		this.error.getElement().setAttribute("role", "alert");
		this.error.getStyle().set("color", "var(--lumo-error-text-color)");
		this.memberRows.setPadding(false);
		this.memberRows.setSpacing(false);

		CommuneTeams.@Nullable Team existing = this.team;
		List<TeamMember> members = List.of();
		if (existing != null) {
			this.established.setValue(existing.established());
			if (existing.decision() != null) {
				this.number.setValue(existing.decision().number());
				this.date.setValue(existing.decision().date());
				this.signer.setValue(existing.decision().signer());
			}
			try {
				members = api.members(group.group().id(), existing.id());
			}
			catch (ApiException ex) {
				this.error.setText(ex.getMessage());
			}
		}
		members.forEach(this::addRow);
		if (members.isEmpty()) {
			addRow(null);
		}

		FormLayout decision = new FormLayout(this.number, this.date, this.signer);
		Button addMember = new Button(getTranslation("communities.member.add"), (click) -> addRow(null));
		addMember.setId("team-member-add");
		add(decision, this.established, new Span(getTranslation("communities.members")), this.memberRows, addMember,
				this.error);

		Button save = new Button(getTranslation("communities.team.save"), (click) -> save());
		save.setId("team-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button cancel = new Button(getTranslation("action.cancel"), (click) -> close());
		cancel.setId("team-cancel");
		if (existing != null) {
			Button remove = new Button(getTranslation("communities.team.remove"), (click) -> remove(existing));
			remove.setId("team-remove");
			remove.addThemeVariants(ButtonVariant.ERROR);
			getFooter().add(remove);
		}
		getFooter().add(cancel, save);
	}

	private void addRow(@Nullable TeamMember member) {
		int n = this.rows.size() + 1;
		Row row = new Row(new TextField(), new IntegerField(), new TextField(), new Select<>());
		row.name.setId("team-member-name-" + n);
		row.name.setPlaceholder(getTranslation("communities.member.name"));
		row.year.setId("team-member-year-" + n);
		row.year.setPlaceholder(getTranslation("communities.member.birth-year"));
		row.phone.setId("team-member-phone-" + n);
		row.phone.setPlaceholder(getTranslation("communities.member.phone"));
		row.role.setId("team-member-role-" + n);
		row.role.setItems(ROLES);
		row.role.setItemLabelGenerator((role) -> getTranslation("communities.role." + role.toLowerCase(Locale.ROOT)));
		row.role.setValue((n == 1) ? "LEADER" : "MEMBER");
		if (member != null) {
			row.name.setValue(member.name());
			row.year.setValue(member.birthYear());
			row.phone.setValue((member.phone() != null) ? member.phone() : "");
			row.role.setValue(member.role());
		}
		this.rows.add(row);
		this.memberRows.add(new HorizontalLayout(row.name, row.year, row.phone, row.role));
	}

	void save() {
		this.error.setText("");
		List<TeamMember> members = new ArrayList<>();
		for (Row row : this.rows) {
			String name = row.name.getValue().strip();
			if (name.isEmpty()) {
				continue;
			}
			Integer year = row.year.getValue();
			if (year == null) {
				this.error.setText(getTranslation("communities.member.birth-year-required", name));
				return;
			}
			members.add(new TeamMember(name, year, row.phone.getValue().strip(), row.role.getValue()));
		}
		String decisionNumber = this.number.getValue().strip();
		String decisionSigner = this.signer.getValue().strip();
		boolean hasDecision = !decisionNumber.isEmpty() && this.date.getValue() != null && !decisionSigner.isEmpty();
		CommuneTeams.@Nullable Team existing = this.team;
		TeamDraft draft = new TeamDraft((existing != null) ? existing.id() : null, this.group.group().id(), this.kind,
				hasDecision ? decisionNumber : null, hasDecision ? this.date.getValue() : null,
				hasDecision ? decisionSigner : null, this.established.getValue(), members,
				(existing != null) ? existing.version() : null);
		TeamPayload payload;
		try {
			payload = this.api.save(draft);
		}
		catch (ApiException ex) {
			this.error.setText(ex.getMessage());
			return;
		}
		if (!payload.errors().isEmpty()) {
			this.error.setText(String.join(" ", payload.errors().stream().map(UserError::message).toList()));
			return;
		}
		close();
		this.onSaved.run();
	}

	private void remove(CommuneTeams.Team existing) {
		TeamPayload payload;
		try {
			payload = this.api.remove(existing.id(), existing.version());
		}
		catch (ApiException ex) {
			this.error.setText(ex.getMessage());
			return;
		}
		if (!payload.errors().isEmpty()) {
			this.error.setText(String.join(" ", payload.errors().stream().map(UserError::message).toList()));
			return;
		}
		close();
		this.onSaved.run();
	}

	private record Row(TextField name, IntegerField year, TextField phone, Select<String> role) {
	}

}

package vn.ydan.admin.consultations.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.consultations.ConsultationDetails;
import vn.ydan.admin.consultations.ConsultationQuestion;
import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.consultations.ConsultedUnit;
import vn.ydan.admin.consultations.GroupRow;
import vn.ydan.admin.consultations.HouseholdStatus;
import vn.ydan.admin.consultations.NameCount;
import vn.ydan.admin.consultations.PaperCounts;
import vn.ydan.admin.consultations.QuestionCounts;
import vn.ydan.admin.consultations.Tally;
import vn.ydan.admin.consultations.TallyPayload;
import vn.ydan.admin.consultations.TallyState;
import vn.ydan.admin.error.Problem;

/**
 * Paper tallies for clerks: the residential groups of a commune with where each stands
 * (not done, waiting for a second entry, mismatch, verified) and how many have reported;
 * a group opens its entry form. Every count is required (zeros are typed, an empty field
 * is not a zero); the api's refusals show at the fields they are about. A mismatch shows
 * the two entries side by side until an entry matches one of them; a verified tally is
 * corrected only with a reason, and its corrections are listed.
 * <p>
 * Ids: {@code tallies-view}, {@code tallies-commune}, {@code tallies-progress},
 * {@code tallies-groups}, {@code tally-panel}, {@code tally-group}, {@code tally-state},
 * {@code tally-issued}, {@code tally-returned}, {@code tally-valid},
 * {@code tally-invalid}, {@code tally-agree}, {@code tally-disagree},
 * {@code tally-name-<n>}, {@code tally-reason}, {@code tally-submit},
 * {@code tally-settle}, {@code tally-message}, {@code tally-result},
 * {@code tally-mismatch}, {@code tally-verified}, {@code tally-corrections},
 * {@code tally-entries}, {@code tallies-error}.
 */
@Route("consultations/:id/tallies")
@RolesAllowed({ "admin", "official", "clerk" })
public class TalliesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	/** Query parameter: the commune to open. */
	public static final String COMMUNE = "commune";

	/** Query parameter: the group to open. */
	public static final String GROUP = "group";

	static final List<String> COUNTS = List.of("issued", "returned", "valid", "invalid", "agree", "disagree");

	private final ConsultationsApi api;

	private final H2 title = new H2();

	private final ComboBox<ConsultedUnit> commune = new ComboBox<>();

	private final Select<GroupFilter> filter = new Select<>();

	private final Span online = new Span();

	/**
	 * The groups of the commune; the grid pages through those the filter lets through.
	 */
	private List<GroupRow> rows = List.of();

	private final Span progress = new Span();

	private final Div problem = new Div();

	private final Grid<GroupRow> groups = new Grid<>();

	private final VerticalLayout panel = new VerticalLayout();

	private final Map<String, IntegerField> fields = new LinkedHashMap<>();

	private final List<IntegerField> nameFields = new ArrayList<>();

	/**
	 * The further questions' fields (seat, province merger and name), by question: a
	 * field per choice, or agree and disagree.
	 */
	private final Map<ConsultationQuestion, List<IntegerField>> questionFields = new LinkedHashMap<>();

	private final TextField reason = new TextField();

	private final Button submit = new Button();

	/**
	 * A supervisor's decision on a mismatch: the counts in the form hold, for the reason
	 * given (shown to those who see both sides, i.e. who manage the commune).
	 */
	private final Button settle = new Button();

	/** Whether the open form corrects a verified tally (the reason is then required). */
	private boolean correcting;

	/** Whether the open form may settle a mismatch (the reason is then required). */
	private boolean settling;

	private final Span message = new Span();

	private final Span result = new Span();

	private @Nullable ConsultationDetails consultation;

	private @Nullable String selectedGroupId;

	public TalliesView(ConsultationsApi api) {
		this.api = api;
		setId("tallies-view");
		setWidthFull();
		Button back = new Button(getTranslation("consultations.back"), VaadinIcon.ARROW_LEFT.create(),
				(click) -> back());
		back.setId("tallies-back");
		back.addThemeVariants(ButtonVariant.TERTIARY);
		this.commune.setId("tallies-commune");
		this.commune.setLabel(getTranslation("consultations.tallies.commune"));
		this.commune.setItemLabelGenerator((unit) -> unit.unit().fullName());
		// Hanoi has 526 communes: typed, not scrolled through.
		this.commune.setWidth("24rem");
		this.commune.setMaxWidth("100%");
		this.commune.addValueChangeListener((change) -> {
			this.selectedGroupId = null;
			loadGroups();
		});
		this.filter.setId("tallies-filter");
		this.filter.setLabel(getTranslation("consultations.filter.status"));
		this.filter.setItems(GroupFilter.values());
		this.filter.setItemLabelGenerator((choice) -> getTranslation(choice.translationKey()));
		this.filter.setValue(GroupFilter.ALL);
		this.filter.addValueChangeListener((change) -> this.groups.getDataProvider().refreshAll());
		this.progress.setId("tallies-progress");
		HorizontalLayout top = new HorizontalLayout(this.commune, this.filter, this.progress);
		top.setAlignItems(FlexComponent.Alignment.BASELINE);
		top.setWrap(true);
		this.problem.setWidthFull();
		this.groups.setId("tallies-groups");
		this.groups.addThemeVariants(GridVariant.ROW_STRIPES);
		// A commune may have a hundred groups: paged from the server, a fixed height.
		this.groups.setHeight("24rem");
		this.groups.setItems(DataProvider.fromCallbacks(
				(query) -> shownGroups().stream().skip(query.getOffset()).limit(query.getLimit()),
				(query) -> shownGroups().size()));
		this.groups.addColumn((row) -> row.group().fullName())
			.setHeader(getTranslation("consultations.tallies.group"))
			.setFlexGrow(2);
		this.groups
			.addColumn((row) -> (row.households() != null) ? ConsultationFormat.number(this, row.households()) : "—")
			.setHeader(getTranslation("consultations.column.households"))
			.setAutoWidth(true);
		this.groups
			.addColumn(new ComponentRenderer<>(
					(row) -> ConsultationFormat.tallyState(this, (row.tally() != null) ? row.tally().state() : null)))
			.setHeader(getTranslation("consultations.tallies.state"))
			.setAutoWidth(true);
		this.groups.addColumn(this::lastEntry)
			.setHeader(getTranslation("consultations.tallies.last-entry"))
			.setAutoWidth(true);
		this.groups.getColumns().forEach((column) -> column.setSortable(false));
		this.groups.addItemClickListener((click) -> select(click.getItem()));

		for (String count : COUNTS) {
			IntegerField field = new IntegerField(getTranslation("consultations.count." + count));
			field.setId("tally-" + count);
			field.setMin(0);
			field.setRequired(true);
			field.setStepButtonsVisible(false);
			manualValidation(field);
			this.fields.put(count, field);
		}
		this.reason.setId("tally-reason");
		this.reason.setLabel(getTranslation("consultations.tallies.reason"));
		this.reason.setWidthFull();
		this.reason.setManualValidation(true);
		this.reason.addValueChangeListener((change) -> this.reason.setInvalid(false));
		this.submit.setId("tally-submit");
		this.submit.addThemeVariants(ButtonVariant.PRIMARY);
		this.submit.addClickListener((click) -> submit());
		this.settle.setId("tally-settle");
		this.settle.setText(getTranslation("consultations.tallies.settle"));
		this.settle.addClickListener((click) -> settle());
		this.message.setId("tally-message");
		this.message.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.result.setId("tally-result");
		this.result.getStyle().set("color", "#1b7f3b");
		this.panel.setId("tally-panel");
		this.panel.setPadding(false);
		this.panel.setVisible(false);
		add(back, this.title, top, this.problem, this.groups, this.panel);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String id = event.getRouteParameters().get(ConsultationView.ID).orElse(null);
		this.problem.removeAll();
		if (id == null) {
			return;
		}
		try {
			Optional<ConsultationDetails> found = this.api.consultation(id);
			if (found.isEmpty()) {
				this.problem.add(Problem.box(this, "tallies-error", getTranslation("consultations.not-found"), false,
						() -> UI.getCurrent().navigate(ConsultationsView.class)));
				return;
			}
			this.consultation = found.get();
			this.title.setText(getTranslation("consultations.tallies.title", this.consultation.title()));
			this.commune.setItems(this.consultation.units());
			// ?commune=<id>&group=<id>: straight to a commune and a group (from a clerk's
			// home: the next group to enter).
			QueryParameters query = event.getLocation().getQueryParameters();
			String communeId = query.getSingleParameter(COMMUNE).orElse(null);
			this.selectedGroupId = null;
			ConsultedUnit first = this.consultation.units()
				.stream()
				.filter((unit) -> unit.unit().id().equals(communeId))
				.findFirst()
				.orElse(this.consultation.units().isEmpty() ? null : this.consultation.units().get(0));
			if (first != null) {
				this.commune.setValue(first);
			}
			query.getSingleParameter(GROUP)
				.flatMap((group) -> this.rows.stream().filter((row) -> row.group().id().equals(group)).findFirst())
				.ifPresent(this::select);
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "tallies-error", ex, () -> UI.getCurrent().getPage().reload()));
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("consultations.tallies.page-title") + " · " + getTranslation("app.title");
	}

	private void back() {
		if (this.consultation != null) {
			UI.getCurrent()
				.navigate(ConsultationView.class, new RouteParameters(ConsultationView.ID, this.consultation.id()));
		}
	}

	private void loadGroups() {
		this.problem.removeAll();
		ConsultationDetails current = this.consultation;
		ConsultedUnit unit = this.commune.getValue();
		if (current == null || unit == null) {
			return;
		}
		List<GroupRow> rows;
		try {
			rows = this.api.groups(current.id(), unit.unit().id());
		}
		catch (ApiException ex) {
			this.problem.add(Problem.of(this, "tallies-error", ex, this::loadGroups));
			return;
		}
		this.rows = rows;
		this.groups.getDataProvider().refreshAll();
		long reported = rows.stream().filter(GroupRow::reported).count();
		this.progress
			.setText(getTranslation("consultations.tallies.progress", reported, rows.size(), rows.size() - reported));
		GroupRow selected = rows.stream()
			.filter((row) -> row.group().id().equals(this.selectedGroupId))
			.findFirst()
			.orElse(null);
		if (selected != null) {
			showPanel(selected);
		}
		else {
			this.panel.setVisible(false);
		}
	}

	private String lastEntry(GroupRow row) {
		if (row.tally() == null || row.tally().entries().isEmpty()) {
			return "";
		}
		Tally.Entry last = row.tally().entries().get(row.tally().entries().size() - 1);
		return last.by() + " · " + ConsultationFormat.time(last.at());
	}

	private List<GroupRow> shownGroups() {
		GroupFilter chosen = (this.filter.getValue() != null) ? this.filter.getValue() : GroupFilter.ALL;
		return this.rows.stream().filter(chosen::matches).toList();
	}

	private void select(GroupRow row) {
		this.selectedGroupId = row.group().id();
		this.result.setText("");
		clearForm();
		showOnline(row);
		showPanel(row);
	}

	/**
	 * Says up front how many of the group's households answered online: they need no
	 * paper form.
	 */
	private void showOnline(GroupRow row) {
		this.online.setId("tally-online");
		this.online.setText("");
		ConsultationDetails current = this.consultation;
		if (current == null) {
			return;
		}
		try {
			List<HouseholdStatus> households = this.api.households(current.id(), row.group().id());
			if (!households.isEmpty()) {
				long answered = households.stream().filter(HouseholdStatus::answeredOnline).count();
				this.online.setText(getTranslation("consultations.tallies.online", answered, households.size()));
			}
		}
		catch (ApiException ex) {
			// The form works without it.
			this.online.setText("");
		}
	}

	/**
	 * The view checks the fields itself, when the entry is sent: a cleared form after a
	 * save is not red, and a field's error goes as soon as it is changed.
	 */
	private void manualValidation(IntegerField field) {
		field.setManualValidation(true);
		field.addValueChangeListener((change) -> {
			if (change.isFromClient() || change.getValue() != null) {
				field.setInvalid(false);
			}
		});
	}

	private void showPanel(GroupRow row) {
		this.panel.removeAll();
		this.panel.setVisible(true);
		H3 heading = new H3(row.group().fullName());
		heading.setId("tally-group");
		Span state = ConsultationFormat.tallyState(this, (row.tally() != null) ? row.tally().state() : null);
		state.setId("tally-state");
		HorizontalLayout head = new HorizontalLayout(heading, state);
		head.setAlignItems(FlexComponent.Alignment.CENTER);
		this.panel.add(head, this.online);
		Tally tally = row.tally();
		boolean verified = tally != null && tally.state() == TallyState.VERIFIED;
		if (tally != null && tally.state() == TallyState.MISMATCH) {
			this.panel.add(new Span(getTranslation("consultations.tallies.mismatch.help")), sideBySide(tally));
		}
		if (verified && tally.verified() != null) {
			this.panel.add(verifiedCounts(tally.verified()));
		}
		FormLayout form = new FormLayout();
		this.fields.values().forEach(form::add);
		this.nameFields.clear();
		ConsultedUnit unit = this.commune.getValue();
		List<String> names = (unit != null) ? unit.nameChoices() : List.of();
		for (int i = 0; i < names.size(); i++) {
			IntegerField field = new IntegerField(getTranslation("consultations.count.name", names.get(i)));
			field.setId("tally-name-" + i);
			field.setMin(0);
			field.setRequired(true);
			manualValidation(field);
			this.nameFields.add(field);
			form.add(field);
		}
		this.questionFields.clear();
		for (ConsultationQuestion question : (unit != null) ? unit.furtherQuestions()
				: List.<ConsultationQuestion>of()) {
			List<IntegerField> fields = new ArrayList<>();
			List<String> labels = question.choice() ? question.choices()
					: List.of(getTranslation("consultations.count.question.agree"),
							getTranslation("consultations.count.question.disagree"));
			for (int i = 0; i < labels.size(); i++) {
				IntegerField field = new IntegerField(
						getTranslation("consultations.count.question", question.text(), labels.get(i)));
				field.setId("tally-q-" + question.question() + "-" + i);
				field.setMin(0);
				// Every agree / disagree question asked is counted (the api refuses it
				// otherwise); a choice may be left at zero.
				field.setRequired(true);
				manualValidation(field);
				fields.add(field);
				form.add(field);
			}
			this.questionFields.put(question, fields);
		}
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("40rem", 3));
		this.correcting = verified;
		// Both sides of a mismatch are shown only to those who manage the commune: they
		// may settle it.
		this.settling = tally != null && tally.state() == TallyState.MISMATCH
				&& tally.lastTwo().stream().map(Tally.Entry::by).distinct().count() == 2;
		this.reason.setVisible(this.correcting || this.settling);
		this.reason.setRequired(this.correcting || this.settling);
		this.reason.setLabel(
				getTranslation(this.settling ? "consultations.tallies.settle.reason" : "consultations.tallies.reason"));
		this.submit.setText(getTranslation(verified ? "consultations.tallies.correct"
				: (tally == null) ? "consultations.tallies.first" : "consultations.tallies.second"));
		this.settle.setVisible(this.settling);
		HorizontalLayout buttons = new HorizontalLayout(this.submit, this.settle);
		buttons.setWrap(true);
		this.panel.add(new Span(getTranslation("consultations.tallies.zeros")), form, this.reason, buttons,
				this.message, this.result);
		if (tally != null && !tally.entries().isEmpty()) {
			this.panel.add(entries(tally));
		}
		if (tally != null && !tally.corrections().isEmpty()) {
			this.panel.add(corrections(tally));
		}
	}

	/** The two entries that differ, column by column, the differing counts marked. */
	private Component sideBySide(Tally tally) {
		List<Tally.Entry> two = tally.lastTwo();
		Grid<String> grid = new Grid<>();
		grid.setId("tally-mismatch");
		grid.setAllRowsVisible(true);
		grid.addColumn((count) -> getTranslation("consultations.count." + count))
			.setHeader(getTranslation("consultations.tallies.count"));
		for (int i = 0; i < two.size(); i++) {
			Tally.Entry entry = two.get(i);
			Tally.Entry other = two.get(1 - i < two.size() ? 1 - i : i);
			grid.addColumn(new ComponentRenderer<>((String count) -> {
				int value = value(entry.counts(), count);
				Span cell = new Span(String.valueOf(value));
				if (value != value(other.counts(), count)) {
					cell.getStyle().set("color", "#c62828").set("font-weight", "bold");
				}
				return cell;
			})).setHeader(entry.by() + " · " + ConsultationFormat.time(entry.at()));
		}
		grid.setItems(COUNTS);
		return grid;
	}

	private Component verifiedCounts(PaperCounts counts) {
		List<String> parts = new ArrayList<>();
		for (String count : COUNTS) {
			parts.add(getTranslation("consultations.count." + count) + ": " + value(counts, count));
		}
		for (NameCount name : counts.nameCounts()) {
			parts.add(name.name() + ": " + name.count());
		}
		Span text = new Span(getTranslation("consultations.tallies.verified", String.join(" · ", parts)));
		text.setId("tally-verified");
		return text;
	}

	private Component entries(Tally tally) {
		Grid<Tally.Entry> grid = new Grid<>();
		grid.setId("tally-entries");
		grid.setAllRowsVisible(true);
		grid.addColumn(Tally.Entry::by).setHeader(getTranslation("consultations.tallies.by")).setAutoWidth(true);
		grid.addColumn((entry) -> ConsultationFormat.time(entry.at()))
			.setHeader(getTranslation("consultations.tallies.at"))
			.setAutoWidth(true);
		grid.addColumn((entry) -> summary(entry.counts())).setHeader(getTranslation("consultations.tallies.counts"));
		grid.setItems(tally.entries());
		return new Div(new H4(getTranslation("consultations.tallies.entries")), grid);
	}

	private Component corrections(Tally tally) {
		Grid<Tally.Correction> grid = new Grid<>();
		grid.setId("tally-corrections");
		grid.setAllRowsVisible(true);
		grid.addColumn(Tally.Correction::by).setHeader(getTranslation("consultations.tallies.by")).setAutoWidth(true);
		grid.addColumn((correction) -> ConsultationFormat.time(correction.at()))
			.setHeader(getTranslation("consultations.tallies.at"))
			.setAutoWidth(true);
		grid.addColumn(Tally.Correction::reason).setHeader(getTranslation("consultations.tallies.reason"));
		grid.addColumn((correction) -> summary(correction.before()) + " → " + summary(correction.after()))
			.setHeader(getTranslation("consultations.tallies.change"));
		grid.setItems(tally.corrections());
		return new Div(new H4(getTranslation("consultations.tallies.history")), grid);
	}

	private static String summary(PaperCounts counts) {
		return counts.issued() + "/" + counts.returned() + "/" + counts.valid() + "/" + counts.invalid() + "/"
				+ counts.agree() + "/" + counts.disagree();
	}

	private static int value(PaperCounts counts, String count) {
		ToIntFunction<PaperCounts> read = switch (count) {
			case "issued" -> PaperCounts::issued;
			case "returned" -> PaperCounts::returned;
			case "valid" -> PaperCounts::valid;
			case "invalid" -> PaperCounts::invalid;
			case "agree" -> PaperCounts::agree;
			default -> PaperCounts::disagree;
		};
		return read.applyAsInt(counts);
	}

	void submit() {
		clearErrors();
		ConsultationDetails current = this.consultation;
		String group = this.selectedGroupId;
		if (current == null || group == null) {
			return;
		}
		boolean missing = !allCountsGiven();
		String why = null;
		if (this.correcting) {
			why = this.reason.getValue().strip();
			if (why.isEmpty()) {
				this.reason.setErrorMessage(getTranslation("consultations.tallies.reason.required"));
				this.reason.setInvalid(true);
				missing = true;
			}
		}
		if (missing) {
			return;
		}
		PaperCounts counts = formCounts();
		TallyPayload payload;
		try {
			payload = this.api.enterTally(current.id(), group, counts, why);
		}
		catch (ApiException ex) {
			this.message.setText(getTranslation(ex.messageKey()));
			return;
		}
		saved(payload);
	}

	/**
	 * Settles a mismatch with the counts in the form and the reason: the supervisor's
	 * decision, kept with the tally.
	 */
	void settle() {
		clearErrors();
		ConsultationDetails current = this.consultation;
		String group = this.selectedGroupId;
		if (current == null || group == null) {
			return;
		}
		boolean missing = !allCountsGiven();
		String why = this.reason.getValue().strip();
		if (why.isEmpty()) {
			this.reason.setErrorMessage(getTranslation("consultations.tallies.settle.reason.required"));
			this.reason.setInvalid(true);
			missing = true;
		}
		if (missing) {
			return;
		}
		TallyPayload payload;
		try {
			payload = this.api.settleTally(current.id(), group, formCounts(), why);
		}
		catch (ApiException ex) {
			this.message.setText(getTranslation(ex.messageKey()));
			return;
		}
		saved(payload);
	}

	/** Marks every empty count (an empty field is not a zero); whether none is. */
	private boolean allCountsGiven() {
		boolean given = true;
		for (IntegerField field : allFields()) {
			if (field.getValue() == null) {
				field.setErrorMessage(getTranslation("consultations.tallies.required"));
				field.setInvalid(true);
				given = false;
			}
		}
		return given;
	}

	private PaperCounts formCounts() {
		List<NameCount> names = new ArrayList<>();
		ConsultedUnit unit = this.commune.getValue();
		for (int i = 0; i < this.nameFields.size() && unit != null; i++) {
			names.add(new NameCount(unit.nameChoices().get(i), this.nameFields.get(i).getValue()));
		}
		List<QuestionCounts> questions = new ArrayList<>();
		this.questionFields.forEach((question, fields) -> {
			if (question.choice()) {
				List<NameCount> chosen = new ArrayList<>();
				for (int i = 0; i < fields.size(); i++) {
					chosen.add(new NameCount(question.choices().get(i), valueOf(fields.get(i))));
				}
				questions.add(new QuestionCounts(question.question(), 0, 0, chosen));
			}
			else {
				questions
					.add(new QuestionCounts(question.question(), valueOf(fields.get(0)), valueOf(fields.get(1)), null));
			}
		});
		return new PaperCounts(number("issued"), number("returned"), number("valid"), number("invalid"),
				number("agree"), number("disagree"), names, questions);
	}

	private void saved(TallyPayload payload) {
		if (payload.tally() == null) {
			payload.errors().forEach(this::showAtField);
			return;
		}
		this.result.setText(getTranslation("consultations.tallies.saved." + payload.tally().state().name()));
		String saved = this.result.getText();
		clearForm();
		loadGroups();
		this.result.setText(saved);
	}

	/**
	 * Where a refusal goes, by the path of the input field the api names: the reason
	 * ({@code ["input", "reason"]}) or a count ({@code ["input", "counts", "agree"]}) at
	 * its field, anything else (the counts as a whole, a name's count, the call) into the
	 * message line. The message is shown as it is, never read.
	 */
	private void showAtField(UserError refusal) {
		if (refusal.isAt("reason")) {
			this.reason.setErrorMessage(refusal.message());
			this.reason.setInvalid(true);
			return;
		}
		IntegerField target = this.fields.entrySet()
			.stream()
			.filter((count) -> refusal.isAt("counts", count.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		if (target != null) {
			String before = target.isInvalid() ? target.getErrorMessage() + " " : "";
			target.setErrorMessage(before + refusal.message());
			target.setInvalid(true);
			return;
		}
		this.message
			.setText((this.message.getText().isEmpty() ? "" : this.message.getText() + " ") + refusal.message());
	}

	private int number(String count) {
		Integer value = this.fields.get(count).getValue();
		return (value != null) ? value : 0;
	}

	private static int valueOf(IntegerField field) {
		Integer value = field.getValue();
		return (value != null) ? value : 0;
	}

	private List<IntegerField> allFields() {
		List<IntegerField> all = new ArrayList<>(this.fields.values());
		all.addAll(this.nameFields);
		this.questionFields.values().forEach(all::addAll);
		return all;
	}

	private void clearErrors() {
		this.message.setText("");
		this.result.setText("");
		allFields().forEach((field) -> field.setInvalid(false));
		this.reason.setInvalid(false);
	}

	private void clearForm() {
		allFields().forEach(IntegerField::clear);
		this.reason.clear();
		clearErrors();
	}

}

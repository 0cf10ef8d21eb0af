package vn.ydan.admin.residents.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.residents.ResidentApi;

/**
 * A signed-in resident's own page: their household's commune, and for each consultation
 * that asks it the plan, the question and either the answer form or the answer already
 * given. Everything comes from the api as the resident (the operations a resident app
 * uses), so the page shows nothing the api would not show them: no other household.
 * <p>
 * The ids are what browser tests read: {@code resident-household}, {@code resident-unit},
 * {@code resident-none}, {@code resident-no-household}; per consultation
 * {@code resident-consultation-<id>} with {@code resident-question-<id>},
 * {@code resident-agree-<id>}, {@code resident-name-<id>}, {@code resident-submit-<id>},
 * {@code resident-answer-<id>}, {@code resident-refused-<id>},
 * {@code resident-closed-<id>}.
 */
@Route("cu-tri")
@Menu(title = "nav.resident", order = 1, icon = "vaadin:user-check")
@RolesAllowed("resident")
public class ResidentView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final ResidentApi api;

	private @Nullable Optional<ResidentApi.MyHousehold> household;

	private final Map<String, ResidentApi.Plan> plans = new HashMap<>();

	private @Nullable ApiException failure;

	/** A refusal to show above a consultation's answer, by consultation id. */
	private final Map<String, String> refusals = new HashMap<>();

	public ResidentView(ResidentApi api) {
		this.api = api;
		setId("resident-view");
		setMaxWidth("48rem");
		setWidthFull();
		setPadding(true);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.refusals.clear();
		load();
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		render();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("resident.title") + " · " + getTranslation("app.title");
	}

	private void load() {
		this.household = null;
		this.failure = null;
		this.plans.clear();
		try {
			this.household = this.api.myHousehold();
			for (ResidentApi.Asked asked : this.household.map(ResidentApi.MyHousehold::consultations)
				.orElse(List.of())) {
				String planId = asked.consultation().planId();
				if (!this.plans.containsKey(planId)) {
					this.api.plan(planId).ifPresent((plan) -> this.plans.put(planId, plan));
				}
			}
		}
		catch (ApiException ex) {
			this.failure = ex;
		}
		render();
	}

	private void render() {
		removeAll();
		H2 title = new H2(getTranslation("resident.title"));
		title.setId("resident-title");
		add(title);
		ApiException failure = this.failure;
		if (failure != null) {
			add(Problem.of(this, "resident-error", failure, this::load));
			return;
		}
		Optional<ResidentApi.MyHousehold> household = this.household;
		if (household == null) {
			return;
		}
		if (household.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("resident.no-household"));
			none.setId("resident-no-household");
			add(none);
			add(publicLinks());
			return;
		}
		ResidentApi.MyHousehold mine = household.get();
		add(householdCard(mine));
		if (mine.consultations().isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("resident.consultations.none"));
			none.setId("resident-none");
			add(none);
		}
		for (ResidentApi.Asked asked : mine.consultations()) {
			add(consultationCard(asked));
		}
		add(publicLinks());
	}

	private Card householdCard(ResidentApi.MyHousehold mine) {
		Card card = new Card();
		card.setId("resident-household");
		card.setTitle(getTranslation("resident.household.title"));
		card.setWidthFull();
		card.add(field("resident.household.id", "resident-household-id", mine.householdId()));
		card.add(field("resident.household.unit", "resident-unit",
				(mine.unit() != null) ? mine.unit().fullName() : getTranslation("resident.household.unregistered")));
		if (mine.group() != null) {
			card.add(field("resident.household.group", "resident-group", mine.group().fullName()));
		}
		return card;
	}

	private Card consultationCard(ResidentApi.Asked asked) {
		ResidentApi.Consultation consultation = asked.consultation();
		String id = consultation.id();
		Card card = new Card();
		card.setId("resident-consultation-" + id);
		card.setTitle(consultation.title());
		card.setWidthFull();
		card.add(field("resident.consultation.status", "resident-status-" + id, consultation.statusName()));
		card.add(field("resident.consultation.window", "resident-window-" + id, getTranslation(
				"resident.consultation.window.value", when(consultation.opensAt()), when(consultation.closesAt()))));
		ResidentApi.Plan plan = this.plans.get(consultation.planId());
		if (plan != null) {
			Anchor link = new Anchor("cong-khai/phuong-an/" + plan.id(), plan.title());
			link.setId("resident-plan-" + id);
			card.add(labelled("resident.consultation.plan", link));
		}
		ResidentApi.Question question = asked.question();
		Paragraph text = new Paragraph(getTranslation("resident.question", question.unit().fullName(),
				String.join(", ", question.successors())));
		text.setId("resident-question-" + id);
		card.add(text);
		card.add(field("resident.consultation.rule", "resident-rule-" + id, consultation.passRule().description()));
		String refusal = this.refusals.get(id);
		if (refusal != null) {
			Paragraph refused = new Paragraph(refusal);
			refused.setId("resident-refused-" + id);
			refused.getElement().setAttribute("role", "alert");
			refused.getStyle().set("color", "var(--vaadin-error-color, #b3261e)");
			card.add(refused);
		}
		ResidentApi.Answer answer = asked.answer();
		if (answer != null) {
			card.add(given(id, answer));
		}
		else if (asked.mayAnswer()) {
			card.add(form(consultation, question));
		}
		else {
			Paragraph closed = new Paragraph(reason(asked.reason()));
			closed.setId("resident-closed-" + id);
			card.add(closed);
		}
		if ("PUBLISHED".equals(consultation.status())) {
			Anchor results = new Anchor("cong-khai/ket-qua/" + id, getTranslation("resident.results"));
			results.setId("resident-results-" + id);
			card.add(results);
		}
		return card;
	}

	/** The answer already given: shown instead of the form, whatever the channel. */
	private Div given(String id, ResidentApi.Answer answer) {
		Div given = new Div();
		given.setId("resident-answer-" + id);
		given.add(new Paragraph(getTranslation("resident.answer.given", when(answer.at()))));
		Paragraph choice = new Paragraph(getTranslation(answer.agree() ? "resident.agree" : "resident.disagree"));
		choice.setId("resident-answer-choice-" + id);
		choice.getStyle().set("font-weight", "600");
		given.add(choice);
		if (answer.nameChoice() != null) {
			given.add(new Paragraph(getTranslation("resident.answer.name", answer.nameChoice())));
		}
		given.add(new Paragraph(getTranslation("resident.answer.once")));
		return given;
	}

	/**
	 * The answer form. Its key is made with the form: a second click (or a retry after a
	 * lost answer) sends the same key and gets the first answer back; another form, in
	 * another tab, has its own key and is refused once the household has answered.
	 */
	private Div form(ResidentApi.Consultation consultation, ResidentApi.Question question) {
		String id = consultation.id();
		String key = "console-" + UUID.randomUUID();
		Div form = new Div();
		form.setId("resident-form-" + id);
		form.setWidthFull();
		RadioButtonGroup<Boolean> agree = new RadioButtonGroup<>(getTranslation("resident.form.agree"));
		agree.setId("resident-agree-" + id);
		agree.setItems(true, false);
		agree.setItemLabelGenerator(
				(value) -> getTranslation(Boolean.TRUE.equals(value) ? "resident.agree" : "resident.disagree"));
		agree.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
		agree.setRequiredIndicatorVisible(true);
		form.add(agree);
		RadioButtonGroup<String> name = new RadioButtonGroup<>(getTranslation("resident.form.name"));
		if (!question.nameChoices().isEmpty()) {
			name.setId("resident-name-" + id);
			name.setItems(question.nameChoices());
			name.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
			form.add(name);
		}
		Button submit = new Button(getTranslation("resident.form.submit"));
		submit.setId("resident-submit-" + id);
		submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		submit.setDisableOnClick(true);
		submit.addClickListener((click) -> {
			Boolean choice = agree.getValue();
			if (choice == null) {
				agree.setInvalid(true);
				agree.setErrorMessage(getTranslation("resident.form.agree.required"));
				submit.setEnabled(true);
				return;
			}
			send(id, choice, name.getValue(), key);
		});
		form.add(submit);
		return form;
	}

	private void send(String consultationId, boolean agree, @Nullable String name, String key) {
		try {
			ResidentApi.AnswerResult result = this.api.answer(consultationId, agree, name, key);
			this.refusals.remove(consultationId);
			if (result.answer() == null && !result.userErrors().isEmpty()) {
				UserError error = result.userErrors().get(0);
				this.refusals.put(consultationId, error.message());
			}
		}
		catch (ApiException ex) {
			this.refusals.put(consultationId, getTranslation(ex.messageKey()));
		}
		// Read again: the answer stored (this one or the one given first) is what shows.
		load();
	}

	private String reason(@Nullable String code) {
		if (code == null) {
			return "";
		}
		String key = "resident.reason." + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		String text = getTranslation(key);
		return text.equals(Translations.missing(key)) ? code : text;
	}

	private Div publicLinks() {
		Div links = new Div();
		links.setId("resident-links");
		Anchor lookup = new Anchor("tra-cuu-dia-chi", getTranslation("resident.links.lookup"));
		lookup.setId("resident-link-lookup");
		Anchor disclosure = new Anchor("cong-khai", getTranslation("resident.links.public"));
		disclosure.setId("resident-link-public");
		links.add(line(lookup), line(disclosure));
		return links;
	}

	private Div line(Component main) {
		Div row = new Div(main);
		row.getStyle().set("padding", "0.15rem 0");
		return row;
	}

	private Div field(String labelKey, String valueId, String value) {
		Span text = new Span(value);
		text.setId(valueId);
		return labelled(labelKey, text);
	}

	private Div labelled(String labelKey, Component value) {
		Span label = new Span(getTranslation(labelKey));
		label.getStyle().set("color", "var(--vaadin-text-color-secondary, #52606d)").set("min-width", "9rem");
		Div row = new Div(label, value);
		// Wraps under its label on a phone instead of overflowing.
		row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("column-gap", "0.5rem");
		return row;
	}

	private static String when(String instant) {
		try {
			return WHEN.format(Instant.parse(instant).atZone(VIETNAM));
		}
		catch (DateTimeParseException ex) {
			return instant;
		}
	}

}

package vn.ydan.admin.disclosure.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.disclosure.DisclosureApi;

/**
 * A consultation's published results ({@code /cong-khai/ket-qua/:id}): by province, by
 * district and by commune, with pass / fail, turnout and agreement as shares of all
 * households, and the files (CSV, XLSX, each commune's minutes as PDF) from the api's
 * public exports. Before publication the page says so and shows no figure.
 */
@Route(value = "cong-khai/ket-qua/:id", layout = PublicLayout.class)
@AnonymousAllowed
public class PublicResultsView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	private final DisclosureApi api;

	private DisclosureApi.@Nullable PublicResults consultation;

	private @Nullable ApiException failure;

	public PublicResultsView(DisclosureApi api) {
		this.api = api;
		setId("public-results");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		try {
			this.consultation = this.api.results(event.getRouteParameters().get("id").orElse("")).orElse(null);
			this.failure = null;
		}
		catch (ApiException ex) {
			this.consultation = null;
			this.failure = ex;
		}
	}

	@Override
	public String getPageTitle() {
		String title = (this.consultation != null) ? this.consultation.title()
				: getTranslation("disclosure.results.not-found");
		return getTranslation("disclosure.results.title") + ": " + title + " — " + getTranslation("disclosure.site");
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		removeAll();
		if (this.consultation == null) {
			add(new H1(getTranslation("disclosure.results.not-found")));
			Paragraph error = new Paragraph((this.failure != null) ? getTranslation(this.failure.messageKey())
					: getTranslation("disclosure.results.none"));
			error.setId("public-error");
			add(error);
			return;
		}
		DisclosureApi.PublicResults shown = this.consultation;
		add(new H1(getTranslation("disclosure.results.title") + ": " + shown.title()));
		DisclosureApi.Results results = shown.results();
		if (results == null || !results.published()) {
			Paragraph notYet = new Paragraph(getTranslation("disclosure.results.not-yet"));
			notYet.setId("public-results-not-published");
			add(notYet);
			return;
		}
		Paragraph rule = new Paragraph(
				getTranslation("disclosure.results.rule") + ": " + shown.passRule().description());
		DisclosureApi.RollUp total = results.total();
		Paragraph summary = new Paragraph(getTranslation("disclosure.results.summary", total.communes(), total.passed(),
				total.failed(), Format.percent(share(total.tookPart(), total.households())),
				Format.percent(share(total.agree(), total.households()))));
		summary.setId("public-results-summary");
		Div files = new Div(new Span(getTranslation("disclosure.results.files") + ": "));
		for (String kind : List.of("csv", "xlsx")) {
			Anchor file = new Anchor(this.api.exportUrl("/exports/consultations/" + shown.id() + "/results." + kind),
					kind.toUpperCase(Locale.ROOT));
			file.setId("public-results-" + kind);
			file.setRouterIgnore(true);
			file.getStyle().set("margin-inline-end", "0.75rem");
			files.add(file);
		}
		add(rule, summary, files);
		if (!results.winning().isEmpty()) {
			add(new H2(getTranslation("disclosure.results.names")));
			List<List<?>> names = new ArrayList<>();
			for (DisclosureApi.WinningName winning : results.winning()) {
				names.add(List.of(winning.proposedFullName(),
						(winning.name() != null) ? winning.name()
								+ (winning.tied() ? " (" + getTranslation("disclosure.results.names.tied") + ")" : "")
								: "—",
						counts(winning.counts())));
			}
			add(Tables.of("public-results-names", getTranslation("disclosure.results.names"),
					List.of(getTranslation("disclosure.results.names.unit"),
							getTranslation("disclosure.results.names.chosen"),
							getTranslation("disclosure.results.names.counts")),
					names));
		}
		add(new H2(getTranslation("disclosure.results.provinces")));
		add(rollUps("public-results-provinces", getTranslation("disclosure.results.provinces"), results.provinces()));
		add(new H2(getTranslation("disclosure.results.districts")));
		add(rollUps("public-results-districts", getTranslation("disclosure.results.districts"), results.districts()));
		add(new H2(getTranslation("disclosure.results.communes")));
		List<List<?>> rows = new ArrayList<>();
		for (DisclosureApi.CommuneResult commune : results.communes()) {
			Anchor minutes = new Anchor(this.api.exportUrl(
					"/exports/consultations/" + shown.id() + "/communes/" + commune.unit().id() + "/minutes.pdf"),
					getTranslation("disclosure.results.minutes"));
			minutes.setRouterIgnore(true);
			minutes.getElement()
				.setAttribute("aria-label",
						getTranslation("disclosure.results.minutes") + " " + commune.unit().fullName());
			rows.add(List.of(commune.unit().fullName(),
					(commune.unit().parent() != null) ? commune.unit().parent().fullName() : "—",
					getTranslation("disclosure.outcome." + commune.outcome()), Format.percent(commune.turnout()),
					Format.percent(commune.agreeShare()), Format.number(commune.households()),
					furtherQuestions(commune.questionResults()), minutes));
		}
		add(Tables.of("public-results-communes", getTranslation("disclosure.results.communes"),
				List.of(getTranslation("disclosure.results.commune"), getTranslation("disclosure.results.district"),
						getTranslation("disclosure.results.outcome"), getTranslation("disclosure.results.turnout"),
						getTranslation("disclosure.results.agree"), getTranslation("disclosure.results.households"),
						getTranslation("disclosure.results.questions"), getTranslation("disclosure.results.minutes")),
				rows));
	}

	private Div rollUps(String id, String caption, List<DisclosureApi.RollUp> rollUps) {
		List<List<?>> rows = new ArrayList<>();
		for (DisclosureApi.RollUp rollUp : rollUps) {
			rows.add(List.of(
					(rollUp.unit() != null && rollUp.unit().fullName() != null) ? rollUp.unit().fullName() : "—",
					Format.number(rollUp.communes()), Format.number(rollUp.passed()), Format.number(rollUp.failed()),
					Format.percent(share(rollUp.tookPart(), rollUp.households())),
					Format.percent(share(rollUp.agree(), rollUp.households()))));
		}
		return Tables.of(id, caption,
				List.of(getTranslation("disclosure.results.unit"), getTranslation("disclosure.results.communes"),
						getTranslation("disclosure.results.passed"), getTranslation("disclosure.results.failed"),
						getTranslation("disclosure.results.turnout"), getTranslation("disclosure.results.agree")),
				rows);
	}

	/**
	 * A commune's questions beyond the arrangement: "Tên gọi: Bắc Kạn 1 · Đức Xuân 3";
	 * "—" when it was asked nothing else.
	 */
	private String furtherQuestions(List<DisclosureApi.QuestionResult> questions) {
		List<String> parts = new ArrayList<>();
		for (DisclosureApi.QuestionResult question : questions) {
			if (question.question().equals("ARRANGEMENT")) {
				continue;
			}
			parts.add(question.text() + ": "
					+ (question.choices().isEmpty() ? getTranslation("disclosure.results.agree-disagree",
							Format.number(question.agree()), Format.number(question.disagree()))
							: counts(question.choices())));
		}
		return parts.isEmpty() ? "—" : String.join("; ", parts);
	}

	private static String counts(List<DisclosureApi.NameCount> counts) {
		return String.join(" · ",
				counts.stream().map((count) -> count.name() + " " + Format.number(count.count())).toList());
	}

	private static double share(int part, int all) {
		return (all > 0) ? 100.0 * part / all : 0;
	}

}

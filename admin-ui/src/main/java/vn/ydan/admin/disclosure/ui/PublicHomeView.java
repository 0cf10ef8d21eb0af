package vn.ydan.admin.disclosure.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.disclosure.DisclosureApi;

/**
 * The public home page ({@code /cong-khai}): published plans with their legal basis, and
 * the consultations with links to their published results and files. Anonymous.
 */
@Route(value = "cong-khai", layout = PublicLayout.class)
@AnonymousAllowed
public class PublicHomeView extends Div implements LocaleChangeObserver, HasDynamicTitle {

	private final DisclosureApi api;

	public PublicHomeView(DisclosureApi api) {
		this.api = api;
		setId("public-home");
	}

	@Override
	public String getPageTitle() {
		return getTranslation("disclosure.home.title") + " — " + getTranslation("disclosure.site");
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		removeAll();
		add(new H1(getTranslation("disclosure.home.title")), new Paragraph(getTranslation("disclosure.home.intro")));
		DisclosureApi.Overview overview;
		try {
			overview = this.api.overview();
		}
		catch (ApiException ex) {
			Paragraph error = new Paragraph(getTranslation(ex.messageKey()));
			error.setId("public-error");
			add(error);
			return;
		}
		add(new H2(getTranslation("disclosure.home.plans")));
		List<List<?>> plans = new ArrayList<>();
		for (DisclosureApi.PublicPlanSummary plan : overview.plans()) {
			RouterLink link = new RouterLink(plan.title(), PublicPlanView.class, new RouteParameters("id", plan.id()));
			plans.add(List.of(link, plan.statusName(), Format.date(plan.effectiveDate()),
					(plan.legalBasis() != null) ? Format.basis(plan.legalBasis()) : "—",
					Format.number(plan.proposedUnitCount())));
		}
		add(Tables.of("public-plans", getTranslation("disclosure.home.plans"),
				List.of(getTranslation("disclosure.plan.title"), getTranslation("disclosure.plan.status"),
						getTranslation("disclosure.plan.effective"), getTranslation("disclosure.plan.basis"),
						getTranslation("disclosure.plan.new-units")),
				plans));
		add(new H2(getTranslation("disclosure.home.consultations")));
		List<List<?>> consultations = new ArrayList<>();
		for (DisclosureApi.PublicConsultation consultation : overview.consultations()) {
			Div links = new Div();
			if (consultation.published()) {
				links.add(new RouterLink(getTranslation("disclosure.results.open"), PublicResultsView.class,
						new RouteParameters("id", consultation.id())));
				for (String kind : List.of("csv", "xlsx")) {
					Anchor file = new Anchor(
							this.api.exportUrl("/exports/consultations/" + consultation.id() + "/results." + kind),
							kind.toUpperCase(java.util.Locale.ROOT));
					file.setRouterIgnore(true);
					file.getStyle().set("margin-inline-start", "0.5rem");
					links.add(file);
				}
			}
			else {
				links.setText(getTranslation("disclosure.results.not-yet"));
			}
			consultations.add(List.of(consultation.title(), consultation.statusName(), links));
		}
		add(Tables.of("public-consultations", getTranslation("disclosure.home.consultations"),
				List.of(getTranslation("disclosure.consultation.title"), getTranslation("disclosure.plan.status"),
						getTranslation("disclosure.results.title")),
				consultations));
	}

}

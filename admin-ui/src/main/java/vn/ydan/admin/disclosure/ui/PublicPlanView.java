package vn.ydan.admin.disclosure.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.disclosure.DisclosureApi;

/**
 * A published plan ({@code /cong-khai/phuong-an/:id}): its status, date and legal basis,
 * and the old → new table by old district (each old unit, the new unit it goes to, whole
 * or in part, and the clause). Drafts are not found, as for any anonymous caller.
 */
@Route(value = "cong-khai/phuong-an/:id", layout = PublicLayout.class)
@AnonymousAllowed
public class PublicPlanView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	private final DisclosureApi api;

	private String id = "";

	private DisclosureApi.@Nullable PublicPlan plan;

	private @Nullable ApiException failure;

	public PublicPlanView(DisclosureApi api) {
		this.api = api;
		setId("public-plan");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.id = event.getRouteParameters().get("id").orElse("");
		try {
			this.plan = this.api.plan(this.id).orElse(null);
			this.failure = null;
		}
		catch (ApiException ex) {
			this.plan = null;
			this.failure = ex;
		}
	}

	@Override
	public String getPageTitle() {
		String title = (this.plan != null) ? this.plan.title() : getTranslation("disclosure.plan.not-found");
		return title + " — " + getTranslation("disclosure.site");
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		removeAll();
		if (this.failure != null || this.plan == null) {
			add(new H1(getTranslation("disclosure.plan.not-found")));
			Paragraph error = new Paragraph((this.failure != null) ? getTranslation(this.failure.messageKey())
					: getTranslation("disclosure.plan.none"));
			error.setId("public-error");
			add(error);
			return;
		}
		DisclosureApi.PublicPlan shown = this.plan;
		add(new H1(shown.title()));
		Paragraph facts = new Paragraph(getTranslation("disclosure.plan.status") + ": " + shown.statusName() + " · "
				+ getTranslation("disclosure.plan.effective") + ": " + Format.date(shown.effectiveDate()) + " · "
				+ getTranslation("disclosure.plan.basis") + ": " + ((shown.legalBasis() != null)
						? Format.basis(shown.legalBasis()) : getTranslation("disclosure.plan.not-adopted")));
		facts.setId("public-plan-facts");
		add(facts);
		// Old units grouped by their district (or province), in name order.
		Map<String, List<List<?>>> byDistrict = new TreeMap<>();
		for (DisclosureApi.NewUnit unit : shown.proposedUnits()) {
			for (DisclosureApi.Part part : unit.components()) {
				String district = (part.unit().parent() != null) ? part.unit().parent().fullName() : "—";
				Object newUnit = (unit.registered() != null) ? new RouterLink(unit.fullName(), PublicUnitView.class,
						new RouteParameters("id", unit.registered().id())) : new Span(unit.fullName());
				byDistrict.computeIfAbsent(district, (key) -> new ArrayList<>())
					.add(List.of(
							new RouterLink(part.unit().fullName(), PublicUnitView.class,
									new RouteParameters("id", part.unit().id())),
							newUnit, getTranslation("disclosure.relation." + part.relation()),
							(unit.legalClause() != null) ? unit.legalClause() : "—"));
			}
		}
		add(new H2(getTranslation("disclosure.plan.table")));
		int index = 0;
		for (Map.Entry<String, List<List<?>>> district : byDistrict.entrySet()) {
			add(Tables.of("public-plan-table-" + index++, district.getKey(),
					List.of(getTranslation("disclosure.plan.old"), getTranslation("disclosure.plan.new"),
							getTranslation("disclosure.plan.relation"), getTranslation("disclosure.plan.clause")),
					district.getValue()));
		}
	}

}

package vn.ydan.admin.disclosure.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
 * A unit's public page ({@code /cong-khai/don-vi/:id}, the api's global id): its
 * versions, and the units it was formed from and went into, with the clause.
 */
@Route(value = "cong-khai/don-vi/:id", layout = PublicLayout.class)
@AnonymousAllowed
public class PublicUnitView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	private final DisclosureApi api;

	private DisclosureApi.@Nullable PublicUnit unit;

	private @Nullable ApiException failure;

	public PublicUnitView(DisclosureApi api) {
		this.api = api;
		setId("public-unit");
	}

	static RouterLink link(DisclosureApi.Ref unit) {
		String text = ((unit.fullName() != null) ? unit.fullName() : unit.id())
				+ ((unit.code() != null) ? " (" + unit.code() + ")" : "");
		return new RouterLink(text, PublicUnitView.class, new RouteParameters("id", unit.id()));
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		try {
			this.unit = this.api.unit(event.getRouteParameters().get("id").orElse(""), null).orElse(null);
			this.failure = null;
		}
		catch (ApiException ex) {
			this.unit = null;
			this.failure = ex;
		}
	}

	@Override
	public String getPageTitle() {
		String title = (this.unit != null) ? this.unit.fullName() : getTranslation("disclosure.unit.not-found");
		return title + " — " + getTranslation("disclosure.site");
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		removeAll();
		if (this.unit == null) {
			add(new H1(getTranslation("disclosure.unit.not-found")));
			Paragraph error = new Paragraph((this.failure != null) ? getTranslation(this.failure.messageKey())
					: getTranslation("disclosure.unit.none"));
			error.setId("public-error");
			add(error);
			return;
		}
		DisclosureApi.PublicUnit shown = this.unit;
		add(new H1(shown.fullName()));
		Paragraph facts = new Paragraph(getTranslation("disclosure.unit.code") + ": "
				+ ((shown.code() != null) ? shown.code() : "—") + " · " + getTranslation("disclosure.unit.valid") + ": "
				+ Format.date(shown.validFrom()) + " → " + Format.date(shown.validTo()));
		facts.setId("public-unit-facts");
		add(facts);
		if (shown.parent() != null) {
			add(new Paragraph(new com.vaadin.flow.component.Text(getTranslation("disclosure.unit.parent") + ": "),
					link(shown.parent())));
		}
		add(new H2(getTranslation("disclosure.unit.history")));
		List<List<?>> versions = new ArrayList<>();
		for (DisclosureApi.Version version : shown.history()) {
			versions.add(List.of(Format.date(version.validFrom()), Format.date(version.validTo()),
					(version.code() != null) ? version.code() : "—", version.fullName(),
					(version.parent() != null) ? version.parent().fullName() : "—"));
		}
		add(Tables.of("public-unit-history", getTranslation("disclosure.unit.history"),
				List.of(getTranslation("disclosure.unit.from"), getTranslation("disclosure.unit.to"),
						getTranslation("disclosure.unit.code"), getTranslation("disclosure.unit.name"),
						getTranslation("disclosure.unit.parent")),
				versions));
		lineage("public-unit-predecessors", "disclosure.unit.predecessors", shown.predecessors());
		lineage("public-unit-successors", "disclosure.unit.successors", shown.successors());
	}

	private void lineage(String id, String key, List<DisclosureApi.Link> links) {
		add(new H2(getTranslation(key)));
		if (links.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("disclosure.unit.no-links"));
			none.setId(id);
			add(none);
			return;
		}
		List<List<?>> rows = new ArrayList<>();
		for (DisclosureApi.Link link : links) {
			rows.add(List.of(link(link.unit()), getTranslation("disclosure.relation." + link.relation()),
					Format.date(link.effectiveDate()), (link.legalBasis() != null) ? link.legalBasis() : "—"));
		}
		add(Tables
			.of(id, getTranslation(key),
					List.of(getTranslation("disclosure.unit.name"), getTranslation("disclosure.plan.relation"),
							getTranslation("disclosure.plan.effective"), getTranslation("disclosure.plan.clause")),
					rows));
	}

}

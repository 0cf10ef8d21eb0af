package vn.ydan.admin.disclosure.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.disclosure.DisclosureApi;

/**
 * "What is my address now?" ({@code /tra-cuu-dia-chi}): an old address as people write
 * it, and the unit(s) it is on a date (today by default), with the clause, the
 * residential groups of a split commune, and candidates when the address is ambiguous.
 * The same {@code convertAddress} a partner app calls.
 */
@Route(value = "tra-cuu-dia-chi", layout = PublicLayout.class)
@AnonymousAllowed
public class AddressLookupView extends Div implements LocaleChangeObserver, HasDynamicTitle {

	private final DisclosureApi api;

	private final H1 title = new H1();

	private final Paragraph intro = new Paragraph();

	private final TextField address = new TextField();

	private final DatePicker asOf = new DatePicker();

	private final Button search = new Button();

	private final Div answer = new Div();

	public AddressLookupView(DisclosureApi api) {
		this.api = api;
		setId("address-lookup");
		this.address.setId("address-text");
		this.address.setWidthFull();
		this.address.setMaxLength(300);
		this.address.setClearButtonVisible(true);
		this.asOf.setId("address-as-of");
		this.search.setId("address-search");
		this.search.addThemeVariants(ButtonVariant.PRIMARY);
		this.search.addClickListener((click) -> lookUp());
		this.search.addClickShortcut(Key.ENTER);
		this.answer.setId("address-answer");
		this.answer.getElement().setAttribute("aria-live", "polite");
		FlexLayout form = new FlexLayout(this.address, this.asOf, this.search);
		form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		form.setAlignItems(FlexLayout.Alignment.END);
		form.getStyle().set("gap", "0.5rem");
		form.setFlexGrow(1, this.address);
		this.address.setMinWidth("16rem");
		add(this.title, this.intro, form, this.answer);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("disclosure.lookup.title") + " — " + getTranslation("disclosure.site");
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("disclosure.lookup.title"));
		this.intro.setText(getTranslation("disclosure.lookup.intro"));
		this.address.setLabel(getTranslation("disclosure.lookup.address"));
		this.address.setPlaceholder("P. Trúc Bạch, Q. Ba Đình, Hà Nội");
		this.asOf.setLabel(getTranslation("disclosure.lookup.as-of"));
		this.asOf.setHelperText(getTranslation("disclosure.lookup.as-of.help"));
		this.search.setText(getTranslation("disclosure.lookup.search"));
	}

	private void lookUp() {
		this.answer.removeAll();
		DisclosureApi.AddressAnswer found;
		try {
			found = this.api.convertAddress(this.address.getValue(), this.asOf.getValue());
		}
		catch (ApiException ex) {
			this.answer.add(new Paragraph(getTranslation(ex.messageKey())));
			return;
		}
		Paragraph status = new Paragraph(getTranslation("disclosure.lookup.status." + found.status()));
		status.setId("address-status");
		Paragraph message = new Paragraph(found.message());
		message.setId("address-message");
		this.answer.add(new H2(getTranslation("disclosure.lookup.answer")), status, message);
		int index = 0;
		for (DisclosureApi.Candidate candidate : found.candidates()) {
			List<List<?>> rows = new ArrayList<>();
			for (DisclosureApi.Successor successor : candidate.current()) {
				String groups = String.join(", ",
						successor.residentialGroups().stream().map(DisclosureApi.Group::name).toList());
				rows.add(List.of(PublicUnitView.link(successor.unit()),
						getTranslation("disclosure.relation." + successor.relation()),
						(successor.share() != null) ? Format.percent(100 * successor.share()) : "—",
						Format.date(successor.effectiveDate()),
						(successor.legalBasis() != null) ? successor.legalBasis() : "—",
						groups.isEmpty() ? "—" : groups));
			}
			String caption = candidate.matchedName()
					+ (candidate.formerName() ? " — " + getTranslation("disclosure.lookup.former") : "")
					+ (candidate.approximate() ? " — " + getTranslation("disclosure.lookup.approximate") : "");
			this.answer.add(Tables.of("address-candidate-" + index++, caption,
					List.of(getTranslation("disclosure.lookup.now"), getTranslation("disclosure.plan.relation"),
							getTranslation("disclosure.lookup.share"), getTranslation("disclosure.plan.effective"),
							getTranslation("disclosure.plan.clause"), getTranslation("disclosure.lookup.groups")),
					rows));
		}
	}

}

package vn.ydan.admin.disclosure.ui;

import java.util.Locale;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.i18n.Language;
import vn.ydan.admin.i18n.Translations;

/**
 * The frame of the public pages: a header with the site's name, links to the public
 * pages, the language switch and a link to sign in; the page in a {@code main} landmark.
 * No drawer and no user menu, so that it reads on a 390-pixel phone and needs no sign-in.
 */
@AnonymousAllowed
public class PublicLayout extends Div implements RouterLayout, LocaleChangeObserver {

	private final Span title = new Span();

	private final RouterLink plans = new RouterLink();

	private final RouterLink lookup = new RouterLink();

	private final Anchor signIn = new Anchor(".", "");

	private final Select<Locale> language = new Select<>();

	private final Main main = new Main();

	public PublicLayout() {
		setId("public-layout");
		getStyle().set("max-width", "72rem").set("margin", "0 auto").set("padding", "0 0.75rem");
		this.title.setId("public-title");
		this.title.getStyle().set("font-weight", "bold").set("font-size", "1.2rem");
		this.plans.setRoute(PublicHomeView.class);
		this.plans.setId("public-nav-home");
		this.lookup.setRoute(AddressLookupView.class);
		this.lookup.setId("public-nav-lookup");
		this.signIn.setId("public-nav-sign-in");
		this.signIn.setRouterIgnore(true);
		this.language.setId("public-language");
		this.language.setItems(Translations.VIETNAMESE, Translations.ENGLISH);
		this.language.setItemLabelGenerator((locale) -> Translations.ENGLISH.equals(locale) ? "English" : "Tiếng Việt");
		this.language.setWidth("9rem");
		this.language.addValueChangeListener((change) -> {
			if (change.getValue() != null && !change.getValue().equals(getLocale())) {
				Language.choose(change.getValue());
			}
		});
		Nav nav = new Nav(this.plans, this.lookup, this.signIn);
		nav.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.75rem");
		Header header = new Header(this.title, nav, this.language);
		header.getStyle()
			.set("display", "flex")
			.set("flex-wrap", "wrap")
			.set("align-items", "center")
			.set("gap", "0.75rem")
			.set("padding", "0.75rem 0")
			.set("border-bottom", "1px solid #ccc");
		this.main.setId("public-main");
		add(header, this.main);
	}

	@Override
	public void showRouterLayoutContent(HasElement content) {
		this.main.removeAll();
		if (content != null) {
			this.main.getElement().appendChild(content.getElement());
		}
	}

	@Override
	public void removeRouterLayoutContent(@Nullable HasElement oldContent) {
		this.main.removeAll();
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("disclosure.site"));
		this.plans.setText(getTranslation("disclosure.nav.home"));
		this.lookup.setText(getTranslation("disclosure.nav.lookup"));
		this.signIn.setText(getTranslation("disclosure.nav.sign-in"));
		this.language.setValue(Translations.supported(event.getLocale()));
		this.language.setAriaLabel(getTranslation("header.language"));
	}

}

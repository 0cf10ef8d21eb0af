package vn.ydan.admin.layout;

import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContextHolder;

import vn.ydan.admin.i18n.Language;
import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.security.SignedInUser;

/**
 * The frame around every view: title, navigation, language switch, who is signed in,
 * sign-out.
 * <p>
 * The navigation lists the views that carry {@code @Menu} and that the user may open, so
 * a new feature's view appears by itself, and only for those allowed to use it. Menu
 * titles are translation keys.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements LocaleChangeObserver {

	private final H1 title = new H1();

	private final SideNav navigation = new SideNav();

	private final Select<Locale> language = new Select<>();

	private final Span userName = new Span();

	private final Button signOut = new Button();

	private final Icon userIcon = new Icon(VaadinIcon.USER);

	private @Nullable Registration resize;

	public MainLayout(AuthenticationContext authentication) {
		this.title.setId("app-title");
		this.title.getStyle().set("font-size", "1.25rem").set("margin", "0");
		this.navigation.setId("main-nav");

		this.language.setId("language-switch");
		this.language.setItems(Translations.VIETNAMESE, Translations.ENGLISH);
		// Each language is named in itself, so that someone who cannot read the current
		// one still finds their own.
		this.language.setItemLabelGenerator((locale) -> Translations.ENGLISH.equals(locale) ? "English" : "Tiếng Việt");
		this.language.setWidth("9rem");
		this.language.addValueChangeListener((change) -> {
			if (change.getValue() != null && !change.getValue().equals(getLocale())) {
				Language.choose(change.getValue());
			}
		});

		this.userName.setId("user-display-name");
		SignedInUser.of(SecurityContextHolder.getContext().getAuthentication())
			.ifPresent((user) -> this.userName.setText(user.displayName()));

		this.signOut.setId("sign-out");
		this.signOut.setIcon(VaadinIcon.SIGN_OUT.create());
		this.signOut.addThemeVariants(ButtonVariant.TERTIARY);
		this.signOut.addClickListener((click) -> authentication.logout());

		this.userName.getStyle()
			.set("white-space", "nowrap")
			.set("overflow", "hidden")
			.set("text-overflow", "ellipsis");
		HorizontalLayout user = new HorizontalLayout(this.language, this.userIcon, this.userName, this.signOut);
		user.setAlignItems(FlexComponent.Alignment.CENTER);
		user.getStyle()
			.set("margin-inline-start", "auto")
			.set("padding-inline-end", "var(--vaadin-padding-m, 1rem)")
			.set("min-width", "0")
			.set("flex-shrink", "1");

		HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), this.title, user);
		navbar.setAlignItems(FlexComponent.Alignment.CENTER);
		navbar.setWidthFull();
		addToNavbar(navbar);

		Div drawer = new Div(this.navigation);
		drawer.getStyle().set("padding", "var(--vaadin-padding-s, 0.5rem)");
		addToDrawer(drawer);
		setPrimarySection(Section.DRAWER);
	}

	/**
	 * Below this width (a phone: 390 px) the header keeps only what fits: no name, the
	 * sign-out and language as short controls, so that "Đăng xuất" is never cut off.
	 */
	static final int COMPACT_BELOW = 640;

	private boolean compact;

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		Page page = event.getUI().getPage();
		page.retrieveExtendedClientDetails((details) -> compact(details.getWindowInnerWidth() < COMPACT_BELOW));
		this.resize = page.addBrowserWindowResizeListener((resized) -> compact(resized.getWidth() < COMPACT_BELOW));
	}

	@Override
	protected void onDetach(DetachEvent event) {
		super.onDetach(event);
		if (this.resize != null) {
			this.resize.remove();
			this.resize = null;
		}
	}

	/** The header for a narrow screen, or the full one. */
	void compact(boolean narrow) {
		this.compact = narrow;
		this.userName.setVisible(!narrow);
		this.userIcon.setVisible(!narrow);
		this.title.getStyle().set("white-space", "nowrap").set("overflow", "hidden").set("text-overflow", "ellipsis");
		this.language.setWidth(narrow ? "6.5rem" : "9rem");
		this.signOut.setText(narrow ? "" : getTranslation("action.sign-out"));
		this.signOut.setAriaLabel(getTranslation("action.sign-out"));
		this.signOut.setTooltipText(narrow ? getTranslation("action.sign-out") : null);
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		this.title.setText(getTranslation("app.title"));
		this.language.setValue(Translations.supported(event.getLocale()));
		this.language.setAriaLabel(getTranslation("header.language"));
		compact(this.compact);
		this.navigation.removeAll();
		for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
			this.navigation.addItem(item(entry));
		}
	}

	private SideNavItem item(MenuEntry entry) {
		SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
		String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
		item.setId("nav-" + (path.isEmpty() ? "home" : path.replace('/', '-')));
		if (entry.icon() != null && entry.icon().contains(":")) {
			String[] icon = entry.icon().split(":", 2);
			item.setPrefixComponent(new Icon(icon[0], icon[1]));
		}
		return item;
	}

}

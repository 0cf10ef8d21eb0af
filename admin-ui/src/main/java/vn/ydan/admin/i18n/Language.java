package vn.ydan.admin.i18n;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

import org.springframework.stereotype.Component;

/**
 * The language a user chose, kept in their session so that it survives reloads and
 * applies to new tabs. Until they choose, the console speaks Vietnamese whatever the
 * browser prefers: its users are Vietnamese officials, and an English-language browser
 * should not change what a screen says.
 */
@Component
public class Language implements VaadinServiceInitListener {

	private static final String SESSION_KEY = Language.class.getName();

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addUIInitListener((uiInit) -> apply(uiInit.getUI(), of(uiInit.getUI().getSession())));
	}

	/** The session's language (Vietnamese unless the user chose another). */
	public static Locale of(VaadinSession session) {
		return (session.getAttribute(SESSION_KEY) instanceof Locale chosen) ? chosen : Translations.VIETNAMESE;
	}

	/** Switches the session, and every open tab of it, to a language. */
	public static void choose(Locale locale) {
		Locale supported = Translations.supported(locale);
		VaadinSession session = VaadinSession.getCurrent();
		session.setAttribute(SESSION_KEY, supported);
		for (UI ui : session.getUIs()) {
			apply(ui, supported);
		}
	}

	private static void apply(UI ui, Locale locale) {
		ui.setLocale(locale);
		// Screen readers pick their voice from the page's language.
		ui.getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
	}

}

package vn.ydan.admin.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The console's texts: Vietnamese ({@code vaadin-i18n/translations.properties}) and
 * English ({@code translations_en.properties}).
 * <p>
 * Vaadin's default provider would pick the JVM's default locale when a bundle is missing,
 * which on an English server would turn Vietnamese users' screens English; here
 * Vietnamese is the fallback for everything.
 */
@Component
public class Translations implements I18NProvider {

	public static final Locale VIETNAMESE = Locale.of("vi");

	public static final Locale ENGLISH = Locale.ENGLISH;

	private static final String BUNDLE = "vaadin-i18n.translations";

	private static final ResourceBundle.Control NO_JVM_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private static final Logger log = LoggerFactory.getLogger(Translations.class);

	@Override
	public List<Locale> getProvidedLocales() {
		return List.of(VIETNAMESE, ENGLISH);
	}

	@Override
	public String getTranslation(String key, @Nullable Locale locale, Object... params) {
		ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale), NO_JVM_FALLBACK);
		String pattern;
		try {
			pattern = bundle.getString(key);
		}
		catch (MissingResourceException ex) {
			log.warn("No translation for {} ({})", key, supported(locale));
			return missing(key);
		}
		return (params.length > 0) ? new MessageFormat(pattern, supported(locale)).format(params) : pattern;
	}

	/**
	 * What {@link #getTranslation} gives for a key it does not know (as Vaadin's own
	 * provider does).
	 */
	public static String missing(String key) {
		return "!" + key + "!";
	}

	/**
	 * The supported locale for a requested one: English for English, Vietnamese for the
	 * rest.
	 */
	public static Locale supported(@Nullable Locale locale) {
		return (locale != null && ENGLISH.getLanguage().equals(locale.getLanguage())) ? ENGLISH : VIETNAMESE;
	}

}

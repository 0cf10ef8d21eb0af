package vn.ydan.admin.units.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.units.UnitLevel;

/**
 * How the units views write dates, numbers, levels, types and relations. Dates are
 * dd/MM/yyyy in both languages: they are Vietnamese records, read by Vietnamese
 * officials.
 */
final class UnitFormat {

	static final String DATE_PATTERN = "dd/MM/yyyy";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);

	/** What separates the links of a parent chain. */
	static final String CHAIN_SEPARATOR = " — ";

	private UnitFormat() {
	}

	static String date(@Nullable LocalDate date) {
		return (date != null) ? DATE.format(date) : "—";
	}

	static String number(Component on, @Nullable Number value) {
		if (value == null) {
			return "—";
		}
		Locale locale = locale(on);
		if (value instanceof Double || value instanceof Float) {
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMaximumFractionDigits(2);
			return format.format(value);
		}
		return NumberFormat.getIntegerInstance(locale).format(value);
	}

	/** The user's language, as the component's UI (or the current one) has it. */
	static Locale locale(Component on) {
		UI ui = on.getUI().orElseGet(UI::getCurrent);
		return Translations.supported((ui != null) ? ui.getLocale() : null);
	}

	static String level(Component on, UnitLevel level) {
		return on.getTranslation(level.translationKey());
	}

	/**
	 * The type in the user's language: the api's Vietnamese name, or the English one when
	 * the console knows it.
	 */
	static String type(Component on, String type, String typeName) {
		String label = capitalized(typeName);
		if (locale(on).equals(Translations.VIETNAMESE)) {
			return label;
		}
		String key = "units.type." + type.toLowerCase(Locale.ROOT).replace('_', '-');
		String translated = on.getTranslation(key);
		return translated.equals(Translations.missing(key)) ? label : translated;
	}

	/** The api writes types as in running text ("phường"); alone in a cell: "Phường". */
	private static String capitalized(String text) {
		if (text.isEmpty()) {
			return text;
		}
		int first = text.codePointAt(0);
		return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
			.append(text.substring(Character.charCount(first)))
			.toString();
	}

	/**
	 * Which part of a unit a lineage link is about, as the resolution says it
	 * ({@code part_area_pop}, …) in words; other notes as they are.
	 */
	static String detail(Component on, @Nullable String detail) {
		if (detail == null || detail.isBlank()) {
			return "";
		}
		String key = "units.detail." + detail.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		String translated = on.getTranslation(key);
		return translated.equals(Translations.missing(key)) ? detail : translated;
	}

	/** {@code WHOLE}, {@code PART}, {@code REMAINDER} in words ("toàn bộ", …). */
	static String relation(Component on, String relation) {
		String key = "units.relation." + relation.toLowerCase(Locale.ROOT);
		String translated = on.getTranslation(key);
		return translated.equals(Translations.missing(key)) ? relation : translated;
	}

	/**
	 * "Phường Hàng Bạc — Quận Hoàn Kiếm — Thành phố Hà Nội": a unit and its ancestors.
	 */
	static String chain(String fullName, List<UnitRef> ancestors) {
		StringBuilder chain = new StringBuilder(fullName);
		for (UnitRef ancestor : ancestors) {
			chain.append(CHAIN_SEPARATOR).append(ancestor.fullName());
		}
		return chain.toString();
	}

	/** An ISO date from a URL ({@code ?asOf=2025-06-30}); nothing when it is not one. */
	static Optional<LocalDate> isoDate(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(value.strip()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** A date picker that speaks the user's language and writes dd/MM/yyyy. */
	static DatePicker.DatePickerI18n datePickerI18n(Component on) {
		return new DatePicker.DatePickerI18n().setDateFormat(DATE_PATTERN)
			.setMonthNames(list(on, "date-picker.months"))
			.setWeekdays(list(on, "date-picker.weekdays"))
			.setWeekdaysShort(list(on, "date-picker.weekdays-short"))
			.setFirstDayOfWeek(1)
			.setToday(on.getTranslation("date-picker.today"))
			.setCancel(on.getTranslation("date-picker.cancel"))
			.setBadInputErrorMessage(on.getTranslation("date-picker.bad-input"));
	}

	private static List<String> list(Component on, String key) {
		return Arrays.stream(on.getTranslation(key).split(",")).map(String::strip).toList();
	}

}

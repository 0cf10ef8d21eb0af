package vn.ydan.admin.plans.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.plans.PlanStatus;
import vn.ydan.admin.security.Role;
import vn.ydan.admin.security.SignedInUser;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How the plans views write dates, numbers and statuses; dates dd/MM/yyyy in both
 * languages, as in the units views.
 */
final class PlanFormat {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private PlanFormat() {
	}

	static String date(@Nullable LocalDate date) {
		return (date != null) ? DATE.format(date) : "—";
	}

	static String number(Component on, @Nullable Number value) {
		if (value == null) {
			return "—";
		}
		Locale locale = Translations.supported(locale(on));
		if (value instanceof Double || value instanceof Float) {
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMaximumFractionDigits(2);
			return format.format(value);
		}
		return NumberFormat.getIntegerInstance(locale).format(value);
	}

	/**
	 * Area, population and household shares as "30 % / 25 % / 28 %"; a share not given is
	 * "—", and none given at all (a unit taken whole) is empty, never "/ /".
	 */
	static String shares(Component on, @Nullable Double area, @Nullable Double population,
			@Nullable Double households) {
		if (area == null && population == null && households == null) {
			return "";
		}
		return String.join(" / ", orDash(share(on, area)), orDash(share(on, population)),
				orDash(share(on, households)));
	}

	private static String orDash(String text) {
		return text.isEmpty() ? "—" : text;
	}

	static String share(Component on, @Nullable Double share) {
		return (share != null) ? number(on, share * 100) + " %" : "";
	}

	private static @Nullable Locale locale(Component on) {
		UI ui = on.getUI().orElseGet(UI::getCurrent);
		return (ui != null) ? ui.getLocale() : null;
	}

	static String status(Component on, PlanStatus status) {
		return on.getTranslation(status.translationKey());
	}

	/** The status as a badge, coloured by how far the plan went. */
	static Span badge(Component on, PlanStatus status) {
		Span badge = new Span(status(on, status));
		String background = switch (status) {
			case DRAFT -> "#eef1f5";
			case PUBLISHED, IN_CONSULTATION, CONSULTED -> "#e3f0ff";
			case ADOPTED -> "#fff4d6";
			case IN_EFFECT -> "#e3f6e8";
			case WITHDRAWN -> "#f5e3e3";
		};
		badge.getStyle()
			.set("background", background)
			.set("border-radius", "999px")
			.set("padding", "0.1rem 0.6rem")
			.set("font-size", "0.875rem");
		return badge;
	}

	/** Whether the user is one who drafts plans (the api still decides on the scope). */
	static boolean mayPlan() {
		return SignedInUser.of(SecurityContextHolder.getContext().getAuthentication())
			.map((user) -> user.roles().contains(Role.ADMIN) || user.roles().contains(Role.OFFICIAL))
			.orElse(false);
	}

	static DatePicker.DatePickerI18n datePickerI18n(Component on) {
		return new DatePicker.DatePickerI18n().setDateFormat("dd/MM/yyyy")
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

	/** The type in the user's language: the api's Vietnamese name, capitalised. */
	static String type(String typeName) {
		if (typeName.isEmpty()) {
			return typeName;
		}
		int first = typeName.codePointAt(0);
		return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
			.append(typeName.substring(Character.charCount(first)))
			.toString();
	}

}

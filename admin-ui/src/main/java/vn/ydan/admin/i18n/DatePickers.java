package vn.ydan.admin.i18n;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * One date format in the whole console, whatever the language: {@code dd/MM/yyyy}, as
 * dates are written in Vietnam and as every date the console shows is written (without it
 * a picker follows the browser's locale: {@code 12/3/2026} in English beside
 * {@code 03/12/2026} elsewhere). Month and day names in the user's language.
 */
public final class DatePickers {

	/** The format of every date typed or shown. */
	public static final String DATE_PATTERN = "dd/MM/yyyy";

	private DatePickers() {
	}

	public static DatePicker.DatePickerI18n i18n(Component on) {
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

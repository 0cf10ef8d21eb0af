package vn.ydan.admin.disclosure.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.ydan.admin.disclosure.DisclosureApi;

/** Dates, numbers and acts as the public pages write them (Vietnamese conventions). */
final class Format {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Format() {
	}

	static String date(@Nullable LocalDate date) {
		return (date != null) ? DATE.format(date) : "—";
	}

	static String number(long number) {
		return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(number);
	}

	static String percent(double percent) {
		return String.format(Locale.ROOT, "%.1f %%", percent).replace('.', ',');
	}

	static String basis(DisclosureApi.LegalBasis basis) {
		return basis.number() + " (" + date(basis.date()) + ")";
	}

}

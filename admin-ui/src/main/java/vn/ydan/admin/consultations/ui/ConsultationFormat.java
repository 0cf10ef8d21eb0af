package vn.ydan.admin.consultations.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContextHolder;

import vn.ydan.admin.consultations.ConsultationStatus;
import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.consultations.Outcome;
import vn.ydan.admin.consultations.PassRule;
import vn.ydan.admin.consultations.ProgressFeed;
import vn.ydan.admin.consultations.TallyState;
import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.security.Role;
import vn.ydan.admin.security.SignedInUser;

/**
 * How the consultation views write times (Vietnam's, dd/MM/yyyy HH:mm), numbers, shares
 * and states.
 */
final class ConsultationFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ConsultationsApi.VIETNAM);

	private ConsultationFormat() {
	}

	static String time(@Nullable String instant) {
		if (instant == null) {
			return "—";
		}
		try {
			return TIME.format(Instant.parse(instant));
		}
		catch (RuntimeException ex) {
			return instant;
		}
	}

	/**
	 * A pass rule in the user's language ("trên 50% tổng số hộ", "more than 50% of all
	 * households"); the api's description is Vietnamese only.
	 */
	static String rule(Component on, PassRule rule) {
		NumberFormat format = NumberFormat.getNumberInstance(locale(on));
		format.setMaximumFractionDigits(2);
		return on.getTranslation("consultations.rule." + rule.operator().name(), format.format(rule.percent()));
	}

	/** The day of an instant in Vietnam, for file names: {@code 2025-04-20}. */
	static String date(String instant) {
		try {
			return Instant.parse(instant).atZone(ConsultationsApi.VIETNAM).toLocalDate().toString();
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	static String number(Component on, long value) {
		return NumberFormat.getIntegerInstance(locale(on)).format(value);
	}

	/** A percentage with at most one decimal: {@code 67,8 %}. */
	static String percent(Component on, double value) {
		NumberFormat format = NumberFormat.getNumberInstance(locale(on));
		format.setMaximumFractionDigits(1);
		return format.format(value) + " %";
	}

	private static Locale locale(Component on) {
		UI ui = on.getUI().orElseGet(UI::getCurrent);
		return Translations.supported((ui != null) ? ui.getLocale() : null);
	}

	static Span status(Component on, ConsultationStatus status) {
		String background = switch (status) {
			case SCHEDULED -> "#eef1f5";
			case OPEN -> "#e3f0ff";
			case CLOSED -> "#fff4d6";
			case CERTIFIED -> "#efe3ff";
			case PUBLISHED -> "#e3f6e8";
		};
		return badge(on.getTranslation("consultations.status." + status.name()), background);
	}

	static Span outcome(Component on, Outcome outcome) {
		String background = switch (outcome) {
			case PASS -> "#e3f6e8";
			case FAIL -> "#f9e0e0";
			case PENDING -> "#eef1f5";
		};
		return badge(on.getTranslation("consultations.outcome." + outcome.name()), background);
	}

	/** A group's state; no tally at all is "not done". */
	static Span tallyState(Component on, @Nullable TallyState state) {
		String key = (state != null) ? state.name() : "NOT_DONE";
		String background = (state == null) ? "#f9e0e0" : switch (state) {
			case AWAITING_SECOND_ENTRY -> "#fff4d6";
			case MISMATCH -> "#ffd6d6";
			case VERIFIED -> "#e3f6e8";
		};
		return badge(on.getTranslation("consultations.tally.state." + key), background);
	}

	static Span badge(String text, String background) {
		Span badge = new Span(text);
		badge.getStyle()
			.set("background", background)
			.set("border-radius", "999px")
			.set("padding", "0.1rem 0.6rem")
			.set("font-size", "0.875rem")
			.set("white-space", "nowrap");
		return badge;
	}

	/**
	 * Whether the user runs consultations (creates, opens, certifies); the api still
	 * decides on the scope.
	 */
	static boolean mayRun() {
		return SignedInUser.of(SecurityContextHolder.getContext().getAuthentication())
			.map((user) -> user.roles().contains(Role.ADMIN) || user.roles().contains(Role.OFFICIAL))
			.orElse(false);
	}

	/** Who may see which live figures ({@link ProgressFeed#sightOf}). */
	static String sight() {
		return SignedInUser.of(SecurityContextHolder.getContext().getAuthentication())
			.map((user) -> ProgressFeed.sightOf(user.roles().contains(Role.ADMIN), user.username()))
			.orElse(ProgressFeed.sightOf(false, ""));
	}

	/** Whether the user enters tallies. */
	static boolean mayTally() {
		return SignedInUser.of(SecurityContextHolder.getContext().getAuthentication())
			.map((user) -> user.roles().contains(Role.ADMIN) || user.roles().contains(Role.OFFICIAL)
					|| user.roles().contains(Role.CLERK))
			.orElse(false);
	}

	/**
	 * A commune's questions beyond the arrangement (its agree / disagree are columns of
	 * their own): "Tên gọi: Bắc Kạn 1 · Đức Xuân 3; Sắp xếp cấp tỉnh: đồng ý 5 · không
	 * đồng ý 1"; empty when it was asked nothing else.
	 */
	static String furtherQuestions(Component on, java.util.List<vn.ydan.admin.consultations.QuestionResult> questions) {
		java.util.List<String> parts = new java.util.ArrayList<>();
		for (vn.ydan.admin.consultations.QuestionResult question : questions) {
			if (question.question().equals("ARRANGEMENT")) {
				continue;
			}
			String counts = question.isChoice() ? nameCounts(on, question.choiceCounts())
					: on.getTranslation("consultations.count.question.agree") + " " + number(on, question.agree())
							+ " · " + on.getTranslation("consultations.count.question.disagree") + " "
							+ number(on, question.disagree());
			parts.add(question.text() + ": " + counts);
		}
		return String.join("; ", parts);
	}

	/** "Bắc Kạn 1 · Đức Xuân 3". */
	static String nameCounts(Component on, java.util.List<vn.ydan.admin.consultations.NameCount> counts) {
		return String.join(" · ",
				counts.stream().map((count) -> count.name() + " " + number(on, count.count())).toList());
	}

	/**
	 * The name residents chose for a new unit, with every name's count: "Phường Bắc Kạn →
	 * Đức Xuân (Bắc Kạn 1 · Đức Xuân 4)".
	 */
	static String winningName(Component on, vn.ydan.admin.consultations.WinningName winning) {
		String key = (winning.name() == null) ? "consultations.winning.none"
				: winning.tied() ? "consultations.winning.tied" : "consultations.winning.line";
		return on.getTranslation(key, winning.proposedFullName(), (winning.name() != null) ? winning.name() : "",
				nameCounts(on, winning.nameCounts()));
	}

}

package vn.ydan.admin.home.ui;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.Me;
import vn.ydan.admin.api.SystemStatus;
import vn.ydan.admin.error.Problem;
import vn.ydan.admin.home.HomeApi;
import vn.ydan.admin.home.Work;
import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.security.Role;

/**
 * The first screen after signing in: who the api says you are and, for admins, how the
 * api is doing. Everything shown is fetched from the api with the user's token, so it
 * also proves that the console, Keycloak and the api agree on who the user is.
 * <p>
 * The ids are what browser tests read: {@code me-display-name}, {@code me-username},
 * {@code me-roles}, {@code me-client-id}, {@code api-error}, {@code system-status} and
 * its {@code status-*} fields or {@code system-status-error}.
 */
@Route("")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

	/** The public pages (another part of the console), linked when they exist. */
	static final String PUBLIC_PAGES = "cong-khai";

	/** A resident's own page, linked when it exists. */
	static final String RESIDENT_PAGE = "cu-tri";

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter STARTED_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private final HomeApi api;

	private @Nullable Me me;

	private @Nullable ApiException meFailure;

	private @Nullable SystemStatus status;

	private @Nullable ApiException statusFailure;

	private List<Work.Consultation> consultations = List.of();

	private List<Work.Plan> plans = List.of();

	private List<Work.NextGroup> nextGroups = List.of();

	private @Nullable ApiException workFailure;

	public HomeView(HomeApi api) {
		this.api = api;
		setId("home-view");
		setMaxWidth("60rem");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		load();
	}

	@Override
	public void localeChange(LocaleChangeEvent event) {
		render();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("home.title") + " · " + getTranslation("app.title");
	}

	private void load() {
		this.me = null;
		this.meFailure = null;
		this.status = null;
		this.statusFailure = null;
		try {
			this.me = this.api.me();
		}
		catch (ApiException ex) {
			this.meFailure = ex;
		}
		// The api decides who is an admin; asking it for the status only when it says so
		// keeps officials from seeing a "not allowed" card for something they never asked
		// for.
		if (this.me != null && this.me.hasRole(Role.ADMIN)) {
			try {
				this.status = this.api.systemStatus();
			}
			catch (ApiException ex) {
				this.statusFailure = ex;
			}
		}
		loadWork();
		render();
	}

	/**
	 * What waits for the user, by role: consultations, plans, the next groups to enter.
	 */
	private void loadWork() {
		this.consultations = List.of();
		this.plans = List.of();
		this.nextGroups = List.of();
		this.workFailure = null;
		Me me = this.me;
		if (me == null || !(official(me) || me.hasRole(Role.CLERK))) {
			return;
		}
		try {
			this.consultations = this.api.consultations();
			if (official(me)) {
				this.plans = this.api.plans();
			}
			if (me.hasRole(Role.CLERK)) {
				List<Work.NextGroup> next = new ArrayList<>();
				for (Work.Consultation consultation : this.consultations) {
					if (consultation.isRunning()) {
						this.api.nextGroup(consultation).ifPresent(next::add);
					}
				}
				this.nextGroups = next;
			}
		}
		catch (ApiException ex) {
			this.workFailure = ex;
		}
	}

	private static boolean official(Me me) {
		return me.hasRole(Role.ADMIN) || me.hasRole(Role.OFFICIAL);
	}

	private void render() {
		removeAll();
		Me me = this.me;
		ApiException meFailure = this.meFailure;
		if (me == null) {
			add(heading(getTranslation("home.title")), new Paragraph(getTranslation("home.intro")));
			if (meFailure != null) {
				add(failure("api-error", meFailure));
			}
			return;
		}
		add(heading(getTranslation("home.greeting", nameOf(me))), new Paragraph(getTranslation("home.intro")));
		if (this.workFailure != null) {
			add(failure("home-work-error", this.workFailure));
		}
		if (me.hasRole(Role.CLERK)) {
			add(clerkCard());
		}
		if (official(me)) {
			add(consultationsCard(), plansCard());
		}
		if (me.hasRole(Role.ADMIN)) {
			add(adminCard());
		}
		if (!official(me) && !me.hasRole(Role.CLERK)) {
			add(elsewhereCard(me));
		}
		add(accountCard(me));
		if (this.status != null || this.statusFailure != null) {
			add(statusCard());
		}
	}

	/**
	 * A clerk's next groups to enter, one click each, and the tallies of each running
	 * consultation.
	 */
	private Card clerkCard() {
		Card card = new Card();
		card.setId("home-clerk");
		card.setTitle(getTranslation("home.clerk.title"));
		List<Work.Consultation> running = this.consultations.stream().filter(Work.Consultation::isRunning).toList();
		if (running.isEmpty()) {
			card.add(new Paragraph(getTranslation("home.clerk.none")));
			return card;
		}
		for (Work.NextGroup next : this.nextGroups) {
			String where = (next.groupName() != null) ? next.groupName() + ", " + next.communeName()
					: next.communeName();
			String path = "consultations/" + next.consultation().id() + "/tallies?commune=" + next.communeId()
					+ ((next.groupId() != null) ? "&group=" + next.groupId() : "");
			Anchor link = new Anchor(path, getTranslation("home.clerk.next", where));
			link.setId("home-next-" + next.consultation().id());
			card.add(line(link, getTranslation("home.clerk.left", next.groupsLeft(), next.consultation().title())));
		}
		for (Work.Consultation consultation : running) {
			Anchor tallies = new Anchor("consultations/" + consultation.id() + "/tallies",
					getTranslation("home.clerk.tallies", consultation.title()));
			tallies.setId("home-tallies-" + consultation.id());
			Anchor households = new Anchor("consultations/" + consultation.id() + "/households",
					getTranslation("home.clerk.households"));
			households.setId("home-households-" + consultation.id());
			card.add(line(tallies, null), line(households, null));
		}
		return card;
	}

	/** Consultations with what waits in each: watch, certify, publish. */
	private Card consultationsCard() {
		Card card = new Card();
		card.setId("home-consultations");
		card.setTitle(getTranslation("home.consultations.title"));
		List<Work.Consultation> waiting = this.consultations.stream()
			.filter((consultation) -> !"PUBLISHED".equals(consultation.status()))
			.toList();
		if (waiting.isEmpty()) {
			card.add(new Paragraph(getTranslation("home.consultations.none")));
		}
		for (Work.Consultation consultation : waiting) {
			Anchor link = new Anchor("consultations/" + consultation.id(), consultation.title());
			link.setId("home-consultation-" + consultation.id());
			card.add(line(link, waits("home.consultations.waits.", consultation.status(), consultation.statusName())));
			if (consultation.isRunning()) {
				Anchor tallies = new Anchor("consultations/" + consultation.id() + "/tallies",
						getTranslation("home.consultations.tallies"));
				tallies.setId("home-consultation-tallies-" + consultation.id());
				card.add(line(tallies, null));
			}
		}
		Anchor all = new Anchor("consultations", getTranslation("home.consultations.all"));
		all.setId("home-consultations-all");
		card.add(all);
		return card;
	}

	/** Plans still being worked on, with what waits in each. */
	private Card plansCard() {
		Card card = new Card();
		card.setId("home-plans");
		card.setTitle(getTranslation("home.plans.title"));
		List<Work.Plan> open = this.plans.stream()
			.filter((plan) -> "DRAFT".equals(plan.status()) || "PUBLISHED".equals(plan.status())
					|| "ADOPTED".equals(plan.status()))
			.toList();
		if (open.isEmpty()) {
			card.add(new Paragraph(getTranslation("home.plans.none")));
		}
		for (Work.Plan plan : open) {
			Anchor link = new Anchor("plans/" + plan.id(), plan.title());
			link.setId("home-plan-" + plan.id());
			card.add(line(link, waits("home.plans.waits.", plan.status(), plan.statusName())));
		}
		Anchor all = new Anchor("plans", getTranslation("home.plans.all"));
		all.setId("home-plans-all");
		card.add(all);
		return card;
	}

	private Card adminCard() {
		Card card = new Card();
		card.setId("home-admin");
		card.setTitle(getTranslation("home.admin.title"));
		card.add(line(link("home-admin-users", "access/users", "home.admin.users"), null),
				line(link("home-admin-partners", "access/partner-apps", "home.admin.partners"), null),
				line(link("home-admin-audit", "audit", "home.admin.audit"), null));
		return card;
	}

	/**
	 * Residents and partners: what they can do here, instead of a refusal; the public
	 * pages and the resident's page when the console has them.
	 */
	private Card elsewhereCard(Me me) {
		Card card = new Card();
		card.setId("home-elsewhere");
		boolean resident = me.hasRole(Role.RESIDENT);
		card.setTitle(getTranslation(resident ? "home.resident.title" : "home.partner.title"));
		card.add(new Paragraph(getTranslation(resident ? "home.resident.text" : "home.partner.text")));
		RouteConfiguration routes = RouteConfiguration.forApplicationScope();
		if (resident && routes.isPathAvailable(RESIDENT_PAGE)) {
			card.add(line(link("home-resident-page", RESIDENT_PAGE, "home.resident.page"), null));
		}
		if (routes.isPathAvailable(PUBLIC_PAGES)) {
			card.add(line(link("home-public-pages", PUBLIC_PAGES, "home.public.pages"), null));
		}
		return card;
	}

	private Anchor link(String id, String path, String key) {
		Anchor link = new Anchor(path, getTranslation(key));
		link.setId(id);
		return link;
	}

	/** What waits in a consultation or plan of this status, or its label. */
	private String waits(String prefix, String status, String statusName) {
		String key = prefix + status.toLowerCase(Locale.ROOT);
		String text = getTranslation(key);
		return text.equals(Translations.missing(key)) ? statusName : text;
	}

	private Div line(Component main, @Nullable String note) {
		Div row = new Div(main);
		if (note != null) {
			Span text = new Span(" · " + note);
			text.getStyle().set("color", "var(--vaadin-text-color-secondary, #52606d)");
			row.add(text);
		}
		row.getStyle().set("padding", "0.15rem 0");
		return row;
	}

	private H2 heading(String text) {
		H2 heading = new H2(text);
		heading.setId("home-greeting");
		return heading;
	}

	private Card accountCard(Me me) {
		Card card = new Card();
		card.setId("account");
		card.setTitle(getTranslation("home.account.title"));
		String roles = me.roleNames()
			.stream()
			.map((name) -> Role.of(name).map((role) -> getTranslation(role.translationKey())).orElse(name))
			.collect(Collectors.joining(", "));
		card.add(field("home.account.display-name", "me-display-name", nameOf(me)),
				field("home.account.username", "me-username", me.username()),
				field("home.account.roles", "me-roles",
						roles.isEmpty() ? getTranslation("home.account.no-roles") : roles),
				field("home.account.client", "me-client-id", orUnknown(me.clientId())));
		return card;
	}

	private Card statusCard() {
		Card card = new Card();
		card.setId("system-status");
		card.setTitle(getTranslation("home.status.title"));
		SystemStatus status = this.status;
		ApiException failure = this.statusFailure;
		if (status != null) {
			SystemStatus.Store store = status.store();
			card.add(field("home.status.version", "status-version", orUnknown(status.version())),
					field("home.status.started-at", "status-started-at", startedAt(status.startedAt())),
					field("home.status.store-kind", "status-store-kind",
							translated("home.status.store-kind.", (store != null) ? store.kind() : null)),
					field("home.status.store-status", "status-store-status",
							translated("home.status.store-status.", (store != null) ? store.status() : null)),
					field("home.status.store-collections", "status-store-collections",
							(store != null && store.collections() != null) ? String.valueOf(store.collections())
									: getTranslation("home.status.unknown")));
		}
		else if (failure != null) {
			card.add(failure("system-status-error", failure));
		}
		return card;
	}

	private Div field(String labelKey, String valueId, String value) {
		Span label = new Span(getTranslation(labelKey));
		label.getStyle().set("color", "var(--vaadin-text-color-secondary, #52606d)").set("min-width", "12rem");
		Span text = new Span(value);
		text.setId(valueId);
		Div row = new Div(label, text);
		row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5rem");
		return row;
	}

	private Component failure(String id, ApiException failure) {
		return Problem.of(this, id, failure, this::load);
	}

	private String nameOf(Me me) {
		String name = me.displayName();
		return (name != null && !name.isBlank()) ? name : me.username();
	}

	private String orUnknown(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value : getTranslation("home.status.unknown");
	}

	/**
	 * Enum values of the api in words, or as they are when the console does not know them
	 * yet.
	 */
	private String translated(String keyPrefix, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return getTranslation("home.status.unknown");
		}
		String key = keyPrefix + value.toLowerCase(Locale.ROOT);
		String text = getTranslation(key);
		return text.equals(Translations.missing(key)) ? value : text;
	}

	private String startedAt(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return getTranslation("home.status.unknown");
		}
		try {
			return OffsetDateTime.parse(value).atZoneSameInstant(VIETNAM).format(STARTED_AT);
		}
		catch (DateTimeParseException ex) {
			return value;
		}
	}

}

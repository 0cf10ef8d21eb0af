package vn.ydan.admin.home.ui;

import vn.ydan.admin.error.Problem;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
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
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.Me;
import vn.ydan.admin.api.SystemStatus;
import vn.ydan.admin.home.HomeApi;
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

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter STARTED_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private final HomeApi api;

	private @Nullable Me me;

	private @Nullable ApiException meFailure;

	private @Nullable SystemStatus status;

	private @Nullable ApiException statusFailure;

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
		render();
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
		add(accountCard(me));
		if (this.status != null || this.statusFailure != null) {
			add(statusCard());
		}
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

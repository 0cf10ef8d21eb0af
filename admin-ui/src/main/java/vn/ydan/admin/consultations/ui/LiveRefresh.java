package vn.ydan.admin.consultations.ui;

import java.time.Duration;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.consultations.ConsultationDetails.Progress;
import vn.ydan.admin.consultations.ConsultationsApi;
import vn.ydan.admin.consultations.ProgressFeed;

/**
 * Live figures for a consultation's page: while the page is attached it watches the
 * console's {@link ProgressFeed} (one subscription to the api per consultation, shared by
 * all open pages), which pushes the page an update when the figures changed. When the
 * page detaches (navigation, closed tab, session end) the watch ends.
 * <p>
 * The feed subscribes (or, when that fails, polls) as a watching user, off the request
 * thread, with the user's access token taken on a request thread. Tokens are short-lived,
 * so the page also makes a plain client round trip every {@link #TOKEN_RENEWAL} (a UI
 * poll): that request renews the token (refreshing it at Keycloak when it is about to
 * expire) for the next calls.
 */
final class LiveRefresh {

	static final Duration TOKEN_RENEWAL = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(LiveRefresh.class);

	private final ConsultationsApi api;

	private final ProgressFeed feed;

	private final String consultationId;

	private final String sight;

	private final Consumer<Progress> show;

	private ProgressFeed.@Nullable Watch watch;

	private @Nullable Registration renewal;

	LiveRefresh(ConsultationsApi api, ProgressFeed feed, String consultationId, String sight, Consumer<Progress> show) {
		this.api = api;
		this.feed = feed;
		this.consultationId = consultationId;
		this.sight = sight;
		this.show = show;
	}

	/** Starts watching, as the user of this request; runs on a request thread. */
	void start(UI ui, @Nullable Progress current) {
		stop(ui);
		ProgressFeed.Source caller = caller();
		if (caller == null) {
			return;
		}
		this.watch = this.feed.watch(this.consultationId, this.sight, caller, current,
				(progress) -> ui.access(() -> this.show.accept(progress)));
		this.renewal = ui.addPollListener((poll) -> {
			ProgressFeed.Source renewed = caller();
			ProgressFeed.Watch running = this.watch;
			if (renewed != null && running != null) {
				running.renew(renewed);
			}
		});
		ui.setPollInterval((int) TOKEN_RENEWAL.toMillis());
	}

	void stop(UI ui) {
		ProgressFeed.Watch running = this.watch;
		if (running != null) {
			running.cancel();
			this.watch = null;
		}
		if (this.renewal != null) {
			this.renewal.remove();
			this.renewal = null;
			ui.setPollInterval(-1);
		}
	}

	/** The totals over time while the console followed the consultation. */
	java.util.List<ProgressFeed.Point> history() {
		ProgressFeed.Watch running = this.watch;
		return (running != null) ? running.history() : java.util.List.of();
	}

	boolean isRunning() {
		ProgressFeed.Watch running = this.watch;
		return running != null && running.isActive();
	}

	/**
	 * The page showed these figures itself (after an action): no push needed for them.
	 */
	void shown(@Nullable Progress progress) {
		ProgressFeed.Watch running = this.watch;
		if (running != null) {
			running.shown(progress);
		}
	}

	private ProgressFeed.@Nullable Source caller() {
		try {
			return ProgressFeed.sourceOf(this.api.forBackground());
		}
		catch (ApiException ex) {
			log.debug("No token for the live progress of consultation {}: {}", this.consultationId, ex.getMessage());
			return null;
		}
	}

}

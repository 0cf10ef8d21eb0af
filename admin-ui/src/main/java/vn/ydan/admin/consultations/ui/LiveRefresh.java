package vn.ydan.admin.consultations.ui;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.consultations.ConsultationDetails.Progress;
import vn.ydan.admin.consultations.ConsultationsApi;

/**
 * Live figures for a consultation's page: while the page is attached, the server asks the
 * api for the consultation's progress every second and pushes the page an update when the
 * figures changed (nothing is pushed when they did not). When the page closes, the asking
 * stops.
 * <p>
 * The api is called as the user, off the request thread, with the user's access token
 * taken on a request thread. Tokens are short-lived, so the page also makes a plain
 * client round trip every {@link #TOKEN_RENEWAL} (a UI poll): that request renews the
 * token (refreshing it at Keycloak when it is about to expire) for the next calls. A
 * later server push ({@code consultationProgress} over graphql-ws) would replace the
 * one-second poll here; the page would not change.
 */
final class LiveRefresh {

	static final Duration PERIOD = Duration.ofSeconds(1);

	static final Duration TOKEN_RENEWAL = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(LiveRefresh.class);

	private static final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("consultation-live-timer").factory());

	// The calls mostly wait on the api: one virtual thread each.
	private static final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

	private final ConsultationsApi api;

	private final String consultationId;

	private final Consumer<Progress> show;

	private final AtomicBoolean asking = new AtomicBoolean();

	private volatile @Nullable ConsultationsApi asUser;

	private volatile @Nullable Progress last;

	private @Nullable ScheduledFuture<?> ticking;

	private @Nullable Registration renewal;

	LiveRefresh(ConsultationsApi api, String consultationId, Consumer<Progress> show) {
		this.api = api;
		this.consultationId = consultationId;
		this.show = show;
	}

	/** Starts asking, as the user of this request; runs on a request thread. */
	void start(UI ui, @Nullable Progress current) {
		stop(ui);
		this.last = current;
		if (!renewToken()) {
			return;
		}
		this.renewal = ui.addPollListener((poll) -> renewToken());
		ui.setPollInterval((int) TOKEN_RENEWAL.toMillis());
		this.ticking = timer.scheduleWithFixedDelay(() -> tick(ui), PERIOD.toMillis(), PERIOD.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	void stop(UI ui) {
		ScheduledFuture<?> task = this.ticking;
		if (task != null) {
			task.cancel(false);
			this.ticking = null;
		}
		if (this.renewal != null) {
			this.renewal.remove();
			this.renewal = null;
			ui.setPollInterval(-1);
		}
	}

	boolean isRunning() {
		ScheduledFuture<?> task = this.ticking;
		return task != null && !task.isCancelled();
	}

	/** Whether a round is waiting for the api. */
	boolean isAsking() {
		return this.asking.get();
	}

	/**
	 * One round: asks the api and, when the figures changed, pushes them to the page.
	 * Skipped while the previous round still waits for the api.
	 */
	void tick(UI ui) {
		if (!this.asking.compareAndSet(false, true)) {
			return;
		}
		calls.execute(() -> {
			try {
				Progress progress = fetch();
				if (progress != null) {
					ui.access(() -> this.show.accept(progress));
				}
			}
			catch (UIDetachedException ex) {
				stop(ui);
			}
			finally {
				this.asking.set(false);
			}
		});
	}

	/** Asks once; the progress when it changed since the last one shown, else null. */
	@Nullable Progress fetch() {
		ConsultationsApi caller = this.asUser;
		if (caller == null) {
			return null;
		}
		try {
			Progress progress = caller.progress(this.consultationId).orElse(null);
			if (progress == null || Objects.equals(progress, this.last)) {
				return null;
			}
			this.last = progress;
			return progress;
		}
		catch (ApiException ex) {
			// The next round tries again; an expired token is renewed by the next poll.
			log.debug("Live progress of consultation {} failed: {}", this.consultationId, ex.getMessage());
			return null;
		}
	}

	/**
	 * The page showed these figures itself (after an action): no push needed for them.
	 */
	void shown(@Nullable Progress progress) {
		this.last = progress;
	}

	private boolean renewToken() {
		try {
			this.asUser = this.api.forBackground();
			return true;
		}
		catch (ApiException ex) {
			log.debug("No token for the live progress of consultation {}: {}", this.consultationId, ex.getMessage());
			return false;
		}
	}

}

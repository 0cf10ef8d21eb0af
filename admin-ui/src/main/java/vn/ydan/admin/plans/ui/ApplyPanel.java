package vn.ydan.admin.plans.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UserError;
import vn.ydan.admin.plans.ApplyProgress;
import vn.ydan.admin.plans.PlanDetails;
import vn.ydan.admin.plans.PlanPayload;
import vn.ydan.admin.plans.PlanState;
import vn.ydan.admin.plans.PlanStatus;
import vn.ydan.admin.plans.PlansApi;

/**
 * Applying an adopted plan: a confirmation first (it changes the registry for everyone),
 * then {@code applyPlan} runs off the request thread while the page polls the plan's
 * {@code applyProgress} and shows it in a progress bar; the summary when done. Polling
 * needs no push connection through proxies. If the call itself times out, the api goes on
 * regardless: the page keeps polling until the plan says done or failed (applying again
 * resumes a failed run).
 * <p>
 * Ids: {@code plan-apply-confirm}, {@code plan-apply-progress},
 * {@code plan-apply-progress-text}, {@code plan-apply-summary}, {@code plan-apply-error}.
 */
final class ApplyPanel extends VerticalLayout {

	static final int POLL_MILLIS = 500;

	private static final Logger log = LoggerFactory.getLogger(ApplyPanel.class);

	// Virtual threads: the call mostly waits on the api.
	private static final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final PlansApi api;

	private final Runnable onDone;

	private final ProgressBar bar = new ProgressBar();

	private final Span text = new Span();

	private final Span result = new Span();

	private @Nullable String planId;

	private @Nullable CompletableFuture<PlanPayload> running;

	private @Nullable Registration polling;

	private @Nullable Throwable callFailure;

	/** The call's answer, taken in at the next poll. */
	private @Nullable PlanPayload answer;

	ApplyPanel(PlansApi api, Runnable onDone) {
		this.api = api;
		this.onDone = onDone;
		setPadding(false);
		setSpacing(false);
		this.bar.setId("plan-apply-progress");
		this.text.setId("plan-apply-progress-text");
		this.result.setId("plan-apply-summary");
		add(this.bar, this.text, this.result);
		setRunning(false);
		this.result.setVisible(false);
	}

	/** Shows what the plan says of its last application. */
	void show(PlanDetails plan) {
		this.planId = plan.id();
		if (this.running != null) {
			return;
		}
		ApplyProgress progress = plan.applyProgress();
		if (progress != null && (plan.status() == PlanStatus.IN_EFFECT || progress.failed())) {
			summary(progress);
		}
		else {
			this.result.setVisible(false);
		}
	}

	void confirm() {
		ConfirmDialog dialog = new ConfirmDialog(getTranslation("plans.apply.title"),
				getTranslation("plans.apply.text"), getTranslation("plans.action.apply"), (event) -> start());
		dialog.setId("plan-apply-confirm");
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("action.cancel"));
		dialog.open();
	}

	void start() {
		String id = this.planId;
		if (id == null || this.running != null) {
			return;
		}
		UI ui = UI.getCurrent();
		PlansApi asUser;
		try {
			asUser = this.api.forBackground();
		}
		catch (ApiException ex) {
			error(getTranslation(ex.messageKey()));
			return;
		}
		this.callFailure = null;
		this.answer = null;
		this.result.setVisible(false);
		this.bar.setIndeterminate(true);
		this.text.setText(getTranslation("plans.apply.starting"));
		setRunning(true);
		CompletableFuture<PlanPayload> task = CompletableFuture.supplyAsync(() -> asUser.apply(id), executor);
		this.running = task;
		startPolling(ui);
		task.whenComplete((payload, failure) -> {
			try {
				ui.access(() -> called(payload, failure));
			}
			catch (UIDetachedException ex) {
				log.debug("Applying plan {} ended after its page was closed", id);
			}
		});
	}

	void attached(UI ui) {
		if (this.running != null) {
			startPolling(ui);
		}
	}

	void detached(UI ui) {
		stopPolling(ui);
	}

	private void startPolling(UI ui) {
		if (this.polling == null) {
			this.polling = ui.addPollListener((poll) -> poll());
		}
		ui.setPollInterval(POLL_MILLIS);
	}

	private void stopPolling(UI ui) {
		if (this.polling != null) {
			this.polling.remove();
			this.polling = null;
		}
		ui.setPollInterval(-1);
	}

	/** A poll: how far the api is. */
	private void poll() {
		String id = this.planId;
		if (id == null) {
			return;
		}
		PlanPayload answered = this.answer;
		if (answered != null) {
			this.answer = null;
			if (answered.plan() == null) {
				this.running = null;
				stopPolling(UI.getCurrent());
				setRunning(false);
				error(String.join(" ", answered.errors().stream().map(UserError::message).toList()));
			}
			else {
				finish();
			}
			return;
		}
		PlanState state;
		try {
			state = this.api.progress(id).orElse(null);
		}
		catch (ApiException ex) {
			log.debug("Polling the progress of plan {} failed: {}", id, ex.getMessage());
			return;
		}
		ApplyProgress progress = (state != null) ? state.applyProgress() : null;
		if (progress == null || state == null) {
			if (this.callFailure != null) {
				// The call failed and the api never started: nothing to wait for.
				ApiException known = (this.callFailure instanceof ApiException api) ? api : null;
				this.running = null;
				stopPolling(UI.getCurrent());
				setRunning(false);
				error(getTranslation((known != null) ? known.messageKey() : "error.unexpected"));
			}
			return;
		}
		if (progress.total() > 0) {
			this.bar.setIndeterminate(false);
			this.bar.setValue(progress.fraction());
			this.text.setText(getTranslation("plans.apply.progress", progress.done(), progress.total()));
		}
		// The call may have timed out while the api went on: the plan has the last word.
		boolean over = (state.status() == PlanStatus.IN_EFFECT && progress.finished()) || progress.failed();
		if (over && this.running != null && this.running.isDone()) {
			finish();
		}
	}

	/**
	 * The call ended: with the plan applied, refused, or without an answer. Runs where
	 * the user's token is out of reach: what follows (reloading the plan) waits for the
	 * next poll.
	 */
	private void called(@Nullable PlanPayload payload, @Nullable Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause != null) {
			// The api may still be at it: polling tells.
			log.warn("applyPlan did not answer: {}", cause.toString());
			this.callFailure = cause;
			return;
		}
		this.answer = payload;
	}

	private void finish() {
		this.running = null;
		UI ui = UI.getCurrent();
		if (ui != null) {
			stopPolling(ui);
		}
		setRunning(false);
		this.onDone.run();
	}

	private void summary(ApplyProgress progress) {
		this.result.setText(progress.failed() ? getTranslation("plans.apply.failed", nullToEmpty(progress.message()))
				: getTranslation("plans.apply.done", nullToEmpty(progress.message())));
		this.result.getStyle().set("color", progress.failed() ? "var(--vaadin-text-color-error, #c62828)" : "#1b7f3b");
		this.result.setVisible(true);
	}

	private void error(String message) {
		this.result.setText(message);
		this.result.getStyle().set("color", "var(--vaadin-text-color-error, #c62828)");
		this.result.setVisible(true);
	}

	private void setRunning(boolean on) {
		this.bar.setVisible(on);
		this.text.setVisible(on);
	}

	private static String nullToEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}

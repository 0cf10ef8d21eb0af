package vn.ydan.admin.plans.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

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
 * {@code applyProgress} every second and shows it in a progress bar with done / total;
 * the summary when done.
 * <p>
 * Applying is a job on the api: {@code applyPlan} answers within seconds, either with the
 * plan in effect or with the plan still adopted and the job {@code RUNNING} (a national
 * plan). The page then follows the job until it is {@code DONE} or {@code FAILED}; a plan
 * opened while its job runs (started elsewhere, or before a reload) is followed the same
 * way. If the call itself fails, the api may go on regardless: the page polls until the
 * plan says done or failed (applying again resumes a failed run), and gives up only when
 * the api never started.
 * <p>
 * Polling is the UI's (the browser asks): nothing runs on the server between polls, and
 * the poll listener goes with the page when it is detached (it comes back if the page is
 * attached again while the job runs).
 * <p>
 * Ids: {@code plan-apply-confirm}, {@code plan-apply-progress},
 * {@code plan-apply-progress-text}, {@code plan-apply-summary}, {@code plan-apply-error}.
 */
final class ApplyPanel extends VerticalLayout {

	static final int POLL_MILLIS = 1000;

	private static final Logger log = LoggerFactory.getLogger(ApplyPanel.class);

	// Virtual threads: the call mostly waits on the api.
	private static final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final PlansApi api;

	private final Runnable onDone;

	private final Consumer<Boolean> onFollowing;

	private final ProgressBar bar = new ProgressBar();

	private final Span text = new Span();

	private final Span result = new Span();

	private @Nullable String planId;

	/** Whether an apply runs that the page follows. */
	private boolean following;

	/** This page's {@code applyPlan} call, until its answer is taken in. */
	private @Nullable CompletableFuture<PlanPayload> call;

	private @Nullable Registration polling;

	private @Nullable Throwable callFailure;

	/** The call's answer, taken in at the next poll (where the user's token is). */
	private @Nullable PlanPayload answer;

	/**
	 * @param onDone reloads the plan once applying ended
	 * @param onFollowing told whether an apply runs (the page's apply button waits)
	 */
	ApplyPanel(PlansApi api, Runnable onDone, Consumer<Boolean> onFollowing) {
		this.api = api;
		this.onDone = onDone;
		this.onFollowing = onFollowing;
		setPadding(false);
		setSpacing(false);
		this.bar.setId("plan-apply-progress");
		this.text.setId("plan-apply-progress-text");
		this.result.setId("plan-apply-summary");
		add(this.bar, this.text, this.result);
		setRunning(false);
		this.result.setVisible(false);
	}

	/** Whether an apply runs that the page follows. */
	boolean following() {
		return this.following;
	}

	/**
	 * Shows what the plan says of its last application, and follows an apply that is
	 * running.
	 */
	void show(PlanDetails plan) {
		this.planId = plan.id();
		if (this.following) {
			return;
		}
		ApplyProgress progress = plan.applyProgress();
		if (progress != null && plan.status() == PlanStatus.ADOPTED && progress.running()) {
			this.result.setVisible(false);
			setRunning(true);
			progress(progress);
			follow();
			UI ui = UI.getCurrent();
			if (ui != null) {
				startPolling(ui);
			}
		}
		else if (progress != null && (plan.status() == PlanStatus.IN_EFFECT || progress.failed())) {
			summary(progress);
		}
		else {
			this.result.setVisible(false);
		}
	}

	void confirm() {
		if (this.following) {
			return;
		}
		ConfirmDialog dialog = new ConfirmDialog(getTranslation("plans.apply.title"),
				getTranslation("plans.apply.text"), getTranslation("plans.action.apply"), (event) -> start());
		dialog.setId("plan-apply-confirm");
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("action.cancel"));
		dialog.open();
	}

	void start() {
		String id = this.planId;
		if (id == null || this.following) {
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
		follow();
		CompletableFuture<PlanPayload> task = CompletableFuture.supplyAsync(() -> asUser.apply(id), executor);
		this.call = task;
		startPolling(ui);
		task.whenComplete((payload, failure) -> {
			try {
				ui.access(() -> called(task, payload, failure));
			}
			catch (UIDetachedException ex) {
				log.debug("Applying plan {} answered after its page was closed", id);
			}
		});
	}

	void attached(UI ui) {
		if (this.following) {
			startPolling(ui);
		}
	}

	void detached(UI ui) {
		stopPolling(ui);
	}

	/** Whether the page polls (for tests: it must not once detached or done). */
	boolean polling() {
		return this.polling != null;
	}

	private void follow() {
		this.following = true;
		this.onFollowing.accept(true);
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

	/** A poll: the call's answer if it came, else how far the api is. */
	private void poll() {
		String id = this.planId;
		if (id == null || !this.following) {
			return;
		}
		PlanPayload answered = this.answer;
		if (answered != null) {
			this.answer = null;
			this.call = null;
			PlanState state = answered.plan();
			if (state == null) {
				stop();
				error(String.join(" ", answered.errors().stream().map(UserError::message).toList()));
			}
			else if (state.status() == PlanStatus.IN_EFFECT) {
				finish();
			}
			else if (state.applyProgress() != null) {
				// Still running (a national plan): the polls follow it from here.
				progress(state.applyProgress());
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
		boolean calling = this.call != null && this.callFailure == null;
		if (progress == null || state == null || "NOT_STARTED".equals(progress.state())) {
			if (this.callFailure != null) {
				// The call failed and the api never started: nothing to wait for.
				ApiException known = (this.callFailure instanceof ApiException api) ? api : null;
				stop();
				error(getTranslation((known != null) ? known.messageKey() : "error.unexpected"));
			}
			return;
		}
		progress(progress);
		if (calling) {
			// Until the call answers, what the plan says may be of an earlier run.
			return;
		}
		if (progress.failed() || (progress.finished() && state.status() == PlanStatus.IN_EFFECT)) {
			finish();
		}
	}

	private void progress(ApplyProgress progress) {
		if (progress.total() > 0) {
			this.bar.setIndeterminate(false);
			this.bar.setValue(progress.fraction());
			this.text.setText(getTranslation("plans.apply.progress", progress.done(), progress.total()));
		}
		else {
			this.bar.setIndeterminate(true);
			this.text.setText(getTranslation("plans.apply.starting"));
		}
	}

	/**
	 * The call ended: with the plan applied or still running, refused, or without an
	 * answer. Runs where the user's token is out of reach: what follows (reloading the
	 * plan) waits for the next poll.
	 */
	private void called(CompletableFuture<PlanPayload> task, @Nullable PlanPayload payload,
			@Nullable Throwable failure) {
		if (task != this.call) {
			return;
		}
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

	/** Stops following, without reloading. */
	private void stop() {
		this.following = false;
		this.call = null;
		UI ui = UI.getCurrent();
		if (ui != null) {
			stopPolling(ui);
		}
		setRunning(false);
		this.onFollowing.accept(false);
	}

	private void finish() {
		stop();
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

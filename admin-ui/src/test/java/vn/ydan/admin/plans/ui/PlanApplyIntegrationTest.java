package vn.ydan.admin.plans.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adopting with the act's number and date, then applying: a confirmation first, then the
 * call runs in the background while the page polls the plan's progress into a bar, and
 * shows the summary when the api is done. A national apply answers while it still runs:
 * the page follows it until done or failed, and stops polling when the user leaves.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser(username = "quantri", givenName = "An", familyName = "Nguyễn Văn", roles = "admin")
class PlanApplyIntegrationTest extends SpringBrowserlessTest {

	private static final String RUNNING = """
			{"data":{"plan":{"id":"plan-1","version":7,"status":"ADOPTED","statusName":"đã thông qua",
			 "proposedUnitCount":1,"componentCount":1,"applyProgress":{"state":"RUNNING","done":300,"total":600,"message":null}}}}""";

	private static final String APPLIED = """
			{"data":{"applyPlan":{"plan":{"id":"plan-1","version":8,"status":"IN_EFFECT","statusName":"có hiệu lực",
			 "proposedUnitCount":1,"componentCount":1,"applyProgress":{"state":"DONE","done":600,"total":600,
			 "message":"126 đơn vị mới, 556 đơn vị chấm dứt"}},"userErrors":[]}}}""";

	private final FakeBackend backend = FakeBackend.shared();

	private final AtomicReference<String> plan = new AtomicReference<>();

	/** What planApplyProgress answers. */
	private final AtomicReference<String> progress = new AtomicReference<>(RUNNING);

	/** What applyPlan answers (once released). */
	private final AtomicReference<String> applied = new AtomicReference<>(APPLIED);

	/** Holds the api's answer to applyPlan until the test has seen the progress. */
	private final CountDownLatch release = new CountDownLatch(1);

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-admin",
				Instant.now().plusSeconds(300), "refresh-1");
		this.backend.answerApi((call) -> {
			if (call.runs("planApplyProgress")) {
				return Reply.json(200, this.progress.get());
			}
			if (call.runs("plan")) {
				return Reply.json(200, this.plan.get());
			}
			if (call.runs("applyPlan")) {
				try {
					this.release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return Reply.json(200, this.applied.get());
			}
			if (call.runs("adoptPlan")) {
				return Reply.json(200, CannedPlans.edited("adoptPlan", 7, 1, CannedPlans.VALID));
			}
			return Reply.json(200, "{\"data\":null}");
		});
	}

	@AfterEach
	void releaseTheApi() {
		this.release.countDown();
	}

	@Test
	void adoptionSendsTheActsNumberAndDate() {
		this.plan.set(CannedPlans.plan("CONSULTED", 6, CannedPlans.VALID, "null", CannedPlans.UNIT_A));
		open();
		test(find(Button.class).id("plan-adopt")).click();
		test(find(TextField.class).id("plan-adopt-number")).setValue("1656/NQ-UBTVQH15");
		test(find(DatePicker.class).id("plan-adopt-date")).setValue(java.time.LocalDate.of(2025, 6, 16));
		this.plan.set(CannedPlans.plan("ADOPTED", 7, CannedPlans.VALID, "null", CannedPlans.UNIT_A));
		test(find(Button.class).id("plan-adopt-save")).click();

		assertThat(this.backend.apiCalls().stream().filter((call) -> call.runs("adoptPlan")).toList()).singleElement()
			.satisfies((call) -> assertThat(call.variables().get("input").toString())
				.contains("expectedVersion=6", "number=1656/NQ-UBTVQH15", "date=2025-06-16")
				.doesNotContain("effectiveDate"));
		assertThat(text("plan-status")).isEqualTo("Đã thông qua");
		assertThat(text("plan-meta")).contains("Căn cứ: 1656/NQ-UBTVQH15 ngày 16/06/2025");
	}

	@Test
	void adoptionOffersTheNameResidentsChoseAndSendsIt() {
		this.plan.set(CannedPlans.plan("CONSULTED", 6, CannedPlans.VALID, "null", CannedPlans.UNIT_A)
			.replace("\"applyProgress\":null}}}",
					"\"applyProgress\":null,\"chosenNames\":[{\"unitKey\":\"k-1\",\"proposedName\":\"Đoài Phương\","
							+ "\"chosenName\":\"Đông Sơn\"}]}}}"));
		open();
		test(find(Button.class).id("plan-adopt")).click();
		Checkbox chosen = find(Checkbox.class).id("plan-adopt-name-k-1");
		assertThat(chosen.getLabel()).isEqualTo("Lấy tên do cử tri chọn: \"Đông Sơn\" (thay \"Đoài Phương\")");
		assertThat(chosen.getValue()).as("proposed: ticked").isTrue();
		test(find(TextField.class).id("plan-adopt-number")).setValue("1656/NQ-UBTVQH15");
		test(find(DatePicker.class).id("plan-adopt-date")).setValue(java.time.LocalDate.of(2025, 6, 16));
		test(find(Button.class).id("plan-adopt-save")).click();

		assertThat(this.backend.apiCalls().stream().filter((call) -> call.runs("adoptPlan")).toList()).singleElement()
			.satisfies((call) -> assertThat(call.variables().get("input").toString()).contains("unitKey=k-1",
					"name=Đông Sơn", "number=1656/NQ-UBTVQH15"));
	}

	@Test
	void aPlanWithoutConsultationResultsIsAdoptedOnlyWithAReasonAndAPastDateConfirmed() {
		this.plan.set(CannedPlans.plan("PUBLISHED", 6, CannedPlans.VALID, "null", CannedPlans.UNIT_A));
		open();
		test(find(Button.class).id("plan-adopt")).click();
		assertThat(find(Paragraph.class).id("plan-adopt-note").getText()).contains("một cán bộ khác phải xác nhận");
		test(find(TextField.class).id("plan-adopt-number")).setValue("1656/NQ-UBTVQH15");
		test(find(DatePicker.class).id("plan-adopt-date")).setValue(java.time.LocalDate.of(2025, 6, 16));
		test(find(Button.class).id("plan-adopt-save")).click();
		assertThat(find(TextArea.class).id("plan-adopt-reason").isInvalid()).as("the reason is required").isTrue();
		test(find(TextArea.class).id("plan-adopt-reason")).setValue("Ghi nhận văn bản đã ban hành");
		test(find(Checkbox.class).id("plan-adopt-past")).click();
		this.plan.set(CannedPlans.pendingOverride("quantri"));
		test(find(Button.class).id("plan-adopt-save")).click();

		assertThat(this.backend.apiCalls().stream().filter((call) -> call.runs("adoptPlan")).toList()).singleElement()
			.satisfies(
					(call) -> assertThat(call.variables().get("input").toString()).contains("number=1656/NQ-UBTVQH15",
							"overrideReason=Ghi nhận văn bản đã ban hành", "confirmPastEffectiveDate=true"));
		assertThat(text("plan-override")).contains("Chờ xác nhận: quantri đề nghị");
		assertThat(find(Button.class).id("plan-adopt").getText()).isEqualTo("Xác nhận thông qua");
	}

	@Test
	void aSecondOfficialConfirmsTheSameActPrefilled() {
		this.plan.set(CannedPlans.pendingOverride("canbo2"));
		open();
		test(find(Button.class).id("plan-adopt")).click();

		assertThat(find(TextField.class).id("plan-adopt-number").getValue()).isEqualTo("1656/NQ-UBTVQH15");
		assertThat(find(TextArea.class).id("plan-adopt-reason").getValue()).isEqualTo("Ghi nhận văn bản đã ban hành");
		assertThat(find(Paragraph.class).id("plan-adopt-note").getText()).startsWith("canbo2 đã đề nghị");
	}

	@Test
	void applyingAsksFirstThenShowsProgressAndTheSummary() {
		this.plan.set(CannedPlans.plan("ADOPTED", 7, CannedPlans.VALID, "null", CannedPlans.UNIT_A));
		open();
		test(find(Button.class).id("plan-apply")).click();
		ConfirmDialog confirm = find(ConfirmDialog.class).id("plan-apply-confirm");
		assertThat(test(confirm).getHeader()).isEqualTo("Áp dụng phương án vào danh mục?");
		assertThat(applyCalls()).isZero();

		test(confirm).confirm();

		ProgressBar bar = find(ProgressBar.class).id("plan-apply-progress");
		assertThat(bar.isVisible()).isTrue();
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ApplyPanel.POLL_MILLIS);
		// A poll while the api works: the bar shows how far it is.
		ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
		assertThat(bar.isIndeterminate()).isFalse();
		assertThat(bar.getValue()).isEqualTo(0.5);
		assertThat(text("plan-apply-progress-text")).isEqualTo("Đã ghi 300 / 600 đơn vị…");

		this.plan.set(CannedPlans.plan("IN_EFFECT", 8, CannedPlans.VALID,
				"{\"state\":\"DONE\",\"done\":600,\"total\":600,\"message\":\"126 đơn vị mới, 556 đơn vị chấm dứt\"}",
				CannedPlans.UNIT_A));
		this.release.countDown();
		awaitSummary();

		assertThat(text("plan-apply-summary")).isEqualTo("Đã áp dụng: 126 đơn vị mới, 556 đơn vị chấm dứt.");
		assertThat(text("plan-status")).isEqualTo("Có hiệu lực");
		assertThat(find(ProgressBar.class).withId("plan-apply-progress").exists()).isFalse();
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
		assertThat(find(Button.class).withId("plan-apply").exists()).isFalse();
		assertThat(applyCalls()).isEqualTo(1);
		Call apply = this.backend.apiCalls()
			.stream()
			.filter((call) -> call.runs("applyPlan"))
			.findFirst()
			.orElseThrow();
		assertThat(apply.authorization()).isEqualTo("Bearer access-admin");
	}

	@Test
	void cancellingTheConfirmationAppliesNothing() {
		this.plan.set(CannedPlans.plan("ADOPTED", 7, CannedPlans.VALID, "null", CannedPlans.UNIT_A));
		open();
		test(find(Button.class).id("plan-apply")).click();
		test(find(ConfirmDialog.class).id("plan-apply-confirm")).cancel();

		assertThat(find(ProgressBar.class).withId("plan-apply-progress").exists()).isFalse();
		assertThat(applyCalls()).isZero();
	}

	@Test
	void aNationalApplyThatAnswersWhileItRunsIsFollowedUntilDone() {
		this.plan.set(CannedPlans.plan("ADOPTED", 7, CannedPlans.VALID, "null", CannedPlans.UNIT_A));
		this.applied.set(answer("ADOPTED", progress("RUNNING", 100, 5000, null)));
		this.release.countDown();
		open();
		test(find(Button.class).id("plan-apply")).click();
		test(find(ConfirmDialog.class).id("plan-apply-confirm")).confirm();
		assertThat(find(Button.class).id("plan-apply").isEnabled()).isFalse();

		// The call answers "still running": the page goes on polling.
		awaitText("plan-apply-progress-text", "Đã ghi 100 / 5.000 đơn vị…");
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ApplyPanel.POLL_MILLIS);
		poll();
		assertThat(text("plan-apply-progress-text")).isEqualTo("Đã ghi 300 / 600 đơn vị…");
		assertThat(find(ProgressBar.class).id("plan-apply-progress").getValue()).isEqualTo(0.5);
		assertThat(text("plan-status")).isEqualTo("Đã thông qua");

		String done = progress("DONE", 5000, 5000, "3.321 đơn vị mới");
		this.progress.set(polled("IN_EFFECT", done));
		this.plan.set(CannedPlans.plan("IN_EFFECT", 8, CannedPlans.VALID, done, CannedPlans.UNIT_A));
		poll();

		assertThat(text("plan-apply-summary")).isEqualTo("Đã áp dụng: 3.321 đơn vị mới.");
		assertThat(text("plan-status")).isEqualTo("Có hiệu lực");
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
		assertThat(applyCalls()).isEqualTo(1);
	}

	@Test
	void aFailedApplySaysSoAndMayBeAppliedAgain() {
		this.plan.set(CannedPlans.plan("ADOPTED", 7, CannedPlans.VALID, "null", CannedPlans.UNIT_A));
		this.applied.set(answer("ADOPTED", progress("RUNNING", 300, 600, null)));
		this.release.countDown();
		open();
		test(find(Button.class).id("plan-apply")).click();
		test(find(ConfirmDialog.class).id("plan-apply-confirm")).confirm();
		awaitText("plan-apply-progress-text", "Đã ghi 300 / 600 đơn vị…");

		String failed = progress("FAILED", 300, 600, "Kho dữ liệu không trả lời.");
		this.progress.set(polled("ADOPTED", failed));
		this.plan.set(CannedPlans.plan("ADOPTED", 7, CannedPlans.VALID, failed, CannedPlans.UNIT_A));

		awaitText("plan-apply-summary",
				"Áp dụng chưa xong: Kho dữ liệu không trả lời. Hãy bấm áp dụng lại để làm tiếp.");
		assertThat(find(Button.class).id("plan-apply").isEnabled()).isTrue();
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
	}

	@Test
	void aPlanOpenedWhileItsApplyRunsIsFollowedAndLeavingThePageStopsThePolling() {
		this.plan.set(CannedPlans.plan("ADOPTED", 7, CannedPlans.VALID, progress("RUNNING", 50, 100, null),
				CannedPlans.UNIT_A));
		open();

		assertThat(find(ProgressBar.class).id("plan-apply-progress").getValue()).isEqualTo(0.5);
		assertThat(text("plan-apply-progress-text")).isEqualTo("Đã ghi 50 / 100 đơn vị…");
		assertThat(find(Button.class).id("plan-apply").isEnabled()).isFalse();
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ApplyPanel.POLL_MILLIS);
		poll();
		assertThat(text("plan-apply-progress-text")).isEqualTo("Đã ghi 300 / 600 đơn vị…");
		long polled = progressCalls();

		UI.getCurrent().navigate(PlansView.class);

		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
		poll();
		assertThat(progressCalls()).as("no poll listener is left behind").isEqualTo(polled);
		assertThat(applyCalls()).isZero();
	}

	private static String progress(String state, int done, int total, String message) {
		return """
				{"state":"%s","done":%d,"total":%d,"message":%s}""".formatted(state, done, total,
				(message != null) ? "\"" + message + "\"" : "null");
	}

	/** What planApplyProgress answers. */
	private static String polled(String status, String progress) {
		return """
				{"data":{"plan":{"id":"plan-1","version":7,"status":"%s","statusName":"x",
				 "proposedUnitCount":1,"componentCount":1,"applyProgress":%s}}}""".formatted(status, progress);
	}

	/** What applyPlan answers. */
	private static String answer(String status, String progress) {
		return """
				{"data":{"applyPlan":{"plan":{"id":"plan-1","version":7,"status":"%s","statusName":"x",
				 "proposedUnitCount":1,"componentCount":1,"applyProgress":%s},"userErrors":[]}}}""".formatted(status,
				progress);
	}

	private long progressCalls() {
		return this.backend.apiCalls().stream().filter((call) -> call.runs("planApplyProgress")).count();
	}

	private void poll() {
		ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
	}

	/** Polls until the text shows (the call's answer is taken in on a poll). */
	private void awaitText(String id, String expected) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!find(Component.class).withId(id).exists() || !expected.equals(text(id))) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError(id + " did not say \"" + expected + "\" within 10 s but "
						+ (find(Component.class).withId(id).exists() ? text(id) : "nothing"));
			}
			roundTrip();
			poll();
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private long applyCalls() {
		return this.backend.apiCalls().stream().filter((call) -> call.runs("applyPlan")).count();
	}

	private void awaitSummary() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!find(Component.class).withId("plan-apply-summary").exists()
				|| !find(Component.class).id("plan-apply-summary").isVisible()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Applying did not end within 10 s");
			}
			// The page polls: the answer is taken in on a poll.
			roundTrip();
			ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private void open() {
		UI.getCurrent()
			.navigate(PlanEditorView.class, new RouteParameters(PlanEditorView.ID, "plan-1"), QueryParameters.empty());
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

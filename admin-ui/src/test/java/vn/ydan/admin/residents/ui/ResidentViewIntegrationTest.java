package vn.ydan.admin.residents.ui;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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
 * The resident's page against a fake api: the household's commune, the question, the
 * form, then the answer the api stored; a household the account is not bound to.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
class ResidentViewIntegrationTest extends SpringBrowserlessTest {

	private static final String HOUSEHOLD = """
			{"data":{"myHousehold":{"householdId":"ho-00004-0001",
			 "unit":{"id":"u-4","code":"00004","fullName":"Phường Trúc Bạch"},
			 "group":{"id":"g-1","code":"TDP1","fullName":"Tổ dân phố 1"},
			 "consultations":[{"consultation":{"id":"c-1","title":"Lấy ý kiến Ba Đình","planId":"p-1","status":"OPEN",
			   "statusName":"Đang lấy ý kiến","opensAt":"2025-04-18T00:00:00Z","closesAt":"2025-04-25T00:00:00Z",
			   "passRule":{"description":"trên 50%% tổng số hộ"}},
			  "question":{"unit":{"id":"u-4","code":"00004","fullName":"Phường Trúc Bạch"},
			   "successors":["Phường Ba Đình"],"nameChoices":["Ba Đình","Trúc Bạch"],"households":20},
			  "mayAnswer":%s,"reason":%s,"answer":%s}]}}}""";

	private static final String PLAN = """
			{"data":{"plan":{"id":"p-1","title":"Phương án Ba Đình","statusName":"Đang lấy ý kiến","effectiveDate":"2025-07-01"}}}""";

	private final FakeBackend backend = FakeBackend.shared();

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-1", Instant.now().plusSeconds(300),
				"refresh-1");
	}

	@Test
	@WithKeycloakUser(username = "cudan", roles = "resident")
	@SuppressWarnings("unchecked")
	void aResidentSeesTheQuestionAnswersOnceAndThenSeesTheAnswerGiven() {
		AtomicBoolean answered = new AtomicBoolean();
		this.backend.answerApi((call) -> {
			if (call.runs("residentAnswer")) {
				answered.set(true);
				return Reply.json(200, """
						{"data":{"answerConsultation":{"answer":{"agree":false,"nameChoice":"Trúc Bạch",
						 "at":"2025-04-19T03:00:00Z"},"replayed":false,"userErrors":[]}}}""");
			}
			if (call.runs("residentPlan")) {
				return Reply.json(200, PLAN);
			}
			return Reply.json(200,
					answered.get()
							? HOUSEHOLD.formatted("false", "\"ALREADY_ANSWERED\"",
									"{\"agree\":false,\"nameChoice\":\"Trúc Bạch\",\"at\":\"2025-04-19T03:00:00Z\"}")
							: HOUSEHOLD.formatted("true", "null", "null"));
		});

		navigate(ResidentView.class);

		assertThat(text("resident-unit")).isEqualTo("Phường Trúc Bạch");
		assertThat(text("resident-question-c-1")).contains("Phường Trúc Bạch").contains("Phường Ba Đình");
		assertThat(find(Component.class).id("resident-plan-c-1").getElement().getAttribute("href"))
			.isEqualTo("cong-khai/phuong-an/p-1");
		RadioButtonGroup<Boolean> agree = find(RadioButtonGroup.class).id("resident-agree-c-1");
		RadioButtonGroup<String> name = find(RadioButtonGroup.class).id("resident-name-c-1");
		test(find(Button.class).id("resident-submit-c-1")).click();
		assertThat(agree.isInvalid()).as("no choice, nothing sent").isTrue();
		assertThat(this.backend.apiCalls()).noneMatch((call) -> call.runs("residentAnswer"));

		agree.setValue(false);
		name.setValue("Trúc Bạch");
		test(find(Button.class).id("resident-submit-c-1")).click();

		Call sent = this.backend.apiCalls().stream().filter((call) -> call.runs("residentAnswer")).findFirst().get();
		assertThat(sent.variables()).containsEntry("consultationId", "c-1")
			.containsEntry("agree", false)
			.containsEntry("nameChoice", "Trúc Bạch");
		assertThat((String) sent.variables().get("idempotencyKey")).startsWith("console-");
		assertThat(text("resident-answer-choice-c-1")).isEqualTo("Không đồng ý");
		assertThat(find(Button.class).withId("resident-submit-c-1").exists()).as("no second answer").isFalse();
	}

	@Test
	@WithKeycloakUser(username = "cudan", roles = "resident")
	void anAccountBoundToNoHouseholdIsToldWhomToAsk() {
		this.backend.answerApi((call) -> Reply.json(200, "{\"data\":{\"myHousehold\":null}}"));

		navigate(ResidentView.class);

		assertThat(text("resident-no-household")).contains("chưa được gắn với hộ gia đình");
		assertThat(find(Component.class).id("resident-link-lookup").getElement().getAttribute("href"))
			.isEqualTo("tra-cuu-dia-chi");
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

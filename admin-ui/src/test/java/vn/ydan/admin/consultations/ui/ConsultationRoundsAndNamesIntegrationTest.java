package vn.ydan.admin.consultations.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
import static vn.ydan.admin.consultations.ui.CannedConsultations.ID;
import static vn.ydan.admin.consultations.ui.CannedConsultations.PHUC_XA;
import static vn.ydan.admin.consultations.ui.CannedConsultations.QUANG_AN;

/**
 * What the consultation page adds to the results of 2025's form (issue 16): the names
 * residents chose and every question's counts per commune; a new round for the communes
 * that failed, once published; reopening a certified unit with a reason, which a second
 * person confirms.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class ConsultationRoundsAndNamesIntegrationTest extends SpringBrowserlessTest {

	private static final String NAMES = """
			"winningNames":[{"unitKey":"90001","proposedFullName":"Phường Ba Đình","name":"Hồng Hà","tied":false,
			  "counts":[{"name":"Ba Đình","count":3},{"name":"Hồng Hà","count":5}]}],""";

	private static final String QUESTIONS = """
			"names":[],"questions":[
			 {"question":"ARRANGEMENT","text":"Đồng ý?","agree":150,"disagree":50,"choices":[],"leading":null},
			 {"question":"NAME","text":"Tên gọi của Phường Ba Đình","agree":0,"disagree":0,
			  "choices":[{"name":"Ba Đình","count":3},{"name":"Hồng Hà","count":5}],"leading":"Hồng Hà"},
			 {"question":"PROVINCE_MERGER","text":"Sắp xếp cấp tỉnh","agree":120,"disagree":30,"choices":[],
			  "leading":null}]""";

	private final FakeBackend backend = FakeBackend.shared();

	private String status = "OPEN";

	private String results = CannedConsultations.defaultResults()
		.replaceFirst("\"names\":\\[\\]", QUESTIONS)
		.replace("\"total\":{", NAMES + "\"total\":{");

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-canbo",
				Instant.now().plusSeconds(300), "refresh-1");
		this.backend.answerApi(this::answer);
	}

	@Test
	void theNamesResidentsChoseAndEveryQuestionsCountsAreShown() {
		navigate("consultations/" + ID, ConsultationView.class);

		assertThat(text("winning-90001")).isEqualTo("Phường Ba Đình → Hồng Hà (Ba Đình 3 · Hồng Hà 5)");
		@SuppressWarnings("unchecked")
		Grid<Object> communes = find(Grid.class).id("consultation-communes");
		assertThat(test(communes).getCellText(0, 13)).isEqualTo(
				"Tên gọi của Phường Ba Đình: Ba Đình 3 · Hồng Hà 5; Sắp xếp cấp tỉnh: đồng ý 120 · không đồng ý 30");
		assertThat(test(communes).getCellText(1, 13)).as("a commune asked nothing else").isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPublishedConsultationOffersANewRoundForItsFailedCommunesOnly() {
		this.status = "PUBLISHED";
		this.results = CannedConsultations.twoDistricts();
		navigate("consultations/" + ID, ConsultationView.class);

		test(find(Button.class).id("consultation-next-round")).click();
		assertThat(text("consultation-new-communes")).isEqualTo("Hỏi lại: Phường Quảng An");
		assertThat(find(TextField.class).id("consultation-new-title").getValue())
			.isEqualTo("Lấy ý kiến cử tri phường Phúc Xá, Trúc Bạch (vòng 2)");
		test(find(Button.class).id("consultation-new-save")).click();

		Map<String, Object> input = (Map<String, Object>) calls("createConsultation").get(0).variables().get("input");
		assertThat(input).containsEntry("planId", "p-1")
			.containsEntry("previousId", ID)
			.containsEntry("communeIds", List.of(QUANG_AN))
			.containsEntry("operator", "GT");
	}

	@Test
	void noNewRoundWhenEveryCommunePassedOrBeforePublication() {
		this.status = "PUBLISHED";
		navigate("consultations/" + ID, ConsultationView.class);
		assertThat(find(Button.class).withId("consultation-next-round").exists()).isFalse();

		this.status = "CLOSED";
		this.results = CannedConsultations.twoDistricts();
		navigate("consultations/" + ID, ConsultationView.class);
		assertThat(find(Button.class).withId("consultation-next-round").exists()).isFalse();
	}

	@Test
	void aCertifiedCommuneIsReopenedWithAReasonThatASecondPersonConfirms() {
		this.status = "CLOSED";
		navigate("consultations/" + ID, ConsultationView.class);

		@SuppressWarnings("unchecked")
		Grid<Object> communes = find(Grid.class).id("consultation-communes");
		Button reopen = (Button) test(communes).getCellComponent(0, 11)
			.getChildren()
			.filter((child) -> child.getId().orElse("").equals("reopen-00001"))
			.findFirst()
			.orElseThrow();
		test(reopen).click();
		ConfirmDialog confirm = find(ConfirmDialog.class).id("consultation-confirm");
		assertThat(confirm.getElement().getProperty("header"))
			.isEqualTo("Mở lại kết quả đã xác nhận của Phường Phúc Xá?");
		test(find(TextArea.class).id("consultation-reopen-reason")).setValue("Tổ 2 báo cáo nhầm số phiếu");
		test(confirm).confirm();

		assertThat(calls("reopenCertification")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("consultationId", ID)
				.containsEntry("unitId", PHUC_XA)
				.containsEntry("reason", "Tổ 2 báo cáo nhầm số phiếu"));
		// Still certified: the first person asked, a second must confirm.
		assertThat(text("consultation-message"))
			.isEqualTo("Đã ghi yêu cầu mở lại Phường Phúc Xá: chờ một người khác cùng phụ trách xác nhận.");
	}

	@Test
	void whoCertifiedAUnitAndWhenIsShownBesideItsMark() {
		this.status = "PUBLISHED";
		this.results = this.results.replaceFirst("\"certified\":true",
				"\"certified\":true,\"certifiedBy\":\"canbo\",\"certifiedAt\":\"2026-12-03T07:05:00Z\"");
		navigate("consultations/" + ID, ConsultationView.class);

		@SuppressWarnings("unchecked")
		Grid<Object> communes = find(Grid.class).id("consultation-communes");
		// In Vietnam's time, as every date of the console.
		assertThat(test(communes).getCellText(0, 11)).contains("Đã xác nhận").contains("canbo, 03/12/2026 14:05");
	}

	@Test
	void onceResultsArePublishedNothingIsReopened() {
		this.status = "PUBLISHED";
		navigate("consultations/" + ID, ConsultationView.class);

		@SuppressWarnings("unchecked")
		Grid<Object> communes = find(Grid.class).id("consultation-communes");
		assertThat(test(communes).getCellComponent(0, 11).getId()).as("the mark alone").hasValue("certified-00001");
	}

	private Reply answer(Call call) {
		if (call.runs("consultationProgress")) {
			return Reply.json(200, CannedConsultations.progress(this.status, this.results, 200));
		}
		if (call.runs("consultation")) {
			return Reply.json(200,
					"{\"data\":{\"consultation\":" + CannedConsultations.details(this.status, this.results) + "}}");
		}
		if (call.runs("createConsultation")) {
			return Reply.json(200, CannedConsultations.payload("createConsultation", "SCHEDULED"));
		}
		if (call.runs("reopenCertification")) {
			return Reply.json(200, CannedConsultations.payload("reopenCertification", "CLOSED"));
		}
		return Reply.json(200, "{\"data\":null}");
	}

	private List<Call> calls(String operation) {
		return this.backend.apiCalls().stream().filter((call) -> call.runs(operation)).toList();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

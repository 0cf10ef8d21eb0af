package vn.ydan.admin.consultations.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.consultations.ConsultationSummary;
import vn.ydan.admin.consultations.PlanChoice;
import vn.ydan.admin.home.ui.HomeView;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consultations list and the create dialog against the fake api.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class ConsultationsViewIntegrationTest extends SpringBrowserlessTest {

	private final FakeBackend backend = FakeBackend.shared();

	private String createAnswer = CannedConsultations.payload("createConsultation", "SCHEDULED");

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
	@SuppressWarnings("unchecked")
	void listsTheConsultationsWithStatusWindowInVietnamTimeAndRule() {
		navigate(ConsultationsView.class);

		Grid<ConsultationSummary> grid = find(Grid.class).id("consultations-grid");
		assertThat(test(grid).size()).isEqualTo(2);
		assertThat(test(grid).getCellText(0, 0)).isEqualTo("Lấy ý kiến cử tri phường Phúc Xá, Trúc Bạch");
		assertThat(test(grid).getCellComponent(0, 1).getElement().getText()).isEqualTo("Đang lấy ý kiến");
		assertThat(test(grid).getCellText(0, 2)).isEqualTo("18/04/2025 00:00 – 21/04/2025 00:00");
		assertThat(test(grid).getCellText(1, 3)).isEqualTo("từ 50% tổng số hộ");
		assertThat(test(grid).getCellText(0, 4)).isEqualTo("1.234");

		test(grid).clickRow(0);

		assertThat(getCurrentView()).isInstanceOf(ConsultationView.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void tallyEntryAndTheResultsFileAreOneClickFromTheList() {
		navigate(ConsultationsView.class);

		Grid<ConsultationSummary> grid = find(Grid.class).id("consultations-grid");
		Component links = test(grid).getCellComponent(0, 5);
		Anchor tallies = find(Anchor.class, links).id("consultations-tallies-c-1");
		assertThat(tallies.getHref()).isEqualTo("consultations/c-1/tallies");
		assertThat(find(Anchor.class, links).id("consultations-csv-c-1").getHref()).isNotBlank();
		// The published one takes no tallies any more; its results are still a click
		// away.
		Component published = test(grid).getCellComponent(1, 5);
		assertThat(find(Anchor.class, published).withId("consultations-tallies-c-0").exists()).isFalse();
		assertThat(find(Anchor.class, published).id("consultations-csv-c-0").getHref()).isNotBlank();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aConsultationIsCreatedFromAPublishedPlanWithItsWindowInVietnamTime() {
		navigate(ConsultationsView.class);
		test(find(Button.class).id("consultations-new")).click();

		ComboBox<PlanChoice> plan = find(ComboBox.class).id("consultation-new-plan");
		test(plan).selectItem("Nhập Phúc Xá và Trúc Bạch");
		assertThat(find(TextField.class).id("consultation-new-title").getValue())
			.isEqualTo("Lấy ý kiến cử tri về Nhập Phúc Xá và Trúc Bạch");
		test(find(DateTimePicker.class).id("consultation-new-opens")).setValue(LocalDateTime.of(2025, 4, 18, 7, 0));
		test(find(DateTimePicker.class).id("consultation-new-closes")).setValue(LocalDateTime.of(2025, 4, 20, 17, 0));
		test(find(NumberField.class).id("consultation-new-percent")).setValue(50.0);
		test(find(Button.class).id("consultation-new-save")).click();

		Map<String, Object> input = (Map<String, Object>) calls("createConsultation").get(0).variables().get("input");
		assertThat(input).containsEntry("planId", "p-1")
			.containsEntry("opensAt", "2025-04-18T07:00+07:00")
			.containsEntry("closesAt", "2025-04-20T17:00+07:00")
			.containsEntry("operator", "GT")
			.containsEntry("percent", 50.0);
		assertThat(getCurrentView()).isInstanceOf(ConsultationView.class);
	}

	@Test
	void theApisRefusalsShowAtTheirFields() {
		this.createAnswer = """
				{"data":{"createConsultation":{"consultation":null,"userErrors":[
				 {"field":["input","closesAt"],"message":"Thời điểm kết thúc phải sau thời điểm bắt đầu","code":"WINDOW_INVALID"}]}}}""";
		navigate(ConsultationsView.class);
		test(find(Button.class).id("consultations-new")).click();
		@SuppressWarnings("unchecked")
		ComboBox<PlanChoice> plan = find(ComboBox.class).id("consultation-new-plan");
		test(plan).selectItem("Nhập Phúc Xá và Trúc Bạch");

		test(find(Button.class).id("consultation-new-save")).click();

		DateTimePicker closes = find(DateTimePicker.class).id("consultation-new-closes");
		assertThat(closes.isInvalid()).isTrue();
		assertThat(closes.getErrorMessage()).isEqualTo("Thời điểm kết thúc phải sau thời điểm bắt đầu");
		assertThat(getCurrentView()).isInstanceOf(ConsultationsView.class);
	}

	@Test
	@WithKeycloakUser(username = "thuky", givenName = "Cường", familyName = "Lê Văn", roles = "clerk")
	void clerksSeeTheListButCreateNothing() {
		navigate(HomeView.class);
		assertThat(find(SideNavItem.class).id("nav-consultations").getLabel()).isEqualTo("Lấy ý kiến cử tri");

		navigate(ConsultationsView.class);

		assertThat(find(Button.class).withId("consultations-new").exists()).isFalse();
	}

	private Reply answer(Call call) {
		if (call.runs("consultations")) {
			return Reply.json(200, CannedConsultations.LIST);
		}
		if (call.runs("consultationPlans")) {
			return Reply.json(200, """
					{"data":{"plans":[{"id":"p-1","title":"Nhập Phúc Xá và Trúc Bạch"}]}}""");
		}
		if (call.runs("createConsultation")) {
			return Reply.json(200, this.createAnswer);
		}
		if (call.runs("consultation")) {
			return Reply.json(200, CannedConsultations.consultation("SCHEDULED"));
		}
		return Reply.json(200, "{\"data\":null}");
	}

	private List<Call> calls(String operation) {
		return this.backend.apiCalls().stream().filter((call) -> call.runs(operation)).toList();
	}

}

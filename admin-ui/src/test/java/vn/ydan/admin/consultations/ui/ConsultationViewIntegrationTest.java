package vn.ydan.admin.consultations.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.layout.EChart;
import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.consultations.CommuneResult;
import vn.ydan.admin.consultations.ProgressFeed;
import vn.ydan.admin.consultations.RollUp;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ydan.admin.consultations.ui.CannedConsultations.ID;
import static vn.ydan.admin.consultations.ui.CannedConsultations.PHUC_XA;
import static vn.ydan.admin.consultations.ui.CannedConsultations.TRUC_BACH;

/**
 * A consultation's page against the fake api: results per commune and rolled up, the
 * actions for its status, certification, exports through the adapter, and the live
 * refresh that runs only while the page is open.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class ConsultationViewIntegrationTest extends SpringBrowserlessTest {

	private final FakeBackend backend = FakeBackend.shared();

	private volatile String status = "OPEN";

	private volatile String progress = CannedConsultations.progress("OPEN", CannedConsultations.defaultResults(), 200);

	@Autowired
	private ProgressFeed feed;

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
	void showsResultsPerCommuneWithOutcomeGroupsReportedAndCertification() {
		navigate("consultations/" + ID, ConsultationView.class);

		assertThat(text("consultation-title")).isEqualTo("Lấy ý kiến cử tri phường Phúc Xá, Trúc Bạch");
		assertThat(text("consultation-status")).isEqualTo("Đang lấy ý kiến");
		assertThat(text("consultation-info")).contains("Từ 18/04/2025 00:00 đến 21/04/2025 00:00")
			.contains("trên 50% tổng số hộ");
		Grid<CommuneResult> communes = find(Grid.class).id("consultation-communes");
		assertThat(test(communes).size()).isEqualTo(2);
		assertThat(test(communes).getCellText(0, 0)).isEqualTo("Phường Phúc Xá");
		assertThat(test(communes).getCellText(0, 3)).isEqualTo("95,2 %");
		assertThat(test(communes).getCellText(0, 7)).isEqualTo("71,4 %");
		assertThat(cell(communes, 0, 8)).isEqualTo("Đạt");
		assertThat(cell(communes, 1, 8)).isEqualTo("Chưa xác định");
		assertThat(cell(communes, 1, 10)).isEqualTo("1/2 · 1 tổ chưa báo cáo");
		// Per commune: how many more agreeing households it needs (more than 50 % of 20:
		// 11).
		assertThat(cell(communes, 0, 9)).isEqualTo("Đủ");
		assertThat(cell(communes, 1, 9)).isEqualTo("thêm 11 hộ");
		assertThat(cell(communes, 0, 11)).contains("Đã xác nhận");
		Grid<RollUp> rollUps = find(Grid.class).id("consultation-rollups");
		assertThat(test(rollUps).size()).isEqualTo(3);
		assertThat(test(rollUps).getCellText(0, 0)).isEqualTo("Quận Ba Đình");
		assertThat(test(rollUps).getCellText(2, 0)).isEqualTo("Toàn đợt");
		assertThat(text("consultation-total")).startsWith("Toàn đợt: 230 hộ · 200 hộ tham gia (87 %)");
		// Bars per district, not per commune (Hanoi: 30 bars instead of 526).
		assertThat(text("consultation-chart-agree")).contains("Quận Ba Đình")
			.contains("65,2 %")
			.doesNotContain("Phường Phúc Xá");
		assertThat(text("consultation-chart-turnout")).contains("87 %");
		assertThat(find(Button.class).id("consultation-close").isVisible()).isTrue();
		assertThat(find(Button.class).withId("consultation-open").exists()).isFalse();
		assertThat(find(Button.class).withId("consultation-publish").exists()).isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theCommunesArePagedFromTheServerNotAllSentAtOnce() {
		navigate("consultations/" + ID, ConsultationView.class);

		Grid<CommuneResult> communes = find(Grid.class).id("consultation-communes");
		assertThat(communes.isAllRowsVisible()).isFalse();
		assertThat(communes.getDataProvider().isInMemory()).isFalse();
		assertThat(communes.getPageSize()).isEqualTo(50);
	}

	@Test
	@SuppressWarnings("unchecked")
	void communesAreFilteredByDistrictStatusAndNameAndSorted() {
		this.backend.answerApi((call) -> call.runs("consultation")
				? Reply.json(200,
						"{\"data\":{\"consultation\":"
								+ CannedConsultations.details("OPEN", CannedConsultations.twoDistricts()) + "}}")
				: answer(call));
		navigate("consultations/" + ID, ConsultationView.class);
		Grid<CommuneResult> communes = find(Grid.class).id("consultation-communes");
		assertThat(test(communes).size()).isEqualTo(3);
		assertThat(text("consultation-communes-count")).isEqualTo("Đang hiện 3 trên 3 đơn vị cấp xã");

		ComboBox<UnitRef> district = find(ComboBox.class).id("consultation-filter-district");
		test(district).selectItem("Quận Tây Hồ");
		assertThat(test(communes).size()).isEqualTo(1);
		assertThat(test(communes).getCellText(0, 0)).isEqualTo("Phường Quảng An");

		district.clear();
		Select<CommuneFilter> status = find(Select.class).id("consultation-filter-status");
		test(status).selectItem("Còn tổ chưa báo cáo");
		assertThat(test(communes).size()).isEqualTo(1);
		assertThat(test(communes).getCellText(0, 0)).isEqualTo("Phường Trúc Bạch");
		test(status).selectItem("Không đạt");
		assertThat(test(communes).getCellText(0, 0)).isEqualTo("Phường Quảng An");

		test(status).selectItem("Tất cả");
		test(find(TextField.class).id("consultation-filter-name")).setValue("phuc xa");
		assertThat(test(communes).size()).isEqualTo(1);
		assertThat(test(communes).getCellText(0, 0)).isEqualTo("Phường Phúc Xá");

		test(find(TextField.class).id("consultation-filter-name")).setValue("");
		test(communes).sortByColumn(3, SortDirection.DESCENDING);
		assertThat(test(communes).getCellText(0, 0)).isEqualTo("Phường Quảng An");
		assertThat(test(communes).getCellText(2, 0)).isEqualTo("Phường Trúc Bạch");
		assertThat(text("consultation-chart-agree")).contains("Quận Ba Đình").contains("Quận Tây Hồ");
	}

	@Test
	void whileTheConsultationIsOpenThePageAsksTheApiEverySecondAndShowsNewFigures() throws Exception {
		navigate("consultations/" + ID, ConsultationView.class);
		ConsultationView view = (ConsultationView) getCurrentView();
		assertThat(view.liveRefresh()).isNotNull();
		assertThat(view.liveRefresh().isRunning()).isTrue();

		// The server side asks by itself, as the user, about once a second.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
		while (calls("consultationProgress").size() < 2 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(calls("consultationProgress")).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((call) -> assertThat(call.authorization()).isEqualTo("Bearer access-canbo"));

		// A new tally in Trúc Bạch: its groups are all reported now.
		this.progress = CannedConsultations.progress("OPEN",
				CannedConsultations.results(
						CannedConsultations.commune(PHUC_XA, "00001", "Phường Phúc Xá", 210, 200, 150, 71.43, "PASS", 2,
								2, true),
						CannedConsultations.commune(TRUC_BACH, "00004", "Phường Trúc Bạch", 20, 18, 12, 60.0, "PENDING",
								2, 2, false),
						false),
				201);
		this.feed.pollNow(ID);
		roundTrip();

		@SuppressWarnings("unchecked")
		Grid<CommuneResult> communes = find(Grid.class).id("consultation-communes");
		assertThat(cell(communes, 1, 10)).isEqualTo("2/2");
		assertThat(text("consultation-info")).contains("201 trả lời trực tuyến");
		assertThat(text("consultation-live")).startsWith("Cập nhật trực tiếp · lần cuối lúc");
	}

	@Test
	void theChartsAreEChartsFromTheWebJarFedPerDistrictAndUpdatedInPlace() {
		navigate("consultations/" + ID, ConsultationView.class);
		EChart agree = (EChart) find(Component.class).id("consultation-chart-agree");
		EChart overTime = (EChart) find(Component.class).id("consultation-chart-turnout");

		// The script the page loads is in the console's WebJar (no Node build).
		assertThat(getClass()
			.getResource("/META-INF/resources/webjars/echarts/" + EChart.ECHARTS_VERSION + "/dist/echarts.min.js"))
			.isNotNull();
		assertThat(EChart.SCRIPT).isEqualTo("context://webjars/echarts/5.3.1/dist/echarts.min.js");
		// One category per district, not per commune; the pass rule as a line.
		assertThat(agree.option()).contains("\"data\":[\"Quận Ba Đình\"]")
			.contains("\"xAxis\":50.0")
			.doesNotContain("Phúc Xá");
		assertThat(overTime.option()).contains("\"data\":[87.0]");

		this.progress = CannedConsultations.progress("OPEN",
				CannedConsultations
					.results(
							CannedConsultations.commune(PHUC_XA, "00001", "Phường Phúc Xá", 210, 200, 150, 71.43,
									"PASS", 2, 2, true),
							CannedConsultations.commune(TRUC_BACH, "00004", "Phường Trúc Bạch", 20, 18, 12, 60.0,
									"PENDING", 2, 2, false),
							false)
					// 18 more households took part: the totals move.
					.replace("\"households\":230,\"tookPart\":200,", "\"households\":230,\"tookPart\":218,"),
				201);
		this.feed.pollNow(ID);
		roundTrip();

		// The same charts, with new data: the page is not redrawn.
		assertThat(find(Component.class).id("consultation-chart-agree")).isSameAs(agree);
		assertThat(overTime.option()).contains("\"data\":[87.0,94.8]");
		assertThat(agree.option()).contains("94.8");
	}

	@Test
	void thePageWatchesTheConsoleWideFeedOfItsConsultation() {
		navigate("consultations/" + ID, ConsultationView.class);

		assertThat(this.feed.watchers(ID)).isEqualTo(1);
		assertThat(this.feed.polls()).isEqualTo(1);
	}

	@Test
	void leavingThePageStopsTheRefresh() {
		navigate("consultations/" + ID, ConsultationView.class);
		LiveRefresh refresh = ((ConsultationView) getCurrentView()).liveRefresh();

		navigate(ConsultationsView.class);

		assertThat(refresh.isRunning()).isFalse();
		assertThat(this.feed.watchers(ID)).isZero();
		assertThat(this.feed.polls()).isZero();
	}

	@Test
	void closingTheTabStopsTheRefresh() {
		navigate("consultations/" + ID, ConsultationView.class);
		UI ui = UI.getCurrent();

		// What Vaadin does when the tab's unload beacon, or the missing heartbeats, close
		// the
		// UI: it leaves the session and detaches.
		ui.getSession().removeUI(ui);

		assertThat(this.feed.watchers(ID)).isZero();
		assertThat(this.feed.polls()).isZero();
	}

	@Test
	void closingShowsTheConsultationAfterTheChange() {
		navigate("consultations/" + ID, ConsultationView.class);

		test(find(Button.class).id("consultation-close")).click();
		assertThat(calls("closeConsultation")).isEmpty();
		ConfirmDialog confirm = find(ConfirmDialog.class).id("consultation-confirm");
		assertThat(confirm.getElement().getProperty("header"))
			.isEqualTo("Kết thúc đợt lấy ý kiến \"Lấy ý kiến cử tri phường Phúc Xá, Trúc Bạch\"?");
		assertThat(text(confirm)).contains("không trả lời trực tuyến được nữa");
		test(confirm).confirm();

		assertThat(calls("closeConsultation")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("id", ID));
		assertThat(text("consultation-status")).isEqualTo("Đã kết thúc");
		assertThat(find(Button.class).withId("consultation-close").exists()).isFalse();
	}

	@Test
	void closingCanBeCancelled() {
		navigate("consultations/" + ID, ConsultationView.class);

		test(find(Button.class).id("consultation-close")).click();
		test(find(ConfirmDialog.class).id("consultation-confirm")).cancel();

		assertThat(calls("closeConsultation")).isEmpty();
		assertThat(text("consultation-status")).isEqualTo("Đang lấy ý kiến");
	}

	@Test
	void aCommuneIsCertifiedWithItsButtonAndARefusalIsSaid() {
		this.status = "CLOSED";
		navigate("consultations/" + ID, ConsultationView.class);

		test(cellButton("consultation-communes", 1, 11)).click();
		ConfirmDialog confirm = find(ConfirmDialog.class).id("consultation-confirm");
		assertThat(confirm.getElement().getProperty("header")).isEqualTo("Xác nhận kết quả của Phường Trúc Bạch?");
		test(confirm).confirm();

		assertThat(calls("certifyResults")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("consultationId", ID)
				.containsEntry("unitId", TRUC_BACH));
		assertThat(text("consultation-message")).isEqualTo("Còn 1 tổ chưa báo cáo");
		assertThat(cellText("consultation-communes", 0, 11)).contains("Đã xác nhận");
		assertThat(cellButton("consultation-rollups", 0, 7).getId()).hasValue("certify-001");
		assertThat(cellButton("consultation-rollups", 1, 7).getId()).hasValue("certify-01");
	}

	@Test
	void certifiedResultsArePublished() {
		this.status = "CERTIFIED";
		navigate("consultations/" + ID, ConsultationView.class);

		test(find(Button.class).id("consultation-publish")).click();
		test(find(ConfirmDialog.class).id("consultation-confirm")).confirm();

		assertThat(calls("publishResults")).hasSize(1);
		assertThat(text("consultation-status")).isEqualTo("Đã công bố");
		assertThat(find(Button.class).withId("consultation-publish").exists()).isFalse();
	}

	@Test
	void exportsArePlainLinksThatAskTheApiOnlyWhenFollowed() {
		this.status = "PUBLISHED";
		navigate("consultations/" + ID, ConsultationView.class);

		Anchor csv = find(Anchor.class).id("consultation-export-csv");
		assertThat(csv.getHref()).isNotBlank();
		assertThat(csv.getElement().getTextRecursively()).isEqualTo("Kết quả (CSV)");
		assertThat(this.backend.exportCalls()).isEmpty();
	}

	@Test
	void exportsTheApiDoesNotHaveYetAreSaidToBeUnavailable() {
		this.status = "PUBLISHED";
		navigate("consultations/" + ID, ConsultationView.class);

		DownloadResponse response = ((ConsultationView) getCurrentView()).follow("consultation-export-csv");

		assertThat(response.getError()).isEqualTo(404);
		assertThat(response.getErrorMessage()).isEqualTo("Máy chủ API chưa có tệp xuất này.");
		assertThat(this.backend.exportCalls()).singleElement().satisfies((call) -> {
			assertThat(call.body()).isEqualTo("/exports/consultations/c-1/results.csv");
			assertThat(call.authorization()).isEqualTo("Bearer access-canbo");
		});
	}

	@Test
	void exportsAreFetchedWithTheUsersTokenUnderNamesThatSayWhatTheyAre() {
		this.status = "PUBLISHED";
		this.backend.answerExports((path) -> new Reply(200, "application/pdf", "%PDF-1.7"));
		navigate("consultations/" + ID, ConsultationView.class);
		ConsultationView view = (ConsultationView) getCurrentView();
		cell(find(Grid.class).id("consultation-communes"), 0, 12);

		assertThat(view.follow("minutes-00001").getFileName()).isEqualTo("bien-ban-phuong-phuc-xa-00001.pdf");
		assertThat(view.follow("consultation-export-csv").getFileName()).isEqualTo("ket-qua-ha-noi-2025-04-21.csv");
		assertThat(view.follow("consultation-export-xlsx").getFileName()).isEqualTo("ket-qua-ha-noi-2025-04-21.xlsx");
		assertThat(this.backend.exportCalls()).first()
			.satisfies((call) -> assertThat(call.body())
				.isEqualTo("/exports/consultations/c-1/communes/" + PHUC_XA + "/minutes.pdf"));
	}

	@Test
	void whenTheUserMayNotSeeTheResultsThePageSaysSo() {
		this.backend.answerApi((call) -> call.runs("consultation")
				? Reply.json(200, "{\"data\":{\"consultation\":" + CannedConsultations.details("OPEN", "null") + "}}")
				: answer(call));

		navigate("consultations/" + ID, ConsultationView.class);

		assertThat(text("consultation-no-results")).startsWith("Kết quả chỉ được xem khi đã công bố");
		assertThat(find(Grid.class).withId("consultation-communes").exists()).isFalse();
	}

	@Test
	@WithKeycloakUser(username = "thuky", givenName = "Cường", familyName = "Lê Văn", roles = "clerk")
	void clerksSeeTheFiguresAndTheirTalliesButNoActions() {
		this.status = "CLOSED";
		navigate("consultations/" + ID, ConsultationView.class);

		assertThat(find(Button.class).withId("consultation-close").exists()).isFalse();
		assertThat(cellText("consultation-communes", 1, 11)).isEqualTo("—");
		assertThat(find(Button.class).id("consultation-tallies").isVisible()).isTrue();
	}

	/** Whether the consultation's closing time is still ahead (2099). */
	private boolean closesLater;

	@Test
	void closingBeforeTheClosingTimeAsksTheReasonAndSendsIt() {
		this.closesLater = true;
		navigate("consultations/" + ID, ConsultationView.class);

		test(find(Button.class).id("consultation-close")).click();
		ConfirmDialog confirm = find(ConfirmDialog.class).id("consultation-confirm");
		assertThat(text(confirm)).contains("kết thúc sớm phải ghi lý do");
		test(find(com.vaadin.flow.component.textfield.TextArea.class).id("consultation-close-reason"))
			.setValue("Mưa bão, cử tri đã trả lời đủ");
		test(confirm).confirm();

		assertThat(calls("closeConsultation")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("id", ID)
				.containsEntry("reason", "Mưa bão, cử tri đã trả lời đủ"));
	}

	private Reply answer(Call call) {
		if (call.runs("consultationProgress")) {
			return Reply.json(200, this.progress);
		}
		if (call.runs("consultation")) {
			String canned = CannedConsultations.consultation(this.status);
			return Reply.json(200, (this.closesLater)
					? canned.replace("\"closesAt\":\"2025-04-20T17:00:00Z\"", "\"closesAt\":\"2099-04-20T17:00:00Z\"")
					: canned);
		}
		if (call.runs("closeConsultation")) {
			return Reply.json(200, CannedConsultations.payload("closeConsultation", "CLOSED"));
		}
		if (call.runs("certifyResults")) {
			return Reply.json(200,
					CannedConsultations.refused("certifyResults", "GROUPS_MISSING", "Còn 1 tổ chưa báo cáo"));
		}
		if (call.runs("publishResults")) {
			return Reply.json(200, CannedConsultations.payload("publishResults", "PUBLISHED"));
		}
		return Reply.json(200, "{\"data\":null}");
	}

	private List<Call> calls(String operation) {
		return this.backend.apiCalls().stream().filter((call) -> call.runs(operation)).toList();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

	private static String text(ConfirmDialog dialog) {
		return dialog.getElement().getProperty("message", "") + dialog.getElement().getTextRecursively();
	}

	private Button cellButton(String gridId, int row, int column) {
		return (Button) test(find(Grid.class).id(gridId)).getCellComponent(row, column);
	}

	private String cellText(String gridId, int row, int column) {
		return cell(find(Grid.class).id(gridId), row, column);
	}

	private String cell(Grid<?> grid, int row, int column) {
		return test(grid).getCellComponent(row, column).getElement().getTextRecursively();
	}

}

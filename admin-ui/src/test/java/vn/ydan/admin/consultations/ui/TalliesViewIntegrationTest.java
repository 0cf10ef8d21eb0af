package vn.ydan.admin.consultations.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.consultations.GroupRow;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ydan.admin.consultations.ui.CannedConsultations.GROUP_1;
import static vn.ydan.admin.consultations.ui.CannedConsultations.GROUP_2;
import static vn.ydan.admin.consultations.ui.CannedConsultations.GROUP_3;
import static vn.ydan.admin.consultations.ui.CannedConsultations.ID;
import static vn.ydan.admin.consultations.ui.CannedConsultations.PHUC_XA;

/**
 * Tally entry for clerks against the fake api: where each group stands ("not done"
 * visible), every count required, the api's refusals at the fields, a mismatch side by
 * side, corrections with a reason and their history.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser(username = "thuky", givenName = "Cường", familyName = "Lê Văn", roles = "clerk")
class TalliesViewIntegrationTest extends SpringBrowserlessTest {

	private static final String CORRECT = CannedConsultations.counts(10, 8, 7, 1, 5, 2);

	private final FakeBackend backend = FakeBackend.shared();

	/**
	 * The first commune's questions (JSON), or null: the canned consultation as it is.
	 */
	private String questions;

	private String enterAnswer = """
			{"data":{"enterTally":{"tally":%s,"userErrors":[]}}}""".formatted(CannedConsultations.tally(GROUP_3,
			"Tổ dân phố 3", "AWAITING_SECOND_ENTRY", CannedConsultations.entry("thuky", CORRECT), "null", ""));

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-thuky",
				Instant.now().plusSeconds(300), "refresh-1");
		this.backend.answerApi(this::answer);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theGroupsOfTheCommuneShowWhereTheyStandAndWhichAreNotDone() {
		navigate("consultations/" + ID + "/tallies", TalliesView.class);

		Grid<GroupRow> groups = find(Grid.class).id("tallies-groups");
		assertThat(test(groups).size()).isEqualTo(3);
		assertThat(cell(groups, 0, 2)).isEqualTo("Đã xác minh");
		assertThat(cell(groups, 1, 2)).isEqualTo("Không khớp");
		assertThat(cell(groups, 2, 2)).isEqualTo("Chưa báo cáo");
		assertThat(text("tallies-progress")).isEqualTo("1/3 tổ đã báo cáo · 2 tổ chưa xong");
		assertThat(calls("consultationTallies")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("unitId", PHUC_XA));
		assertThat(calls("consultationGroups")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("id", ID).containsEntry("unitId", PHUC_XA));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theGroupsArePagedAndFilteredByWhereTheyStand() {
		navigate("consultations/" + ID + "/tallies", TalliesView.class);
		Grid<GroupRow> groups = find(Grid.class).id("tallies-groups");
		assertThat(groups.isAllRowsVisible()).isFalse();
		assertThat(groups.getDataProvider().isInMemory()).isFalse();

		test(find(Select.class).id("tallies-filter")).selectItem("Không khớp");
		assertThat(test(groups).size()).isEqualTo(1);
		assertThat(test(groups).getCellText(0, 0)).isEqualTo("Tổ dân phố 2");
		test(find(Select.class).id("tallies-filter")).selectItem("Chưa nhập");
		assertThat(test(groups).getCellText(0, 0)).isEqualTo("Tổ dân phố 3");
	}

	@Test
	void aLinkOpensACommuneAndAGroupStraightAway() {
		UI.getCurrent()
			.navigate("consultations/" + ID + "/tallies",
					QueryParameters.simple(Map.of(TalliesView.COMMUNE, PHUC_XA, TalliesView.GROUP, GROUP_3)));

		assertThat(text("tally-group")).isEqualTo("Tổ dân phố 3");
		assertThat(find(Component.class).id("tally-panel").isVisible()).isTrue();
	}

	@Test
	void theFormSaysUpFrontHowManyHouseholdsOfTheGroupAnsweredOnline() {
		open(2);

		assertThat(text("tally-online"))
			.isEqualTo("2/3 hộ của tổ đã trả lời trực tuyến: các hộ này không cần phiếu giấy.");
		assertThat(calls("consultationHouseholds")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("groupId", GROUP_3));
	}

	@Test
	void afterASuccessfulSaveNoFieldIsMarkedWrong() {
		open(2);
		fill(10, 8, 7, 1, 5, 2);
		test(find(IntegerField.class).id("tally-name-0")).setValue(4);
		test(find(IntegerField.class).id("tally-name-1")).setValue(0);

		test(find(Button.class).id("tally-submit")).click();

		assertThat(text("tally-result")).isEqualTo("Đã ghi. Chờ người thứ hai nhập để đối chiếu.");
		for (String count : TalliesView.COUNTS) {
			assertThat(find(IntegerField.class).id("tally-" + count).isInvalid()).as(count).isFalse();
		}
	}

	@Test
	void aFieldsErrorGoesAsSoonAsItIsFilledIn() {
		open(2);
		fill(10, 8, 7, 1, 5, null);
		test(find(Button.class).id("tally-submit")).click();
		assertThat(find(IntegerField.class).id("tally-disagree").isInvalid()).isTrue();

		test(find(IntegerField.class).id("tally-disagree")).setValue(2);

		assertThat(find(IntegerField.class).id("tally-disagree").isInvalid()).isFalse();
	}

	@Test
	void everyCountIsRequiredAnEmptyFieldIsNotAZero() {
		open(2);
		fill(10, 8, 7, 1, 5, null);

		test(find(Button.class).id("tally-submit")).click();

		assertThat(find(IntegerField.class).id("tally-disagree").isInvalid()).isTrue();
		assertThat(find(IntegerField.class).id("tally-disagree").getErrorMessage())
			.isEqualTo("Bắt buộc: gõ 0 nếu không có");
		assertThat(find(IntegerField.class).id("tally-name-0").isInvalid()).isTrue();
		assertThat(calls("enterTally")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void anEntryGoesToTheApiWithItsZerosAndTheGroupMovesOn() {
		open(2);
		fill(10, 8, 7, 1, 5, 2);
		test(find(IntegerField.class).id("tally-name-0")).setValue(4);
		test(find(IntegerField.class).id("tally-name-1")).setValue(0);

		test(find(Button.class).id("tally-submit")).click();

		Map<String, Object> input = (Map<String, Object>) calls("enterTally").get(0).variables().get("input");
		assertThat(input).containsEntry("consultationId", ID)
			.containsEntry("groupId", GROUP_3)
			.doesNotContainKey("reason");
		assertThat((Map<String, Object>) input.get("counts")).containsEntry("issued", 10)
			.containsEntry("disagree", 2)
			.containsEntry("names",
					List.of(Map.of("name", "Ba Đình", "count", 4), Map.of("name", "Hồng Hà", "count", 0)));
		assertThat(text("tally-result")).isEqualTo("Đã ghi. Chờ người thứ hai nhập để đối chiếu.");
		assertThat(calls("enterTally").get(0).authorization()).isEqualTo("Bearer access-thuky");
	}

	@Test
	void countsThatDoNotReconcileAreShownAtTheirFields() {
		this.enterAnswer = """
				{"data":{"enterTally":{"tally":null,"userErrors":[
				 {"field":["input","counts","agree"],"message":"Đồng ý (5) + không đồng ý (1) phải bằng số phiếu hợp lệ (7)","code":"COUNTS_DO_NOT_RECONCILE"},
				 {"field":["input","counts","issued"],"message":"Số phiếu phát ra (20) không được lớn hơn số hộ của tổ (12)","code":"COUNTS_DO_NOT_RECONCILE"}]}}}""";
		open(2);
		fill(20, 8, 7, 1, 5, 1);
		test(find(IntegerField.class).id("tally-name-0")).setValue(0);
		test(find(IntegerField.class).id("tally-name-1")).setValue(0);

		test(find(Button.class).id("tally-submit")).click();

		assertThat(find(IntegerField.class).id("tally-agree").getErrorMessage())
			.isEqualTo("Đồng ý (5) + không đồng ý (1) phải bằng số phiếu hợp lệ (7)");
		assertThat(find(IntegerField.class).id("tally-issued").getErrorMessage())
			.isEqualTo("Số phiếu phát ra (20) không được lớn hơn số hộ của tổ (12)");
		assertThat(find(IntegerField.class).id("tally-issued").isInvalid()).isTrue();
	}

	@Test
	void aRefusalGoesToTheFieldItsPathNamesWhateverItsMessageSays() {
		// The messages are the api's words for people; only the paths say where they go.
		this.enterAnswer = """
				{"data":{"enterTally":{"tally":null,"userErrors":[
				 {"field":["input","counts","valid"],"message":"Đồng ý: không khớp","code":"COUNTS_DO_NOT_RECONCILE"},
				 {"field":["input","counts","disagree"],"message":"Hợp lệ: không khớp","code":"COUNTS_DO_NOT_RECONCILE"},
				 {"field":["input","counts"],"message":"Số phiếu phát ra: các số không khớp","code":"COUNTS_DO_NOT_RECONCILE"}]}}}""";
		open(2);
		fill(10, 8, 7, 1, 5, 1);
		test(find(IntegerField.class).id("tally-name-0")).setValue(0);
		test(find(IntegerField.class).id("tally-name-1")).setValue(0);

		test(find(Button.class).id("tally-submit")).click();

		assertThat(find(IntegerField.class).id("tally-valid").isInvalid()).isTrue();
		assertThat(find(IntegerField.class).id("tally-valid").getErrorMessage()).isEqualTo("Đồng ý: không khớp");
		assertThat(find(IntegerField.class).id("tally-disagree").isInvalid()).isTrue();
		assertThat(find(IntegerField.class).id("tally-disagree").getErrorMessage()).isEqualTo("Hợp lệ: không khớp");
		for (String untouched : List.of("issued", "returned", "invalid", "agree")) {
			assertThat(find(IntegerField.class).id("tally-" + untouched).isInvalid()).as(untouched).isFalse();
		}
		// No single count named: the message line.
		assertThat(text("tally-message")).isEqualTo("Số phiếu phát ra: các số không khớp");
	}

	@Test
	void aMismatchShowsBothEntriesSideBySide() {
		open(1);

		@SuppressWarnings("unchecked")
		Grid<String> mismatch = find(Grid.class).id("tally-mismatch");
		assertThat(test(mismatch).size()).isEqualTo(6);
		assertThat(test(mismatch).getCellText(4, 0)).isEqualTo("Đồng ý");
		assertThat(cell(mismatch, 4, 1)).isEqualTo("5");
		assertThat(cell(mismatch, 4, 2)).isEqualTo("4");
		assertThat(test(mismatch).getCellComponent(4, 2).getStyle().get("color")).isEqualTo("#c62828");
		assertThat(test(mismatch).getCellComponent(0, 2).getStyle().get("color")).isNull();
		assertThat(find(Button.class).id("tally-submit").getText()).isEqualTo("Ghi lần nhập thứ hai (đối chiếu)");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aVerifiedTallyIsCorrectedOnlyWithAReasonAndItsHistoryIsShown() {
		open(0);
		assertThat(text("tally-verified")).contains("Đồng ý: 6");
		assertThat(test((Grid<Object>) find(Grid.class).id("tally-corrections")).getCellText(0, 2))
			.isEqualTo("Nhập nhầm cột");
		fill(10, 8, 7, 1, 5, 2);
		test(find(IntegerField.class).id("tally-name-0")).setValue(0);
		test(find(IntegerField.class).id("tally-name-1")).setValue(0);

		test(find(Button.class).id("tally-submit")).click();

		assertThat(find(TextField.class).id("tally-reason").isInvalid()).isTrue();
		assertThat(calls("enterTally")).isEmpty();

		test(find(TextField.class).id("tally-reason")).setValue("Cộng nhầm");
		test(find(Button.class).id("tally-submit")).click();

		assertThat((Map<String, Object>) calls("enterTally").get(0).variables().get("input")).containsEntry("reason",
				"Cộng nhầm");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFormAsksEveryQuestionOfTheCommuneAndSendsEachCount() {
		this.questions = """
				[{"question":"ARRANGEMENT","text":"Đồng ý?","choice":false,"choices":[]},
				 {"question":"NAME","text":"Tên gọi","choice":true,"choices":["Ba Đình","Hồng Hà"]},
				 {"question":"SEAT","text":"Nơi đặt trụ sở","choice":true,"choices":["Số 1 Quán Thánh","Số 5 Phan Đình Phùng"]},
				 {"question":"PROVINCE_MERGER","text":"Sắp xếp cấp tỉnh","choice":false,"choices":[]}]""";
		open(2);
		fill(10, 8, 7, 1, 5, 2);
		test(find(IntegerField.class).id("tally-name-0")).setValue(4);
		test(find(IntegerField.class).id("tally-name-1")).setValue(0);
		assertThat(find(IntegerField.class).id("tally-q-SEAT-1").getLabel())
			.isEqualTo("Nơi đặt trụ sở — Số 5 Phan Đình Phùng");
		assertThat(find(IntegerField.class).id("tally-q-PROVINCE_MERGER-1").getLabel())
			.isEqualTo("Sắp xếp cấp tỉnh — không đồng ý");

		test(find(Button.class).id("tally-submit")).click();
		assertThat(calls("enterTally")).as("a question's count left empty is not a zero").isEmpty();
		test(find(IntegerField.class).id("tally-q-SEAT-0")).setValue(1);
		test(find(IntegerField.class).id("tally-q-SEAT-1")).setValue(5);
		test(find(IntegerField.class).id("tally-q-PROVINCE_MERGER-0")).setValue(6);
		test(find(IntegerField.class).id("tally-q-PROVINCE_MERGER-1")).setValue(1);
		test(find(Button.class).id("tally-submit")).click();

		Map<String, Object> counts = (Map<String, Object>) ((Map<String, Object>) calls("enterTally").get(0)
			.variables()
			.get("input")).get("counts");
		assertThat(counts).containsEntry("questions", List.of(
				Map.of("question", "SEAT", "choices",
						List.of(Map.of("name", "Số 1 Quán Thánh", "count", 1),
								Map.of("name", "Số 5 Phan Đình Phùng", "count", 5))),
				Map.of("question", "PROVINCE_MERGER", "agree", 6, "disagree", 1)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSupervisorWhoSeesBothSidesSettlesAMismatchWithTheCountsAndAReason() {
		open(1);
		assertThat(find(Button.class).id("tally-settle").isVisible()).isTrue();
		fill(10, 8, 7, 1, 5, 2);
		test(find(IntegerField.class).id("tally-name-0")).setValue(4);
		test(find(IntegerField.class).id("tally-name-1")).setValue(1);

		test(find(Button.class).id("tally-settle")).click();
		assertThat(find(TextField.class).id("tally-reason").isInvalid()).as("no reason, no decision").isTrue();
		assertThat(calls("settleTally")).isEmpty();

		test(find(TextField.class).id("tally-reason")).setValue("Đếm lại phiếu giấy với hai người nhập");
		test(find(Button.class).id("tally-settle")).click();

		Map<String, Object> input = (Map<String, Object>) calls("settleTally").get(0).variables().get("input");
		assertThat(input).containsEntry("consultationId", ID)
			.containsEntry("groupId", GROUP_2)
			.containsEntry("reason", "Đếm lại phiếu giấy với hai người nhập");
		assertThat((Map<String, Object>) input.get("counts")).containsEntry("agree", 5).containsEntry("disagree", 2);
		assertThat(calls("enterTally")).isEmpty();
		assertThat(text("tally-result")).isEqualTo("Đã ghi: số liệu đã được xác minh.");
	}

	@Test
	void aThirdEntryOnAMismatchNeedsNoReasonAndAGroupNotMismatchedCannotBeSettled() {
		open(1);
		fill(10, 8, 7, 1, 5, 2);
		test(find(IntegerField.class).id("tally-name-0")).setValue(4);
		test(find(IntegerField.class).id("tally-name-1")).setValue(1);

		test(find(Button.class).id("tally-submit")).click();

		assertThat(calls("enterTally")).hasSize(1);
		open(2);
		assertThat(find(Button.class).all()).extracting((button) -> button.getId().orElse(""))
			.doesNotContain("tally-settle");
	}

	private void open(int row) {
		navigate("consultations/" + ID + "/tallies", TalliesView.class);
		@SuppressWarnings("unchecked")
		Grid<GroupRow> groups = find(Grid.class).id("tallies-groups");
		test(groups).clickRow(row);
	}

	private void fill(Integer issued, Integer returned, Integer valid, Integer invalid, Integer agree,
			Integer disagree) {
		Integer[] values = { issued, returned, valid, invalid, agree, disagree };
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				test(find(IntegerField.class).id("tally-" + TalliesView.COUNTS.get(i))).setValue(values[i]);
			}
		}
	}

	private Reply answer(Call call) {
		if (call.runs("consultationTallies")) {
			String verified = CannedConsultations.tally(GROUP_1, "Tổ dân phố 1", "VERIFIED",
					CannedConsultations.entry("thuky", CORRECT) + "," + CannedConsultations.entry("thuky2", CORRECT),
					CannedConsultations.counts(10, 8, 7, 1, 6, 1),
					"{\"by\":\"thuky2\",\"at\":\"2025-04-19T04:00:00Z\",\"reason\":\"Nhập nhầm cột\",\"before\":"
							+ CORRECT + ",\"after\":" + CannedConsultations.counts(10, 8, 7, 1, 6, 1) + "}");
			String mismatch = CannedConsultations.tally(GROUP_2, "Tổ dân phố 2", "MISMATCH",
					CannedConsultations.entry("thuky", CORRECT) + ","
							+ CannedConsultations.entry("thuky2", CannedConsultations.counts(10, 8, 7, 1, 4, 3)),
					"null", "");
			return Reply.json(200, "{\"data\":{\"consultation\":{\"tallies\":[" + verified + "," + mismatch + "]}}}");
		}
		if (call.runs("consultationHouseholds")) {
			return Reply.json(200, """
					{"data":{"consultation":{"households":[{"householdId":"H-1","answeredOnline":true},
					 {"householdId":"H-2","answeredOnline":true},{"householdId":"H-3","answeredOnline":false}]}}}""");
		}
		if (call.runs("consultationGroups")) {
			return Reply.json(200, CannedConsultations.groups());
		}
		if (call.runs("consultation")) {
			String canned = CannedConsultations.consultation("OPEN");
			return Reply.json(200,
					(this.questions == null) ? canned : canned.replace("\"nameChoices\":[\"Ba Đình\",\"Hồng Hà\"],",
							"\"nameChoices\":[\"Ba Đình\",\"Hồng Hà\"],\"questions\":" + this.questions + ","));
		}
		if (call.runs("settleTally")) {
			return Reply.json(200,
					"{\"data\":{\"settleTally\":{\"tally\":" + CannedConsultations.tally(GROUP_2, "Tổ dân phố 2",
							"VERIFIED", CannedConsultations.entry("thuky", CORRECT),
							CannedConsultations.counts(10, 8, 7, 1, 5, 2), "") + ",\"userErrors\":[]}}}");
		}
		if (call.runs("enterTally")) {
			return Reply.json(200, this.enterAnswer);
		}
		return Reply.json(200, "{\"data\":null}");
	}

	private List<Call> calls(String operation) {
		return this.backend.apiCalls().stream().filter((call) -> call.runs(operation)).toList();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

	private String cell(Grid<?> grid, int row, int column) {
		return test(grid).getCellComponent(row, column).getElement().getTextRecursively();
	}

}

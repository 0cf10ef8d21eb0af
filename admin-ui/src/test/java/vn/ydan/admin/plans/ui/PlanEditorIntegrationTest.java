package vn.ydan.admin.plans.ui;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.api.RowError;
import vn.ydan.admin.plans.ComponentKind;
import vn.ydan.admin.plans.ProposedUnit;
import vn.ydan.admin.plans.Validation;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official edits a draft: each edit is one mutation with the version she saw, and the
 * page takes in its answer (version, validation, the unit changed) without reloading the
 * plan; a conflict says so and offers a reload; an import with bad rows lists them and
 * changes nothing; plans past the draft are read-only.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class PlanEditorIntegrationTest extends SpringBrowserlessTest {

	private final FakeBackend backend = FakeBackend.shared();

	/** What the api answers: the plan query, and each mutation by name. */
	private final AtomicReference<String> plan = new AtomicReference<>(CannedPlans.draft());

	private final AtomicReference<Function<Call, String>> mutation = new AtomicReference<>((call) -> "{\"data\":null}");

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-1", Instant.now().plusSeconds(300),
				"refresh-1");
		this.backend.answerApi((call) -> {
			if (call.runs("plan")) {
				return Reply.json(200, this.plan.get());
			}
			return Reply.json(200, this.mutation.get().apply(call));
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void showsTheNewUnitsTheUnassignedUnitsAndTheValidation() {
		open();

		assertThat(text("plan-status")).isEqualTo("Dự thảo");
		assertThat(text("plan-version")).isEqualTo("Phiên bản 3");
		assertThat(text("plan-meta"))
			.isEqualTo("Phạm vi: Quận Ba Đình · Ngày hiệu lực: 01/07/2025 · Kết thúc cấp huyện");
		GridTester<Grid<ProposedUnit>, ProposedUnit> units = test(find(Grid.class).id("plan-units"));
		assertThat(units.size()).isEqualTo(2);
		assertThat(units.getCellText(0, 0)).isEqualTo("Phường Ba Đình");
		assertThat(units.getCellText(0, 1)).isEqualTo("Phường");
		assertThat(units.getCellText(0, 2)).isEqualTo("90001");
		assertThat(units.getCellText(0, 4)).isEqualTo("1");
		assertThat(units.getCellText(0, 5)).isEqualTo("7.012");
		assertThat(text("plan-validation-summary")).isEqualTo("Chưa hợp lệ: 2 lỗi, 0 cảnh báo");
		assertThat(text("plan-unassigned-count")).isEqualTo("Chưa sắp xếp: 1 đơn vị");
		assertThat(test(find(Grid.class).id("plan-unassigned")).getCellText(0, 0))
			.isEqualTo("00004 · Phường Trúc Bạch — Quận Ba Đình");
		test(find(TabSheet.class).id("plan-tabs")).select("Kiểm tra");
		GridTester<Grid<Validation.Rule>, Validation.Rule> rules = test(find(Grid.class).id("plan-rules"));
		assertThat(rules.size()).isEqualTo(3);
		assertThat(rules.getCellText(0, 2)).isEqualTo("1");
		assertThat(test(find(Grid.class).id("plan-issues")).getCellText(0, 1))
			.isEqualTo("Phường Ngọc Hà chưa nhận đơn vị cũ nào");
	}

	@Test
	void anEmptyNewPlanIsNotCalledValid() {
		this.plan.set(CannedPlans.plan("DRAFT", 1, CannedPlans.VALID, "null"));
		open();

		assertThat(text("plan-validation-summary"))
			.isEqualTo("Phương án chưa có đơn vị mới nào: thêm đơn vị hoặc nhập từ tệp để kiểm tra.");
		assertThat(find(Component.class).id("plan-validation-summary").getStyle().get("color")).isNotEqualTo("#1b7f3b");
		assertThat(find(Grid.class).id("plan-unassigned").getEmptyStateText())
			.isEqualTo("Chưa có gì để sắp xếp: phương án chưa có đơn vị mới.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aUnitTakenWholeShowsNoSharesAndAPartShowsEachShareOrADash() {
		this.plan.set(CannedPlans.plan("DRAFT", 3, CannedPlans.INVALID, "null", CannedPlans.UNIT_A_WITH_TRUC_BACH
			.replaceFirst("\"kind\":\"WHOLE\",\"areaShare\":null", "\"kind\":\"PART_AREA_POP\",\"areaShare\":0.3")));
		open();
		test(find(Grid.class).id("plan-units")).select(0);
		GridTester<Grid<ProposedUnit.Component>, ProposedUnit.Component> components = test(
				find(Grid.class).id("plan-components"));

		assertThat(components.getCellText(0, 2)).isEqualTo("30 % / — / —");
		assertThat(components.getCellText(1, 2)).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void assigningAnUnassignedUnitIsOneSmallMutationAndRedrawsTheValidation() {
		this.mutation.set((call) -> CannedPlans.edited("assignUnit", 4, 2, CannedPlans.ONE_ERROR,
				CannedPlans.UNIT_A_WITH_TRUC_BACH));
		open();
		test(find(Grid.class).id("plan-units")).select(0);
		assertThat(text("plan-components-title")).isEqualTo("Hình thành từ: Phường Ba Đình");

		// A click on a unit left over puts it into the selected new unit.
		test(find(Grid.class).id("plan-unassigned")).clickRow(0);
		assertThat(find(ComboBox.class).id("plan-assign-unassigned").getValue()).isNotNull();
		test(find(Button.class).id("plan-assign-save")).click();

		List<Call> assigns = calls("assignUnit");
		assertThat(assigns).singleElement().satisfies((call) -> {
			assertThat(call.variables().get("input")).isEqualTo(
					Map.of("planId", "plan-1", "expectedVersion", 3, "key", "A", "unitId", "u-00004", "kind", "WHOLE"));
			// Only the unit changed comes back, not the whole plan.
			assertThat(call.variables().get("keys")).isEqualTo(List.of("A"));
		});
		assertThat(calls("plan")).hasSize(1);
		assertThat(text("plan-version")).isEqualTo("Phiên bản 4");
		assertThat(text("plan-unassigned-count")).isEqualTo("Chưa sắp xếp: 0 đơn vị");
		assertThat(text("plan-validation-summary")).isEqualTo("Chưa hợp lệ: 1 lỗi, 0 cảnh báo");
		GridTester<Grid<ProposedUnit.Component>, ProposedUnit.Component> components = test(
				find(Grid.class).id("plan-components"));
		assertThat(components.size()).isEqualTo(2);
		assertThat(components.getCellText(1, 0)).isEqualTo("00004 · Phường Trúc Bạch");
		assertThat(test(find(Grid.class).id("plan-units")).getCellText(0, 4)).isEqualTo("2");
	}

	@Test
	@SuppressWarnings("unchecked")
	void changingAComponentsKindAndRemovingItCarryTheLastVersion() {
		this.mutation.set((call) -> call.runs("assignUnit")
				? CannedPlans.edited("assignUnit", 4, 2, CannedPlans.INVALID,
						CannedPlans.UNIT_A.replace("\"WHOLE\"", "\"PART_AREA_POP\""))
				: CannedPlans.edited("unassignUnit", 5, 2, CannedPlans.INVALID,
						CannedPlans.UNIT_A.replaceAll("\"components\":\\[.*\\]\\],", "\"components\":[],")));
		open();
		test(find(Grid.class).id("plan-units")).select(0);
		GridTester<Grid<ProposedUnit.Component>, ProposedUnit.Component> components = test(
				find(Grid.class).id("plan-components"));

		Select<ComponentKind> kind = (Select<ComponentKind>) components.getCellComponent(0, 1);
		test(kind).selectItem("Một phần diện tích và dân số");

		assertThat(calls("assignUnit")).singleElement()
			.satisfies((call) -> assertThat(call.variables().get("input").toString()).contains("kind=PART_AREA_POP",
					"expectedVersion=3", "unitId=u-00001"));
		assertThat(text("plan-version")).isEqualTo("Phiên bản 4");

		test((Button) components.getCellComponent(0, 3)).click();

		assertThat(calls("unassignUnit")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("expectedVersion", 4)
				.containsEntry("key", "A")
				.containsEntry("unitId", "u-00001"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void addingANewUnitSelectsIt() {
		this.mutation.set((call) -> CannedPlans.edited("saveProposedUnit", 4, 3, CannedPlans.INVALID,
				CannedPlans.UNIT_A, CannedPlans.UNIT_B, """
						{"key":"C","code":null,"name":"Giảng Võ","fullName":"Phường Giảng Võ","type":"PHUONG",
						 "typeName":"phường","seat":null,"components":[],"totals":null}"""));
		open();
		test(find(Button.class).id("plan-unit-add")).click();
		test(find(TextField.class).id("plan-unit-name")).setValue("Giảng Võ");
		test(find(Button.class).id("plan-unit-save")).click();

		assertThat(calls("saveProposedUnit")).singleElement().satisfies((call) -> {
			assertThat(call.variables().get("input"))
				.isEqualTo(Map.of("planId", "plan-1", "expectedVersion", 3, "name", "Giảng Võ", "type", "PHUONG"));
			assertThat(call.variables()).doesNotContainKey("keys");
		});
		GridTester<Grid<ProposedUnit>, ProposedUnit> units = test(find(Grid.class).id("plan-units"));
		assertThat(units.size()).isEqualTo(3);
		assertThat(units.getSelected()).extracting(ProposedUnit::key).containsExactly("C");
		assertThat(text("plan-components-title")).isEqualTo("Hình thành từ: Phường Giảng Võ");
	}

	@Test
	void aConflictSaysSoAndTheReloadShowsTheLatestVersion() {
		this.mutation.set((call) -> CannedPlans.refused("saveProposedUnit", "VERSION_CONFLICT",
				"Phương án đã thay đổi (phiên bản 4)"));
		open();
		test(find(Grid.class).id("plan-units")).select(1);
		test(find(Button.class).id("plan-unit-edit")).click();
		test(find(TextField.class).id("plan-unit-name")).setValue("Ngọc Hà mới");
		test(find(Button.class).id("plan-unit-save")).click();

		assertThat(text("plan-conflict")).startsWith("Phương án vừa được người khác thay đổi");
		assertThat(text("plan-version")).isEqualTo("Phiên bản 3");
		this.plan.set(CannedPlans.plan("DRAFT", 4, CannedPlans.INVALID, "null", CannedPlans.UNIT_A,
				CannedPlans.UNIT_B.replace("Ngọc Hà", "Ngọc Khánh")));

		test(find(Button.class).id("plan-reload")).click();

		assertThat(find(Component.class).withId("plan-conflict").exists()).isFalse();
		assertThat(text("plan-version")).isEqualTo("Phiên bản 4");
		assertThat(test(find(Grid.class).id("plan-units")).getCellText(1, 0)).isEqualTo("Phường Ngọc Khánh");
	}

	@Test
	@SuppressWarnings("unchecked")
	void clickingAnIssueSelectsTheUnitItIsAbout() {
		open();
		test(find(TabSheet.class).id("plan-tabs")).select("Kiểm tra");
		test(find(Grid.class).id("plan-issues")).clickRow(0);

		assertThat(find(TabSheet.class).id("plan-tabs").getSelectedTab().getId()).contains("plan-tab-units");
		GridTester<Grid<ProposedUnit>, ProposedUnit> units = test(find(Grid.class).id("plan-units"));
		assertThat(units.getSelected()).extracting(ProposedUnit::key).containsExactly("B");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anImportWithBadRowsListsThemAndChangesNothing() {
		this.mutation
			.set((call) -> """
					{"data":{"importPlan":{"rows":2,"proposedUnits":0,"links":0,"durationMs":12,"userErrors":[],"plan":null,
					 "errors":[{"line":3,"column":"old_code","message":"Không có đơn vị cũ mã 99999","code":"OLD_UNIT_UNKNOWN"},
					           {"line":4,"column":"relation","message":"Quan hệ không khớp","code":"RELATION_MISMATCH"}]}}}""");
		open();
		test(find(TabSheet.class).id("plan-tabs")).select("Nhập từ tệp CSV");
		test(find(Upload.class).id("plan-import-upload")).upload("plan.csv", "text/csv",
				"new_code,new_name,new_type,old_code,relation,detail\n".getBytes(StandardCharsets.UTF_8));
		roundTrip();

		assertThat(calls("importPlan")).singleElement()
			.satisfies((call) -> assertThat(call.variables().get("input").toString()).contains("expectedVersion=3"));
		assertThat(text("plan-import-rejected"))
			.isEqualTo("Tệp bị từ chối vì có 2 lỗi. Phương án không thay đổi; hãy sửa tệp rồi nhập lại.");
		GridTester<Grid<RowError>, RowError> errors = test(find(Grid.class).id("plan-import-errors"));
		assertThat(errors.size()).isEqualTo(2);
		assertThat(errors.getCellText(0, 0)).isEqualTo("3");
		assertThat(errors.getCellText(0, 2)).isEqualTo("Không có đơn vị cũ mã 99999");
		assertThat(text("plan-version")).isEqualTo("Phiên bản 3");
		assertThat(test(find(Grid.class).id("plan-units")).size()).isEqualTo(2);
	}

	@Test
	void publishedPlansAreReadOnlyAndOfferNoConsultationStepsByHand() {
		this.plan.set(CannedPlans.plan("PUBLISHED", 5, CannedPlans.VALID, "null", CannedPlans.UNIT_A));
		open();

		assertThat(find(Button.class).withId("plan-unit-add").exists()).isFalse();
		assertThat(find(Button.class).withId("plan-publish").exists()).isFalse();
		assertThat(find(Tab.class).withId("plan-tab-import").exists()).isFalse();
		assertThat(find(Button.class).withId("plan-component-add").exists()).isFalse();
		// Into consultation and consulted: the consultation's steps, not buttons here.
		assertThat(find(Button.class).withId("plan-start-consultation").exists()).isFalse();
		assertThat(find(Button.class).withId("plan-finish-consultation").exists()).isFalse();
		assertThat(find(Button.class).id("plan-adopt").isVisible()).isTrue();
		assertThat(find(Button.class).id("plan-withdraw").isVisible()).isTrue();
		assertThat(find(Tab.class).all()).extracting((tab) -> tab.getId().orElse(""))
			.containsExactly("plan-tab-units", "plan-tab-validation", "plan-tab-diff");
	}

	@Test
	void aRefusedStatusChangeShowsTheApisReason() {
		this.mutation.set((call) -> CannedPlans.refused("changePlanStatus", "PLAN_INVALID",
				"Phương án còn 2 lỗi, chưa công bố được"));
		open();
		test(find(Button.class).id("plan-publish")).click();

		assertThat(text("plan-edit-error")).isEqualTo("Phương án còn 2 lỗi, chưa công bố được");
		assertThat(text("plan-status")).isEqualTo("Dự thảo");
	}

	@Test
	@WithKeycloakUser(username = "cudan", roles = "resident")
	void residentsSeeADraftTheyMayReadWithoutEditing() {
		open();

		assertThat(find(Button.class).withId("plan-unit-add").exists()).isFalse();
		assertThat(find(Button.class).withId("plan-publish").exists()).isFalse();
	}

	@Test
	void aPlanThatIsNotThereSaysSo() {
		this.plan.set("{\"data\":{\"plan\":null}}");
		open();

		assertThat(text("plan-not-found")).isEqualTo("Không tìm thấy phương án này, hoặc bạn không có quyền xem.");
	}

	private void open() {
		UI.getCurrent()
			.navigate(PlanEditorView.class, new RouteParameters(PlanEditorView.ID, "plan-1"), QueryParameters.empty());
	}

	private List<Call> calls(String operation) {
		return this.backend.apiCalls().stream().filter((call) -> call.runs(operation)).toList();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

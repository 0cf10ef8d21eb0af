package vn.ydan.admin.plans.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.plans.PlanSummary;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of plans, and starting a draft: the scope is found by name without diacritics,
 * among provinces and districts only.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class PlansViewIntegrationTest extends SpringBrowserlessTest {

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
		this.backend.answerApi((call) -> {
			if (call.runs("plans")) {
				return Reply.json(200, CannedPlans.PLANS);
			}
			if (call.runs("planScopeSearch")) {
				return Reply.json(200, switch (String.valueOf(call.variables().get("search"))) {
					case "tien giang" -> CannedPlans.SEARCH_TIEN_GIANG;
					case "dong thap" -> CannedPlans.SEARCH_DONG_THAP;
					default -> CannedPlans.SEARCH_HA_NOI;
				});
			}
			if (call.runs("createPlan")) {
				return Reply.json(200,
						"""
								{"data":{"createPlan":{"plan":{"id":"plan-9","version":1,"status":"DRAFT","statusName":"dự thảo",
								 "proposedUnitCount":0,"componentCount":0,"proposedUnits":[],"validation":%s},"userErrors":[]}}}"""
							.formatted(CannedPlans.VALID));
			}
			if (call.runs("plan")) {
				return Reply.json(200, CannedPlans.plan("DRAFT", 1, CannedPlans.VALID, "null"));
			}
			return Reply.json(200, "{\"data\":null}");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsPlansWithStatusDateSizeAndChecks() {
		navigate(PlansView.class);

		GridTester<Grid<PlanSummary>, PlanSummary> grid = test(find(Grid.class).id("plans-grid"));
		assertThat(grid.size()).isEqualTo(2);
		assertThat(grid.getCellText(0, 0)).isEqualTo("Phương án sắp xếp đơn vị hành chính cấp xã của thành phố Hà Nội");
		assertThat(grid.getCellComponent(0, 1).getElement().getText()).isEqualTo("Có hiệu lực");
		assertThat(grid.getCellText(0, 2)).isEqualTo("01/07/2025");
		assertThat(grid.getCellText(0, 3)).isEqualTo("126 đơn vị mới, 795 liên kết");
		assertThat(grid.getCellComponent(0, 4).getElement().getText()).isEqualTo("0 lỗi, 3 cảnh báo");
		assertThat(grid.getCellComponent(1, 1).getElement().getText()).isEqualTo("Dự thảo");
		assertThat(grid.getCellText(1, 2)).isEqualTo("—");
		assertThat(grid.getCellComponent(1, 4).getElement().getText())
			.isEqualTo("2 lỗi, 0 cảnh báo · 1 đơn vị chưa sắp xếp");
		assertThat(find(SideNavItem.class).id("nav-plans").getLabel()).isEqualTo("Phương án sắp xếp");
	}

	@Test
	void aRowOpensThePlan() {
		navigate(PlansView.class);
		test(find(Grid.class).id("plans-grid")).clickRow(1);

		assertThat(getCurrentView()).isInstanceOf(PlanEditorView.class);
		assertThat(textOf("plan-title")).isEqualTo("Sắp xếp phường của quận Ba Đình");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aNewDraftIsFoundByNameWithoutDiacriticsAndOpensInTheEditor() {
		navigate(PlansView.class);
		test(find(Button.class).id("plans-new")).click();
		test(find(TextField.class).id("plan-new-title")).setValue("Phương án sắp xếp cấp xã của Hà Nội");
		test(find(DatePicker.class).id("plan-new-effective-date")).setValue(LocalDate.of(2025, 7, 1));
		MultiSelectComboBox<Object> scope = find(MultiSelectComboBox.class).id("plan-new-scope");

		test(scope).setFilter("ha noi");

		// Communes are not a plan's scope: only the city is offered.
		assertThat(test(scope).getSuggestions()).containsExactly("Thành phố Hà Nội (01)");
		test(scope).selectItem("Thành phố Hà Nội (01)");
		test(find(Checkbox.class).id("plan-new-abolish-districts")).click();
		test(find(Button.class).id("plan-new-save")).click();

		Call search = calls("planScopeSearch").get(0);
		assertThat(search.variables()).containsEntry("search", "ha noi").containsEntry("asOf", "2025-06-30");
		Call create = calls("createPlan").get(0);
		assertThat(create.variables().get("input")).isEqualTo(Map.of("title", "Phương án sắp xếp cấp xã của Hà Nội",
				"scopeIds", List.of("u-01"), "effectiveDate", "2025-07-01", "abolishedLevels", List.of("DISTRICT")));
		assertThat(getCurrentView()).isInstanceOf(PlanEditorView.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDateSetAfterASearchAsksAgainAsOfTheDayBeforeIt() {
		navigate(PlansView.class);
		test(find(Button.class).id("plans-new")).click();
		MultiSelectComboBox<Object> scope = find(MultiSelectComboBox.class).id("plan-new-scope");
		test(scope).setFilter("ha noi");
		test(scope).getSuggestions();

		test(find(DatePicker.class).id("plan-new-effective-date")).setValue(LocalDate.of(2025, 7, 1));
		test(scope).setFilter("ha noi");
		test(scope).getSuggestions();

		// A search before the date is a search as of today: units a later plan abolished
		// are missing from it.
		List<Call> searches = calls("planScopeSearch");
		assertThat(searches).hasSizeGreaterThanOrEqualTo(2);
		assertThat(searches.get(searches.size() - 1).variables()).containsEntry("search", "ha noi")
			.containsEntry("asOf", "2025-06-30");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPlanThatMergesProvincesCoversThemAll() {
		navigate(PlansView.class);
		test(find(Button.class).id("plans-new")).click();
		test(find(TextField.class).id("plan-new-title")).setValue("Phương án sắp xếp của tỉnh Đồng Tháp mới");
		test(find(DatePicker.class).id("plan-new-effective-date")).setValue(LocalDate.of(2025, 7, 1));
		MultiSelectComboBox<Object> scope = find(MultiSelectComboBox.class).id("plan-new-scope");

		test(scope).setFilter("tien giang");
		test(scope).selectItem("Tỉnh Tiền Giang (82)");
		test(scope).setFilter("dong thap");
		// The commune of the same name is not a plan's scope.
		assertThat(test(scope).getSuggestions()).containsExactly("Tỉnh Đồng Tháp (87)");
		// Picking another adds it (the tester's selectItem would replace the first).
		scope.select(test(scope).getSuggestionItems().get(0));
		assertThat(scope.getValue()).hasSize(2);
		test(find(Checkbox.class).id("plan-new-abolish-districts")).click();
		test(find(Button.class).id("plan-new-save")).click();

		Call create = calls("createPlan").get(0);
		assertThat(create.variables().get("input"))
			.isEqualTo(Map.of("title", "Phương án sắp xếp của tỉnh Đồng Tháp mới", "scopeIds", List.of("u-82", "u-87"),
					"effectiveDate", "2025-07-01", "abolishedLevels", List.of("DISTRICT")));
		assertThat(getCurrentView()).isInstanceOf(PlanEditorView.class);
	}

	@Test
	void theDialogAsksForTitleAndScopeBeforeCallingTheApi() {
		navigate(PlansView.class);
		test(find(Button.class).id("plans-new")).click();
		test(find(Button.class).id("plan-new-save")).click();

		assertThat(find(TextField.class).id("plan-new-title").getErrorMessage())
			.isEqualTo("Vui lòng nhập tên phương án.");
		assertThat(find(MultiSelectComboBox.class).id("plan-new-scope").getErrorMessage())
			.isEqualTo("Vui lòng chọn đơn vị thuộc phạm vi phương án.");
		assertThat(calls("createPlan")).isEmpty();
	}

	@Test
	@WithKeycloakUser(username = "cudan", roles = "resident")
	void residentsSeePlansButCannotStartOne() {
		navigate(PlansView.class);

		assertThat(find(Button.class).withId("plans-new").exists()).isFalse();
	}

	private List<Call> calls(String operation) {
		return this.backend.apiCalls().stream().filter((call) -> call.runs(operation)).toList();
	}

	private String textOf(String id) {
		return find(com.vaadin.flow.component.Component.class).id(id).getElement().getTextRecursively();
	}

}

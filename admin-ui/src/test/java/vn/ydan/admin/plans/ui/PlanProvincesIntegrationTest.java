package vn.ydan.admin.plans.ui;

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
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.api.UnitRef;
import vn.ydan.admin.plans.ComponentKind;
import vn.ydan.admin.plans.ProposedUnit;
import vn.ydan.admin.plans.UnitLevel;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan that merges two provinces (Tiền Giang and Đồng Tháp into the new Đồng Tháp), as
 * the official 2025 tables make it: the new province first among the new units, its
 * communes under it (parentKey), a commune's form that puts it under the new province or
 * takes it out, the old provinces of the scope offered to the new province, the new
 * component kinds, and the diff grouped by province.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser(username = "quantri", givenName = "An", familyName = "Nguyễn Văn", roles = "admin")
class PlanProvincesIntegrationTest extends SpringBrowserlessTest {

	private static final String NAME = "Phường Đạo Thạnh";

	private final FakeBackend backend = FakeBackend.shared();

	private final AtomicReference<Function<Call, String>> mutation = new AtomicReference<>((call) -> "{\"data\":null}");

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
			if (call.runs("plan")) {
				return Reply.json(200, CannedPlans.merger("DRAFT", 5, "null"));
			}
			if (call.runs("planDiff")) {
				return Reply.json(200, CannedPlans.MERGER_DIFF);
			}
			if (call.runs("planScopeSearch")) {
				return Reply.json(200, CannedPlans.SEARCH_DONG_THAP);
			}
			return Reply.json(200, this.mutation.get().apply(call));
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void theNewProvinceComesFirstAndItsCommunesNameIt() {
		open();

		GridTester<Grid<ProposedUnit>, ProposedUnit> units = test(find(Grid.class).id("plan-units"));
		assertThat(units.size()).isEqualTo(3);
		assertThat(units.getCellText(0, 0)).isEqualTo("Tỉnh Đồng Tháp");
		assertThat(units.getCellText(0, 1)).isEqualTo("Tỉnh");
		assertThat(units.getCellText(1, 0)).isEqualTo(NAME);
		assertThat(units.getCellText(1, 8)).isEqualTo("Tỉnh Đồng Tháp");
		assertThat(text("plan-units-summary"))
			.isEqualTo("3 đơn vị mới: 1 cấp tỉnh, 2 cấp xã · Tỉnh Đồng Tháp: 2 đơn vị trực thuộc");

		Select<UnitLevel> level = find(Select.class).id("plan-units-level");
		test(level).selectItem("Cấp xã (2)");
		assertThat(units.size()).isEqualTo(2);
		assertThat(units.getCellText(0, 0)).isEqualTo(NAME);
		test(level).selectItem("Cấp tỉnh (1)");
		assertThat(units.size()).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theComponentsKindsIncludeThoseOfTheOfficialTables() {
		open();
		GridTester<Grid<ProposedUnit>, ProposedUnit> units = test(find(Grid.class).id("plan-units"));
		units.select(1);

		GridTester<Grid<ProposedUnit.Component>, ProposedUnit.Component> components = test(
				find(Grid.class).id("plan-components"));
		Select<ComponentKind> kind = (Select<ComponentKind>) components.getCellComponent(1, 1);
		assertThat(kind.getValue()).isEqualTo(ComponentKind.PART_POP_ONLY);
		assertThat(kind.getItemLabelGenerator().apply(kind.getValue()))
			.isEqualTo("Một phần dân số (không có diện tích)");
		assertThat(kind.getListDataView().getItems().map(kind.getItemLabelGenerator()::apply).toList())
			.contains("Giữ nguyên", "Giữ nguyên, đổi tên hoặc loại", "Một phần");
		units.select(2);
		kind = (Select<ComponentKind>) components.getCellComponent(0, 1);
		assertThat(kind.getValue()).isEqualTo(ComponentKind.UNCHANGED);
	}

	@Test
	void aNewCommuneGoesUnderTheNewProvinceOfThePlan() {
		this.mutation.set((call) -> CannedPlans.edited("saveProposedUnit", 6, 4, CannedPlans.VALID,
				CannedPlans.DAO_THANH, CannedPlans.MY_THO, CannedPlans.NEW_DONG_THAP,
				CannedPlans.DAO_THANH.replace("\"28249\"", "\"90001\"").replace("Đạo Thạnh", "Thới Sơn")));
		open();
		test(find(Button.class).id("plan-unit-add")).click();

		// The plan forms one province: a new commune goes under it unless told otherwise.
		assertThat(find(Select.class).id("plan-unit-parent").getValue()).isEqualTo("82");
		test(find(TextField.class).id("plan-unit-name")).setValue("Thới Sơn");
		test(find(Button.class).id("plan-unit-save")).click();

		assertThat(calls("saveProposedUnit")).singleElement()
			.satisfies((call) -> assertThat(call.variables().get("input")).isEqualTo(Map.of("planId", "plan-dt",
					"expectedVersion", 5, "name", "Thới Sơn", "type", "PHUONG", "parentKey", "82")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCommuneTakenOutOfTheNewProvinceSendsAnEmptyParentKey() {
		this.mutation.set((call) -> CannedPlans.edited("saveProposedUnit", 6, 3, CannedPlans.VALID,
				CannedPlans.DAO_THANH.replace("\"parentKey\":\"82\"", "\"parentKey\":null")));
		open();
		test(find(Grid.class).id("plan-units")).select(1);
		test(find(Button.class).id("plan-unit-edit")).click();
		Select<String> parent = find(Select.class).id("plan-unit-parent");
		assertThat(parent.getValue()).isEqualTo("82");

		parent.clear();
		test(find(Button.class).id("plan-unit-save")).click();

		assertThat(calls("saveProposedUnit")).singleElement()
			.satisfies((call) -> assertThat(call.variables().get("input").toString()).contains("key=28249",
					"parentKey=,"));
		GridTester<Grid<ProposedUnit>, ProposedUnit> units = test(find(Grid.class).id("plan-units"));
		assertThat(units.getCellText(1, 8)).isEmpty();
	}

	@Test
	void aNewProvinceOffersNoParent() {
		open();
		test(find(Button.class).id("plan-unit-add")).click();
		test(find(Select.class).id("plan-unit-type")).selectItem("Tỉnh");

		assertThat(find(Select.class).withId("plan-unit-parent").exists()).isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theNewProvinceTakesTheOldProvincesOfTheScope() {
		this.mutation.set((call) -> CannedPlans.edited("assignUnit", 6, 3, CannedPlans.VALID,
				CannedPlans.NEW_DONG_THAP.replace("\"components\":[", """
						"components":[{"kind":"WHOLE","areaShare":null,"populationShare":null,"householdShare":null,
						 "unit":{"id":"u-87","code":"87","fullName":"Tỉnh Đồng Tháp"}},""")));
		open();
		test(find(Grid.class).id("plan-units")).select(0);
		test(find(Button.class).id("plan-component-add")).click();

		ComboBox<UnitRef> scope = find(ComboBox.class).id("plan-assign-scope");
		assertThat(scope.isVisible()).isTrue();
		assertThat(test(scope).getSuggestions()).containsExactly("82 · Tỉnh Tiền Giang", "87 · Tỉnh Đồng Tháp");
		// A search finds only provinces for a new province.
		ComboBox<Object> search = find(ComboBox.class).id("plan-assign-search");
		test(search).setFilter("dong thap");
		assertThat(test(search).getSuggestions()).hasSize(1);
		assertThat(calls("planScopeSearch")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("level", "PROVINCE")
				.containsEntry("asOf", "2025-06-30"));
		test(scope).selectItem("87 · Tỉnh Đồng Tháp");
		test(find(Button.class).id("plan-assign-save")).click();

		assertThat(calls("assignUnit")).singleElement()
			.satisfies((call) -> assertThat(call.variables().get("input")).isEqualTo(
					Map.of("planId", "plan-dt", "expectedVersion", 5, "key", "82", "unitId", "u-87", "kind", "WHOLE")));
		assertThat(test(find(Grid.class).id("plan-components")).size()).isEqualTo(2);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCommuneIsNotOfferedTheScopeProvinces() {
		open();
		test(find(Grid.class).id("plan-units")).select(1);
		test(find(Button.class).id("plan-component-add")).click();

		assertThat(find(ComboBox.class).withId("plan-assign-scope").exists()).isFalse();
		assertThat(find(ComboBox.class).withId("plan-assign-unassigned").exists()).isTrue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDiffGroupsBeforeAndAfterByProvince() {
		open();
		test(find(TabSheet.class).id("plan-tabs")).select("Trước và sau");

		GridTester<Grid<Object>, Object> after = test(find(Grid.class).id("plan-diff-after"));
		assertThat(after.size()).isEqualTo(2);
		assertThat(after.getCellText(0, 0)).isEqualTo("Cấp tỉnh (cả nước)");
		assertThat(after.getCellText(0, 1)).isEqualTo("1 tỉnh");
		assertThat(after.getCellText(1, 0)).isEqualTo("Tỉnh Đồng Tháp (mới)");
		assertThat(after.getCellText(1, 2)).isEqualTo("102");
		assertThat(text("plan-diff-after-provinces"))
			.isEqualTo("Theo tỉnh, thành phố: Tỉnh Đồng Tháp (mới): 102 đơn vị (20 phường, 82 xã)");

		GridTester<Grid<Object>, Object> before = test(find(Grid.class).id("plan-diff-before"));
		assertThat(before.size()).isEqualTo(5);
		assertThat(before.getCellText(0, 0)).isEqualTo("Tỉnh Tiền Giang");
		assertThat(before.getCellText(0, 1)).isEqualTo("11 phường, 30 xã, 1 thị trấn");
		assertThat(before.getCellText(0, 2)).isEqualTo("42");
		assertThat(before.getCellText(1, 0)).endsWith("Thành phố Mỹ Tho");
		assertThat(before.getCellText(2, 0)).endsWith("Huyện Cái Bè");
		assertThat(before.getCellText(3, 0)).isEqualTo("Tỉnh Đồng Tháp");
		assertThat(before.getCellText(3, 2)).isEqualTo("15");
		assertThat(text("plan-diff-before-provinces")).isEqualTo(
				"Theo tỉnh, thành phố: Tỉnh Tiền Giang: 42 đơn vị (11 phường, 30 xã, 1 thị trấn); Tỉnh Đồng Tháp: 15 đơn vị (8 phường, 7 xã)");
		assertThat(test(find(Grid.class).id("plan-diff-rows")).getCellText(1, 2))
			.isEqualTo("Phường Mỹ Tho (Giữ nguyên)");
	}

	private void open() {
		UI.getCurrent()
			.navigate(PlanEditorView.class, new RouteParameters(PlanEditorView.ID, "plan-dt"), QueryParameters.empty());
	}

	private List<Call> calls(String operation) {
		return this.backend.apiCalls().stream().filter((call) -> call.runs(operation)).toList();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

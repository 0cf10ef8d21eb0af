package vn.ydan.admin.units.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.i18n.Language;
import vn.ydan.admin.i18n.Translations;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;
import vn.ydan.admin.units.UnitSummary;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class UnitsViewIntegrationTest extends SpringBrowserlessTest {

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
			if (call.runs("unitTree")) {
				return Reply.json(200, CannedUnits.PROVINCES);
			}
			if (call.runs("unitChildren")) {
				return Reply.json(200, CannedUnits.HA_NOI_CHILDREN);
			}
			if (call.runs("unitSearch")) {
				return Reply.json(200, CannedUnits.SEARCH_HOAN_KIEM);
			}
			if (call.runs("unit")) {
				return Reply.json(200, CannedUnits.HANG_BAC);
			}
			return Reply.json(200, "{\"data\":null}");
		});
	}

	@Test
	void showsTheProvincesAndAsksForAProvincesChildrenOnlyWhenItIsExpanded() {
		navigate(UnitsView.class);
		TreeGrid<UnitSummary> tree = tree();
		GridTester<Grid<UnitSummary>, UnitSummary> rows = test(tree);

		assertThat(rows.size()).isEqualTo(2);
		assertThat(rows.getRow(0).fullName()).isEqualTo("Thành phố Hà Nội");
		assertThat(rows.getCellText(0, 1)).isEqualTo("01");
		assertThat(rows.getCellText(0, 2)).isEqualTo("Thành phố trực thuộc trung ương");
		assertThat(rows.getRow(1).fullName()).isEqualTo("Tỉnh Hà Giang");
		assertThat(this.backend.apiCalls()).singleElement().satisfies((call) -> {
			assertThat(call.runs("unitTree")).isTrue();
			assertThat(call.authorization()).isEqualTo("Bearer access-1");
			assertThat(call.variables()).containsEntry("level", "PROVINCE")
				.containsEntry("first", 100)
				.doesNotContainKeys("asOf", "after");
		});

		tree.expand(rows.getRow(0));

		assertThat(rows.size()).isEqualTo(4);
		assertThat(rows.getRow(1).fullName()).isEqualTo("Quận Ba Đình");
		assertThat(rows.getRow(2).fullName()).isEqualTo("Quận Hoàn Kiếm");
		assertThat(rows.getRow(3).fullName()).isEqualTo("Tỉnh Hà Giang");
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("unitChildren"))
			.singleElement()
			.satisfies(
					(call) -> assertThat(call.variables()).containsEntry("id", "unit-01").containsEntry("first", 100));
	}

	@Test
	void aRowsLinkOpensTheUnitsPageAsOfTheChosenDate() {
		navigate(UnitsView.class);
		test(find(DatePicker.class).id("units-as-of")).setValue(LocalDate.of(2025, 6, 30));
		GridTester<Grid<UnitSummary>, UnitSummary> rows = test(tree());

		RouterLink open = (RouterLink) rows.getCellComponent(0, 4);
		assertThat(open.getHref()).isEqualTo("units/unit-01?asOf=2025-06-30");
	}

	@Test
	void aDateReloadsTheTreeAsOfThatDateAndIsKeptInTheUrl() {
		navigate(UnitsView.class);
		DatePicker asOf = find(DatePicker.class).id("units-as-of");
		assertThat(asOf.getI18n().getDateFormats()).containsExactly("dd/MM/yyyy");
		assertThat(asOf.getLabel()).isEqualTo("Tại ngày");

		test(asOf).setValue(LocalDate.of(2025, 6, 30));

		assertThat(test(tree()).size()).isEqualTo(2);
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("unitTree"))
			.extracting((call) -> call.variables().get("asOf"))
			.containsExactly(null, "2025-06-30");
	}

	@Test
	void searchListsMatchesWithTheirParentChainAndOpensTheOneClicked() {
		navigate(UnitsView.class);

		test(find(TextField.class).id("units-search")).setValue("hoan kiem");

		Grid<UnitSummary> results = find(Grid.class).id("units-search-results");
		assertThat(results.isVisible()).isTrue();
		assertThat(find(TreeGrid.class).withId("units-tree").exists()).as("the tree, hidden").isFalse();
		GridTester<Grid<UnitSummary>, UnitSummary> rows = test(results);
		assertThat(rows.size()).isEqualTo(2);
		assertThat(rows.getCellText(0, 0)).isEqualTo("Quận Hoàn Kiếm — Thành phố Hà Nội");
		assertThat(rows.getCellText(1, 0)).isEqualTo("Phường Hàng Bạc — Quận Hoàn Kiếm — Thành phố Hà Nội");
		assertThat(rows.getCellText(1, 1)).isEqualTo("00037");
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("unitSearch"))
			.singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("search", "hoan kiem"));

		rows.clickRow(1);

		assertThat(getCurrentView()).isInstanceOf(UnitView.class);
		assertThat(text("unit-full-name")).isEqualTo("Phường Hàng Bạc");
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("unit"))
			.singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("id", "unit-hang-bac"));
	}

	@Test
	void takesTheDateAndTheSearchFromTheUrl() {
		UI.getCurrent().navigate("units", QueryParameters.simple(Map.of("asOf", "2025-06-30", "q", "hoan kiem")));

		assertThat(find(DatePicker.class).id("units-as-of").getValue()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(test(find(Grid.class).id("units-search-results")).size()).isEqualTo(2);
		List<Call> searches = this.backend.apiCalls().stream().filter((call) -> call.runs("unitSearch")).toList();
		assertThat(searches).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("search", "hoan kiem")
				.containsEntry("asOf", "2025-06-30"));
	}

	@Test
	void saysTheApiIsUnreachableAndTriesAgainWhenAsked() {
		this.backend.answerApi((call) -> Reply.hangUp());
		navigate(UnitsView.class);

		assertThat(test(tree()).size()).isZero();
		assertThat(text("units-error")).isEqualTo("Không kết nối được tới máy chủ API. Vui lòng thử lại sau.");

		this.backend.answerApi((call) -> Reply.json(200, CannedUnits.PROVINCES));
		test(find(Button.class).id("units-error-retry")).click();

		assertThat(test(tree()).size()).isEqualTo(2);
		assertThat(find(Component.class).withId("units-error").exists()).isFalse();
	}

	@Test
	void speaksEnglishWhenTheUserSwitches() {
		navigate(UnitsView.class);

		Language.choose(Translations.ENGLISH);

		assertThat(find(SideNavItem.class).id("nav-units").getLabel()).isEqualTo("Administrative units");
		assertThat(find(H2.class).first().getText()).isEqualTo("Administrative units");
		assertThat(find(TextField.class).id("units-search").getLabel()).isEqualTo("Search by name");
		assertThat(find(DatePicker.class).id("units-as-of").getLabel()).isEqualTo("As of");
		GridTester<Grid<UnitSummary>, UnitSummary> rows = test(tree());
		assertThat(rows.getHeaderCell(0)).isEqualTo("Name");
		assertThat(rows.getHeaderCell(3)).isEqualTo("Households");
		// Names keep their diacritics; known types are translated.
		assertThat(rows.getRow(0).fullName()).isEqualTo("Thành phố Hà Nội");
		assertThat(rows.getCellText(0, 2)).isEqualTo("Centrally governed city");

		Language.choose(Translations.VIETNAMESE);
		assertThat(find(SideNavItem.class).id("nav-units").getLabel()).isEqualTo("Đơn vị hành chính");
	}

	@SuppressWarnings("unchecked")
	private TreeGrid<UnitSummary> tree() {
		return find(TreeGrid.class).id("units-tree");
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getText();
	}

}

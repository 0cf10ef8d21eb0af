package vn.ydan.admin.units.ui;

import java.time.Instant;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
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
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;
import vn.ydan.admin.units.UnitDetails.LineageLink;
import vn.ydan.admin.units.UnitDetails.Version;
import vn.ydan.admin.units.UnitSummary;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class UnitViewIntegrationTest extends SpringBrowserlessTest {

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
			if (call.runs("unitChildren")) {
				return Reply.json(200, CannedUnits.HA_NOI_CHILDREN);
			}
			if (call.runs("unit")) {
				return Reply.json(200, "unit-p-hoan-kiem".equals(call.variables().get("id"))
						? CannedUnits.PHUONG_HOAN_KIEM : CannedUnits.HANG_BAC);
			}
			return Reply.json(200, "{\"data\":null}");
		});
	}

	@Test
	void showsTheUnitsDetailsAsOfTheDateAskedWithItsParentsAsLinks() {
		open("unit-hang-bac", "2025-06-30");

		assertThat(text("unit-full-name")).isEqualTo("Phường Hàng Bạc");
		assertThat(text("unit-code")).isEqualTo("00037");
		assertThat(text("unit-name")).isEqualTo("Hàng Bạc");
		assertThat(text("unit-type")).isEqualTo("Phường");
		assertThat(text("unit-level")).isEqualTo("Cấp xã");
		assertThat(text("unit-area")).isEqualTo("0,09 km²");
		assertThat(text("unit-population")).isEqualTo("7.000");
		assertThat(text("unit-households")).isEqualTo("2.100");
		assertThat(text("unit-valid-from")).isEqualTo("—");
		assertThat(text("unit-valid-to")).isEqualTo("01/07/2025");
		assertThat(text("unit-shown-as-of")).isEqualTo("Thông tin tại ngày 30/06/2025");
		RouterLink parent = find(RouterLink.class).id("unit-parent");
		assertThat(parent.getText()).isEqualTo("Quận Hoàn Kiếm");
		assertThat(parent.getHref()).isEqualTo("units/unit-002?asOf=2025-06-30");
		// Top down, from the list of all units.
		assertThat(find(Component.class).id("unit-parents").getElement().getTextRecursively())
			.isEqualTo("Đơn vị hành chính › Thành phố Hà Nội › Quận Hoàn Kiếm");
		assertThat(text("unit-child-count-to-dan-pho")).isEqualTo("Tổ dân phố: 12");
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("unit"))
			.singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("id", "unit-hang-bac")
				.containsEntry("asOf", "2025-06-30"));
	}

	@Test
	void listsTheUnitsChildrenPageByPageAndOpensTheOneClicked() {
		open("unit-hang-bac", null);

		GridTester<Grid<UnitSummary>, UnitSummary> children = test(grid("unit-children"));
		assertThat(children.size()).isEqualTo(2);
		assertThat(children.getCellText(0, 0)).isEqualTo("Quận Ba Đình");
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("unitChildren"))
			.singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("id", "unit-hang-bac")
				.containsEntry("first", 100)
				.doesNotContainKey("asOf"));

		children.clickRow(1);

		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("unit"))
			.extracting((call) -> call.variables().get("id"))
			.containsExactly("unit-hang-bac", "unit-002");
	}

	@Test
	void showsTheHistoryAndWhereTheUnitCameFromWithRelationDateAndLegalBasis() {
		open("unit-p-hoan-kiem", null);

		GridTester<Grid<LineageLink>, LineageLink> predecessors = test(grid("unit-predecessors"));
		assertThat(predecessors.size()).isEqualTo(3);
		assertThat(((RouterLink) predecessors.getCellComponent(0, 0)).getText()).isEqualTo("Phường Hàng Bạc");
		// A unit it came from is opened as it was on its last day.
		assertThat(((RouterLink) predecessors.getCellComponent(0, 0)).getHref())
			.isEqualTo("units/unit-hang-bac?asOf=2025-06-30");
		assertThat(predecessors.getCellText(0, 1)).isEqualTo("toàn bộ");
		assertThat(predecessors.getCellText(1, 1)).isEqualTo("một phần");
		assertThat(predecessors.getCellText(1, 2)).isEqualTo("Một phần diện tích và dân số");
		assertThat(predecessors.getCellText(2, 1)).isEqualTo("phần còn lại");
		assertThat(predecessors.getCellText(0, 3)).isEqualTo("01/07/2025");
		assertThat(predecessors.getCellText(0, 4)).isEqualTo("Nghị quyết 1656/NQ-UBTVQH15");
		assertThat(grid("unit-successors").getEmptyStateText()).isEqualTo("Không có đơn vị kế thừa.");
		assertThat(test(grid("unit-successors")).size()).isZero();

		GridTester<Grid<Version>, Version> history = test(grid("unit-history"));
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.getCellText(0, 0)).isEqualTo("01/07/2025");
		assertThat(history.getCellText(0, 1)).isEqualTo("Đang có hiệu lực");
		assertThat(history.getCellText(0, 3)).isEqualTo("Phường Hoàn Kiếm");
		assertThat(text("unit-valid-to")).isEqualTo("Đang có hiệu lực");
		assertThat(text("unit-child-counts")).isEqualTo("Không có đơn vị trực thuộc.");
	}

	@Test
	void theUnitItWentIntoOpensAsOfTheDayOfTheChange() {
		open("unit-hang-bac", "2025-06-30");

		GridTester<Grid<LineageLink>, LineageLink> successors = test(grid("unit-successors"));
		assertThat(successors.size()).isEqualTo(1);
		RouterLink next = (RouterLink) successors.getCellComponent(0, 0);
		assertThat(next.getText()).isEqualTo("Phường Hoàn Kiếm");
		assertThat(next.getHref()).isEqualTo("units/unit-p-hoan-kiem?asOf=2025-07-01");

		test(next).click();

		assertThat(text("unit-full-name")).isEqualTo("Phường Hoàn Kiếm");
	}

	@Test
	void saysSoWhenTheApiShowsTheUnitAsOfAnotherDateThanAskedFor() {
		open("unit-p-hoan-kiem", "2025-06-30");

		assertThat(text("unit-shown-as-of")).isEqualTo(
				"Đơn vị không tồn tại vào ngày 30/06/2025; đang hiển thị thông tin tại ngày 01/07/2025, ngày gần nhất đơn vị còn tồn tại.");
		// The api writes types as in running text; alone they start with a capital.
		assertThat(text("unit-type")).isEqualTo("Phường");
	}

	@Test
	void saysSoWhenThereIsNoSuchUnitOnThatDate() {
		this.backend.answerApi((call) -> Reply.json(200, CannedUnits.NO_UNIT));

		open("unit-gone", "1990-01-01");

		assertThat(text("unit-not-found")).isEqualTo("Không tìm thấy đơn vị hành chính này tại ngày 01/01/1990.");
	}

	@Test
	void saysTheApiIsUnreachable() {
		this.backend.answerApi((call) -> Reply.hangUp());

		open("unit-hang-bac", null);

		assertThat(text("unit-error")).isEqualTo("Không kết nối được tới máy chủ API. Vui lòng thử lại sau.");
		assertThat(find(Button.class).withId("unit-error-retry").exists()).isTrue();
	}

	@Test
	@WithKeycloakUser(username = "thuky", roles = "clerk")
	void aClerkSeesTheUnitButNoEditForms() {
		open("unit-p-hoan-kiem", null);

		assertThat(text("unit-full-name")).isEqualTo("Phường Hoàn Kiếm");
		assertThat(find(Button.class).withId("unit-edit").exists()).isFalse();
		assertThat(find(Button.class).withId("unit-add-group").exists()).isFalse();
	}

	@Test
	void speaksEnglishWhenTheUserSwitches() {
		open("unit-p-hoan-kiem", null);

		Language.choose(Translations.ENGLISH);

		assertThat(text("unit-level")).isEqualTo("Commune level");
		assertThat(text("unit-type")).isEqualTo("Ward");
		assertThat(text("unit-full-name")).isEqualTo("Phường Hoàn Kiếm");
		assertThat(test(grid("unit-predecessors")).getCellText(2, 1)).isEqualTo("remainder");
		assertThat(test(grid("unit-predecessors")).getHeaderCell(4)).isEqualTo("Legal basis");
		assertThat(find(Button.class).id("unit-edit").getText()).isEqualTo("Edit");
		Language.choose(Translations.VIETNAMESE);
	}

	private void open(String id, String asOf) {
		UI.getCurrent()
			.navigate(UnitView.class, new RouteParameters("id", id),
					(asOf != null) ? QueryParameters.of("asOf", asOf) : QueryParameters.empty());
	}

	@SuppressWarnings("unchecked")
	private <T> Grid<T> grid(String id) {
		return find(Grid.class).id(id);
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

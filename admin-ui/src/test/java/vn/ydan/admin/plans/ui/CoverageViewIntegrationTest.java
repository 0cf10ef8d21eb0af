package vn.ydan.admin.plans.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.plans.ReformCoverage;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national view ("Toàn quốc") of the plans of one date: the provinces without a plan,
 * the communes placed of all, and per province its plans and their validity, so that an
 * official loading the provincial tables one by one sees what is still missing.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class CoverageViewIntegrationTest extends SpringBrowserlessTest {

	/**
	 * Three provinces of 63: two merged by one valid draft, Hà Nội without a plan yet.
	 */
	static final String COVERAGE = """
			{"data":{"reformCoverage":{"effectiveDate":"2025-07-01","provinceCount":63,"uncoveredProvinceCount":61,
			 "communeCount":10035,"communesInPlans":315,"newProvinceCount":1,"newCommuneCount":102,"planCount":1,
			 "provinces":[
			  {"province":{"id":"u-01","code":"01","fullName":"Thành phố Hà Nội"},"communeCount":579,"communesInPlans":0,
			   "valid":false,"plans":[]},
			  {"province":{"id":"u-82","code":"82","fullName":"Tỉnh Tiền Giang"},"communeCount":172,"communesInPlans":172,
			   "valid":true,"plans":[{"id":"plan-dt","title":"Phương án của tỉnh Đồng Tháp","status":"DRAFT","statusName":"dự thảo"}]},
			  {"province":{"id":"u-87","code":"87","fullName":"Tỉnh Đồng Tháp"},"communeCount":143,"communesInPlans":140,
			   "valid":false,"plans":[{"id":"plan-dt","title":"Phương án của tỉnh Đồng Tháp","status":"DRAFT","statusName":"dự thảo"}]}
			 ]}}}""";

	private static final String FORBIDDEN = """
			{"errors":[{"message":"Forbidden","path":["reformCoverage"],"extensions":{"code":"FORBIDDEN"}}],"data":null}""";

	private final FakeBackend backend = FakeBackend.shared();

	private final AtomicReference<Reply> answer = new AtomicReference<>(Reply.json(200, COVERAGE));

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
			if (call.runs("reformCoverage")) {
				return this.answer.get();
			}
			if (call.runs("plans")) {
				return Reply.json(200, CannedPlans.PLANS);
			}
			if (call.runs("plan")) {
				return Reply.json(200, CannedPlans.merger("DRAFT", 5, "null"));
			}
			return Reply.json(200, "{\"data\":null}");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void showsWhatIsStillMissingNationwide() {
		navigate(PlansView.class);
		test(find(Button.class).id("plans-coverage")).click();

		assertThat(getCurrentView()).isInstanceOf(CoverageView.class);
		assertThat(find(DatePicker.class).id("plans-coverage-date").getValue()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(calls()).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("effectiveDate", "2025-07-01"));
		assertThat(text("plans-coverage-summary")).isEqualTo(
				"63 tỉnh, thành phố: 61 chưa có phương án · 1 phương án: 1 tỉnh, thành phố mới, 102 đơn vị cấp xã mới");
		assertThat(text("plans-coverage-communes")).isEqualTo("Đơn vị cấp xã đã được sắp xếp: 315 / 10.035");
		GridTester<Grid<ReformCoverage.Province>, ReformCoverage.Province> grid = test(
				find(Grid.class).id("plans-coverage-grid"));
		assertThat(grid.size()).isEqualTo(3);
		assertThat(grid.getCellText(0, 1)).isEqualTo("Thành phố Hà Nội");
		assertThat(grid.getCellText(0, 2)).isEqualTo("0 / 579");
		assertThat(grid.getCellText(0, 4)).isEqualTo("Chưa có phương án");
		assertThat(grid.getCellText(1, 4)).isEqualTo("Hợp lệ");
		assertThat(grid.getCellText(2, 2)).isEqualTo("140 / 143");
		assertThat(grid.getCellText(2, 4)).isEqualTo("Chưa hợp lệ · còn 3 đơn vị cấp xã chưa sắp xếp");
		assertThat(grid.getCellComponent(1, 3).getElement().getTextRecursively())
			.isEqualTo("Phương án của tỉnh Đồng Tháp · Dự thảo");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theProvincesStillMissingSomethingAndAPlanOpensInItsEditor() {
		navigate(CoverageView.class);
		test(find(Checkbox.class).id("plans-coverage-missing")).click();

		GridTester<Grid<ReformCoverage.Province>, ReformCoverage.Province> grid = test(
				find(Grid.class).id("plans-coverage-grid"));
		assertThat(grid.size()).isEqualTo(2);
		assertThat(grid.getCellText(0, 0)).isEqualTo("01");
		assertThat(grid.getCellText(1, 0)).isEqualTo("87");

		RouterLink link = (RouterLink) grid.getCellComponent(1, 3)
			.getChildren()
			.flatMap(Component::getChildren)
			.filter(RouterLink.class::isInstance)
			.findFirst()
			.orElseThrow();
		test(link).click();

		assertThat(getCurrentView()).isInstanceOf(PlanEditorView.class);
		assertThat(text("plan-title")).isEqualTo("Phương án sắp xếp của tỉnh Đồng Tháp");
	}

	@Test
	void anotherDateAsksAgain() {
		navigate(CoverageView.class);
		test(find(DatePicker.class).id("plans-coverage-date")).setValue(LocalDate.of(2026, 1, 1));

		assertThat(calls()).hasSize(2);
		assertThat(calls().get(1).variables()).containsEntry("effectiveDate", "2026-01-01");
	}

	@Test
	void thoseWhoMayNotSeeItAreToldSo() {
		this.answer.set(Reply.graphQl(200, FORBIDDEN));
		navigate(CoverageView.class);

		assertThat(text("plans-coverage-error")).isEqualTo("Chỉ quản trị viên và cán bộ xem được phạm vi toàn quốc.");
		assertThat(find(Component.class).withId("plans-coverage-summary").exists()).isFalse();
	}

	@Test
	@WithKeycloakUser(username = "cudan", roles = "resident")
	void residentsAreNotOfferedIt() {
		navigate(PlansView.class);

		assertThat(find(Button.class).withId("plans-coverage").exists()).isFalse();
	}

	private List<Call> calls() {
		return this.backend.apiCalls().stream().filter((call) -> call.runs("reformCoverage")).toList();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

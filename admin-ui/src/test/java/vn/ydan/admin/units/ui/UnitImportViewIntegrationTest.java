package vn.ydan.admin.units.ui;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.api.RowError;
import vn.ydan.admin.home.ui.HomeView;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser(username = "quantri", givenName = "An", familyName = "Nguyễn Văn", roles = "admin")
class UnitImportViewIntegrationTest extends SpringBrowserlessTest {

	private static final String PROVINCES_CSV = """
			\uFEFFcode,name,full_name,type
			01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương
			02,Hà Giang,Tỉnh Hà Giang,tỉnh
			""";

	private static final String IMPORTED = """
			{"data":{"importUnits":{"rows":2,"created":1,"updated":0,"unchanged":1,"durationMs":1250,"errors":[]}}}""";

	private static final String REJECTED = """
			{"data":{"importUnits":{"rows":2,"created":0,"updated":0,"unchanged":0,"durationMs":40,"errors":[
			  {"line":3,"column":"type","message":"Loại đơn vị \\"tỉnh lỵ\\" không có trong danh mục.","code":"UNKNOWN_TYPE"},
			  {"line":4,"column":null,"message":"Mã 02 trùng với dòng 3.","code":"DUPLICATE_CODE"}]}}}""";

	private static final String FORBIDDEN = """
			{"errors":[{"message":"Forbidden","path":["importUnits"],"extensions":{"code":"FORBIDDEN"}}],"data":null}""";

	private final FakeBackend backend = FakeBackend.shared();

	/** Holds the api's answer until the test has seen the import running. */
	private final CountDownLatch release = new CountDownLatch(1);

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedInAsAdmin() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-admin",
				Instant.now().plusSeconds(300), "refresh-1");
		answer(IMPORTED);
	}

	@AfterEach
	void releaseTheApi() {
		this.release.countDown();
	}

	@Test
	@SuppressWarnings("unchecked")
	void importsAnUploadedFileInTheBackgroundAndShowsTheSummary() {
		navigate(UnitImportView.class);
		test(find(Select.class).id("units-import-kind")).selectItem("Tỉnh, thành phố trực thuộc trung ương");
		upload("provinces.csv", PROVINCES_CSV.getBytes(StandardCharsets.UTF_8));
		assertThat(text("units-import-file")).startsWith("Tệp đã tải lên: provinces.csv");

		test(find(Button.class).id("units-import-start")).click();

		// The api has not answered yet: the page shows that it works on it.
		assertThat(find(ProgressBar.class).id("units-import-progress").isIndeterminate()).isTrue();
		assertThat(find(Button.class).id("units-import-start").isEnabled()).isFalse();
		this.release.countDown();
		awaitResult();

		assertThat(find(ProgressBar.class).withId("units-import-progress").exists()).isFalse();
		assertThat(text("units-import-done")).isEqualTo("Đã nhập xong.");
		assertThat(text("units-import-rows")).isEqualTo("2");
		assertThat(text("units-import-created")).isEqualTo("1");
		assertThat(text("units-import-updated")).isEqualTo("0");
		assertThat(text("units-import-unchanged")).isEqualTo("1");
		assertThat(text("units-import-duration")).isEqualTo("1,25 giây");
		assertThat(imports()).singleElement().satisfies((call) -> {
			// Taken on the request thread, sent from the background one.
			assertThat(call.authorization()).isEqualTo("Bearer access-admin");
			assertThat((Map<String, Object>) call.variables().get("input"))
				.isEqualTo(Map.of("kind", "PROVINCES", "csv", PROVINCES_CSV.substring(1), "dryRun", false));
		});
	}

	@Test
	void aDryRunSaysThatNothingWasWritten() {
		navigate(UnitImportView.class);
		this.release.countDown();
		test(find(Select.class).id("units-import-kind")).selectItem("Phường, xã, thị trấn");
		test(find(Checkbox.class).id("units-import-dry-run")).click();
		upload("communes.csv", PROVINCES_CSV.getBytes(StandardCharsets.UTF_8));
		test(find(Button.class).id("units-import-start")).click();
		awaitResult();

		assertThat(text("units-import-done")).isEqualTo("Chạy thử xong: tệp hợp lệ. Chưa có dữ liệu nào được ghi.");
		assertThat(imports()).singleElement()
			.satisfies((call) -> assertThat(call.variables().get("input").toString()).contains("dryRun=true",
					"kind=COMMUNES"));
	}

	@Test
	void aRejectedFileListsTheRowsThatAreWrong() {
		navigate(UnitImportView.class);
		answer(REJECTED);
		this.release.countDown();
		test(find(Select.class).id("units-import-kind")).selectItem("Tỉnh, thành phố trực thuộc trung ương");
		upload("provinces.csv", PROVINCES_CSV.getBytes(StandardCharsets.UTF_8));
		test(find(Button.class).id("units-import-start")).click();
		awaitResult();

		assertThat(text("units-import-rejected"))
			.isEqualTo("Tệp bị từ chối vì có 2 lỗi. Không có dữ liệu nào được ghi; hãy sửa tệp rồi nhập lại.");
		assertThat(find(Component.class).withId("units-import-summary").exists()).isFalse();
		@SuppressWarnings("unchecked")
		GridTester<Grid<RowError>, RowError> errors = test(find(Grid.class).id("units-import-errors"));
		assertThat(errors.size()).isEqualTo(2);
		assertThat(errors.getHeaderCell(0)).isEqualTo("Dòng");
		assertThat(errors.getCellText(0, 0)).isEqualTo("3");
		assertThat(errors.getCellText(0, 1)).isEqualTo("type");
		assertThat(errors.getCellText(0, 2)).isEqualTo("Loại đơn vị \"tỉnh lỵ\" không có trong danh mục.");
		assertThat(errors.getCellText(1, 1)).isEmpty();
	}

	@Test
	void theApiRefusingTheImportIsShownAsSuch() {
		navigate(UnitImportView.class);
		answer(FORBIDDEN);
		this.release.countDown();
		test(find(Select.class).id("units-import-kind")).selectItem("Tỉnh, thành phố trực thuộc trung ương");
		upload("provinces.csv", PROVINCES_CSV.getBytes(StandardCharsets.UTF_8));
		test(find(Button.class).id("units-import-start")).click();
		awaitResult();

		assertThat(text("units-import-error")).isEqualTo("Bạn không có quyền xem nội dung này.");
	}

	@Test
	void asksForTheKindAndTheFileBeforeStarting() {
		navigate(UnitImportView.class);
		test(find(Button.class).id("units-import-start")).click();

		assertThat(find(Select.class).id("units-import-kind").getErrorMessage())
			.isEqualTo("Vui lòng chọn loại dữ liệu của tệp.");
		assertThat(text("units-import-file-error")).isEqualTo("Vui lòng tải lên một tệp CSV.");
		assertThat(imports()).isEmpty();
	}

	@Test
	void refusesFilesThatAreNotCsv() {
		navigate(UnitImportView.class);
		upload("units.xlsx", new byte[] { 'P', 'K', 3, 4 });

		assertThat(text("units-import-file-error")).isEqualTo("Chỉ nhận tệp CSV (đuôi .csv).");
		assertThat(find(Component.class).withId("units-import-file").exists()).isFalse();
	}

	@Test
	void refusesFilesOverTheLimit() {
		navigate(UnitImportView.class);
		upload("big.csv", new byte[UnitImportView.MAX_BYTES + 1]);

		assertThat(text("units-import-file-error")).isEqualTo("Tệp quá lớn: tối đa 20 MB.");
		assertThat(find(Component.class).withId("units-import-file").exists()).isFalse();
	}

	@Test
	void refusesFilesThatAreNotUtf8() {
		navigate(UnitImportView.class);
		// "Hà Nội" in Windows-1258, as an old spreadsheet might save it.
		upload("provinces.csv", new byte[] { 'H', (byte) 0xE0, ' ', 'N', (byte) 0xF4, (byte) 0xF2, 'i' });

		assertThat(text("units-import-file-error"))
			.isEqualTo("Tệp không phải văn bản mã hóa UTF-8. Hãy lưu lại tệp dưới dạng “CSV UTF-8” rồi tải lên lại.");
		test(find(Select.class).id("units-import-kind")).selectItem("Tỉnh, thành phố trực thuộc trung ương");
		test(find(Button.class).id("units-import-start")).click();
		assertThat(imports()).isEmpty();
	}

	@Test
	void theNavigationOffersTheImportToAdmins() {
		navigate(UnitImportView.class);
		assertThat(find(SideNavItem.class).id("nav-units-import").getLabel()).isEqualTo("Nhập dữ liệu đơn vị");
	}

	@Test
	@WithKeycloakUser(username = "canbo", roles = "official")
	void theNavigationDoesNotOfferTheImportToOfficials() {
		navigate(HomeView.class);

		assertThat(find(SideNavItem.class).id("nav-units").getLabel()).isEqualTo("Đơn vị hành chính");
		assertThat(find(SideNavItem.class).withId("nav-units-import").exists()).isFalse();

		UI.getCurrent().navigate(UnitImportView.class);

		assertThat(getCurrentView()).isNotInstanceOf(UnitImportView.class);
	}

	private void answer(String body) {
		this.backend.answerApi((call) -> {
			if (call.runs("importUnits")) {
				try {
					this.release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return body.contains("FORBIDDEN") ? Reply.graphQl(200, body) : Reply.json(200, body);
			}
			return Reply.json(200, "{\"data\":null}");
		});
	}

	private void upload(String name, byte[] bytes) {
		test(find(Upload.class).id("units-import-upload")).upload(name, "text/csv", bytes);
	}

	/**
	 * The import ends on another thread; its result reaches the page on a later round
	 * trip.
	 */
	private void awaitResult() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!find(Component.class).withId("units-import-result").exists()
				|| find(Component.class).id("units-import-result").getChildren().findAny().isEmpty()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("The import did not end within 10 s");
			}
			roundTrip();
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private List<Call> imports() {
		return this.backend.apiCalls().stream().filter((call) -> call.runs("importUnits")).toList();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

package vn.ydan.admin.audit.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.audit.AuditEntry;
import vn.ydan.admin.home.ui.HomeView;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser(username = "quantri", givenName = "An", familyName = "Nguyễn Văn", roles = "admin")
class AuditViewIntegrationTest extends SpringBrowserlessTest {

	private static final String ENTRY = """
			{"seq":%d,"at":"2025-04-18T07:03:05Z","actor":"canbo","displayName":"Trần Thị Bình","roles":["official"],
			 "clientId":"ydan-console","requestId":"req-%d","kind":"mutation:updateUnit","unitIds":["VW5pdDpDT01NVU5FOjAwMDA0"],
			 "summary":null,"input":"{\\"input\\": {\\"households\\": 4100}}","before":null,"after":null,
			 "outcome":"%s","codes":%s,"hash":"%s"}""";

	private static final String FIRST_PAGE = """
			{"data":{"auditEntries":{"edges":[{"node":%s},{"node":%s}],"pageInfo":{"hasNextPage":true,"endCursor":"c2"}}}}"""
		.formatted(ENTRY.formatted(12, 12, "OK", "[]", "a".repeat(64)),
				ENTRY.formatted(11, 11, "DENIED", "[\"FORBIDDEN\"]", "b".repeat(64)));

	private static final String SECOND_PAGE = """
			{"data":{"auditEntries":{"edges":[{"node":%s}],"pageInfo":{"hasNextPage":false,"endCursor":"c3"}}}}"""
		.formatted(ENTRY.formatted(10, 10, "USER_ERRORS", "[\"NAME_EMPTY\"]", "c".repeat(64)));

	private static final String CSV = "\uFEFFSTT,Tài khoản\r\n12,\"Trần Thị Bình, \"\"canbo\"\"\"\r\n";

	private final FakeBackend backend = FakeBackend.shared();

	private String verification = """
			{"data":{"verifyAuditLog":{"entries":1234,"verified":true,"firstBrokenSeq":null,"reason":null,
			 "durationMs":850,"headSeq":1234,"headHash":"%s"}}}""".formatted("d".repeat(64));

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedInAsAdmin() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-admin",
				Instant.now().plusSeconds(300), "refresh-1");
		this.backend.answerApi(this::answer);
	}

	@Test
	@SuppressWarnings("unchecked")
	void showsTheNewestEntriesAndOlderOnesOnRequest() {
		navigate(AuditView.class);

		Grid<AuditEntry> grid = find(Grid.class).id("audit-grid");
		assertThat(calls("auditEntries")).hasSize(1);
		assertThat(test(grid).size()).isEqualTo(2);
		assertThat(test(grid).getCellText(0, 2)).isEqualTo("Trần Thị Bình (canbo)");
		assertThat(test(grid).getCellText(0, 1)).isEqualTo("18/04/2025 14:03:05");
		assertThat(test(grid).getCellText(1, 4)).isEqualTo("Không được phép (FORBIDDEN)");

		test(find(Button.class).id("audit-more")).click();

		assertThat(test(grid).size()).isEqualTo(3);
		assertThat(find(Button.class).withId("audit-more").exists()).isFalse();
		assertThat(calls("auditEntries").get(1).variables()).containsEntry("after", "c2");
		assertThat(calls("auditEntries"))
			.allSatisfy((call) -> assertThat(call.authorization()).isEqualTo("Bearer access-admin"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void filtersGoToTheApiWithTheUnitFoundByItsCode() {
		navigate(AuditView.class);

		test(find(TextField.class).id("audit-actor")).setValue("canbo");
		test(find(TextField.class).id("audit-unit")).setValue("00004");
		test(find(ComboBox.class).id("audit-kind")).selectItem("mutation:updateUnit");
		test(find(DatePicker.class).id("audit-from")).setValue(LocalDate.of(2025, 4, 18));
		test(find(DatePicker.class).id("audit-to")).setValue(LocalDate.of(2025, 4, 20));

		List<Call> calls = calls("auditEntries");
		assertThat((Map<String, Object>) calls.get(calls.size() - 1).variables().get("filter"))
			.isEqualTo(Map.of("actor", "canbo", "unitId", "VW5pdDpDT01NVU5FOjAwMDA0", "kind", "mutation:updateUnit",
					"from", "2025-04-18", "to", "2025-04-20"));
		assertThat(find(TextField.class).id("audit-unit").getHelperText()).isEqualTo("Phường Trúc Bạch");
	}

	@Test
	void anUnknownUnitCodeIsSaidAndNothingIsAsked() {
		navigate(AuditView.class);
		int before = calls("auditEntries").size();

		test(find(TextField.class).id("audit-unit")).setValue("99999");

		assertThat(find(TextField.class).id("audit-unit").isInvalid()).isTrue();
		assertThat(find(TextField.class).id("audit-unit").getErrorMessage())
			.isEqualTo("Không có đơn vị nào mang mã 99999");
		assertThat(calls("auditEntries")).hasSize(before);
	}

	@Test
	void verificationSaysTheLogIsIntact() {
		navigate(AuditView.class);

		test(find(Button.class).id("audit-verify")).click();

		assertThat(text("audit-verification-result"))
			.startsWith("Nhật ký toàn vẹn: đã kiểm tra 1.234 mục trong 0,85 giây.")
			.contains("Mục cuối: số 1.234, mã băm " + "d".repeat(64));
	}

	@Test
	void verificationSaysWhereTheLogWasTamperedWith() {
		this.verification = """
				{"data":{"verifyAuditLog":{"entries":6,"verified":false,"firstBrokenSeq":7,
				 "reason":"Mục 7 đã bị sửa trong kho: nội dung không khớp mã băm của nó.","durationMs":12,"headSeq":6,
				 "headHash":"%s"}}}""".formatted("e".repeat(64));
		navigate(AuditView.class);

		test(find(Button.class).id("audit-verify")).click();

		assertThat(text("audit-verification-result")).isEqualTo(
				"Nhật ký đã bị can thiệp từ mục số 7: Mục 7 đã bị sửa trong kho: nội dung không khớp mã băm của nó. (6 mục đầu tiên nguyên vẹn.)");
	}

	@Test
	void csvIsStreamedFromTheApisDownloadWithTheUsersTokenAndTheFilterOnlyWhenFollowed() throws IOException {
		this.backend.answerExports((path) -> path.equals("/exports/audit/entries.csv")
				? new Reply(200, "text/csv;charset=UTF-8", CSV) : Reply.json(404, "{}"));
		navigate(AuditView.class);
		test(find(TextField.class).id("audit-actor")).setValue("canbo nữ");

		test(find(Button.class).id("audit-csv")).click();

		assertThat(text("audit-csv-download")).startsWith("Tải tệp nhat-ky-kiem-toan-");
		assertThat(this.backend.exportCalls()).as("nothing fetched before the link is followed").isEmpty();
		DownloadResponse file = ((AuditView) getCurrentView()).followCsv();
		assertThat(file.getFileName()).matches("nhat-ky-kiem-toan-\\d{4}-\\d{2}-\\d{2}\\.csv");
		assertThat(file.getContentType()).isEqualTo("text/csv; charset=UTF-8");
		byte[] bytes;
		try (InputStream content = file.getInputStream()) {
			bytes = content.readAllBytes();
		}
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(CSV);
		assertThat(this.backend.exportCalls()).singleElement().satisfies((call) -> {
			assertThat(call.body()).isEqualTo("/exports/audit/entries.csv?limit=100000&actor=canbo+n%E1%BB%AF");
			assertThat(call.authorization()).isEqualTo("Bearer access-admin");
		});
		assertThat(this.backend.apiCalls()).noneMatch((call) -> call.body().contains("auditEntriesCsv"));
	}

	@Test
	void whenTheApiRefusesTheDownloadTheBrowserGetsAnError() {
		this.backend.answerExports((path) -> new Reply(403, "text/plain;charset=UTF-8", "Chỉ quản trị viên"));
		navigate(AuditView.class);
		test(find(Button.class).id("audit-csv")).click();

		DownloadResponse file = ((AuditView) getCurrentView()).followCsv();

		assertThat(file.getError()).isEqualTo(502);
		assertThat(file.getInputStream()).isNull();
	}

	@Test
	void whenTheApiRefusesTheViewSaysSo() {
		this.backend.answerApi((call) -> Reply.json(200,
				"""
						{"errors":[{"message":"Forbidden","path":["auditEntries"],"extensions":{"code":"FORBIDDEN"}}],"data":null}"""));

		navigate(AuditView.class);

		assertThat(text("audit-error")).isEqualTo("Bạn không có quyền xem nội dung này.");
	}

	@Test
	@WithKeycloakUser(roles = "official")
	void theNavigationDoesNotOfferTheLogToOfficials() {
		navigate(HomeView.class);

		assertThat(find(SideNavItem.class).withId("nav-audit").exists()).isFalse();
		UI.getCurrent().navigate(AuditView.class);
		assertThat(getCurrentView()).isNotInstanceOf(AuditView.class);
	}

	@Test
	void theNavigationOffersTheLogToAdmins() {
		navigate(HomeView.class);

		assertThat(find(SideNavItem.class).id("nav-audit").getLabel()).isEqualTo("Nhật ký kiểm toán");
	}

	private Reply answer(Call call) {
		if (call.runs("auditUnitName")) {
			return Reply.json(200, "{\"data\":{\"unit\":{\"fullName\":\"Phường Trúc Bạch\"}}}");
		}
		if (call.runs("auditEntries")) {
			return Reply.json(200, (call.variables().get("after") != null) ? SECOND_PAGE : FIRST_PAGE);
		}
		if (call.runs("auditKinds")) {
			return Reply.json(200,
					"""
							{"data":{"auditKinds":["mutation:addResidentialGroup","mutation:importUnits","mutation:updateUnit"]}}""");
		}
		if (call.runs("auditUnit")) {
			return Reply.json(200, "00004".equals(call.variables().get("code"))
					? "{\"data\":{\"unitByCode\":{\"id\":\"VW5pdDpDT01NVU5FOjAwMDA0\",\"fullName\":\"Phường Trúc Bạch\"}}}"
					: "{\"data\":{\"unitByCode\":null}}");
		}
		if (call.runs("verifyAuditLog")) {
			return Reply.json(200, this.verification);
		}
		return Reply.json(200, "{\"data\":null}");
	}

	private List<Call> calls(String operation) {
		return this.backend.apiCalls().stream().filter((call) -> call.runs(operation)).toList();
	}

	private String text(String id) {
		return find(Component.class).id(id).getElement().getTextRecursively();
	}

}

package vn.ydan.admin.units.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officials and admins change a unit and add residential groups; the form checks in
 * Vietnamese first, and the api's refusals are shown where they belong.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class UnitEditIntegrationTest extends SpringBrowserlessTest {

	private final FakeBackend backend = FakeBackend.shared();

	/** What the api answers to the mutations; the unit's page is always there. */
	private final List<String> mutationAnswers = new CopyOnWriteArrayList<>();

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void onTheUnitsPage() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-1", Instant.now().plusSeconds(300),
				"refresh-1");
		this.backend.answerApi((call) -> {
			if (call.runs("updateUnit") || call.runs("addResidentialGroup")) {
				String answer = this.mutationAnswers.isEmpty() ? "{\"data\":null}" : this.mutationAnswers.get(0);
				return answer.contains("FORBIDDEN") ? Reply.graphQl(200, answer) : Reply.json(200, answer);
			}
			if (call.runs("unitChildren")) {
				return Reply.json(200, CannedUnits.NO_CHILDREN);
			}
			return Reply.json(200, CannedUnits.PHUONG_HOAN_KIEM);
		});
		UI.getCurrent()
			.navigate(UnitView.class, new RouteParameters("id", "unit-p-hoan-kiem"), QueryParameters.empty());
	}

	@Test
	void theFormChecksInVietnameseBeforeAskingTheApi() {
		test(find(Button.class).id("unit-edit")).click();
		TextField name = find(TextField.class).id("unit-edit-name");
		assertThat(name.getValue()).isEqualTo("Hoàn Kiếm");

		test(name).setValue("");
		test(find(TextField.class).id("unit-edit-full-name")).setValue("P".repeat(101));
		IntegerField households = find(IntegerField.class).id("unit-edit-households");
		households.setValue(-1);
		save();

		assertThat(name.isInvalid()).isTrue();
		assertThat(name.getErrorMessage()).isEqualTo("Vui lòng nhập tên.");
		assertThat(find(TextField.class).id("unit-edit-full-name").getErrorMessage())
			.isEqualTo("Tên đầy đủ không được dài quá 100 ký tự.");
		assertThat(households.getErrorMessage()).isEqualTo("Số hộ phải là số nguyên không âm.");

		test(name).setValue("H".repeat(101));
		save();
		assertThat(name.getErrorMessage()).isEqualTo("Tên không được dài quá 100 ký tự.");
		assertThat(mutations()).isEmpty();
		assertThat(find(Dialog.class).id("unit-edit-dialog").isOpened()).isTrue();
	}

	@Test
	void savesTheChangesAndShowsTheUnitAgain() {
		this.mutationAnswers.add(CannedUnits.UPDATED);
		test(find(Button.class).id("unit-edit")).click();
		test(find(IntegerField.class).id("unit-edit-households")).setValue(10300);
		save();

		assertThat(mutations()).singleElement().satisfies((call) -> {
			assertThat(call.runs("updateUnit")).isTrue();
			assertThat(call.authorization()).isEqualTo("Bearer access-1");
			assertThat(input(call)).containsEntry("id", "unit-p-hoan-kiem")
				.containsEntry("name", "Hoàn Kiếm")
				.containsEntry("fullName", "Phường Hoàn Kiếm")
				.containsEntry("households", 10300)
				.containsEntry("population", 35000)
				// The version the form was filled on: the api refuses the change if the
				// unit
				// changed since.
				.containsEntry("expectedVersion", 3);
		});
		assertThat(find(Dialog.class).withId("unit-edit-dialog").exists()).isFalse();
		assertThat(find(Notification.class).id("unit-saved").getElement().getProperty("text"))
			.isEqualTo("Đã lưu thay đổi.");
		assertThat(this.backend.apiCalls()).filteredOn((call) -> call.runs("unit")).hasSize(2);
	}

	@Test
	void theApisReasonsAppearUnderTheFieldTheyAreAbout() {
		this.mutationAnswers.add(CannedUnits.userErrors("updateUnit",
				CannedUnits.userError("name", "Tên \\\"Hoàn Kiếm\\\" đã có đơn vị cùng cấp dùng.", "DUPLICATE_NAME"),
				CannedUnits.userError(null, "Đơn vị đã hết hiệu lực, không sửa được.", "UNIT_ENDED")));
		test(find(Button.class).id("unit-edit")).click();
		save();

		TextField name = find(TextField.class).id("unit-edit-name");
		assertThat(name.isInvalid()).isTrue();
		assertThat(name.getErrorMessage()).isEqualTo("Tên \"Hoàn Kiếm\" đã có đơn vị cùng cấp dùng.");
		assertThat(find(Span.class).id("unit-edit-error").getText())
			.isEqualTo("Đơn vị đã hết hiệu lực, không sửa được.");
		assertThat(find(Dialog.class).id("unit-edit-dialog").isOpened()).isTrue();
	}

	@Test
	void aConflictSaysThatSomeoneElseChangedTheUnit() {
		this.mutationAnswers.add(CannedUnits.userErrors("updateUnit",
				CannedUnits.userError(null, "Phiên bản không khớp.", "VERSION_CONFLICT")));
		test(find(Button.class).id("unit-edit")).click();
		save();

		assertThat(find(Span.class).id("unit-edit-error").getText()).isEqualTo(
				"Đơn vị này vừa được người khác sửa. Hãy đóng hộp thoại, tải lại trang để xem dữ liệu mới rồi sửa lại.");
	}

	@Test
	void aRefusalOfTheApiSaysTheUnitIsOutsideTheUsersScope() {
		this.mutationAnswers.add(CannedUnits.FORBIDDEN_UPDATE);
		test(find(Button.class).id("unit-edit")).click();
		save();

		assertThat(find(Span.class).id("unit-edit-error").getText())
			.isEqualTo("Bạn không có quyền sửa đơn vị này: đơn vị nằm ngoài phạm vi được giao cho bạn.");
		assertThat(find(Dialog.class).id("unit-edit-dialog").isOpened()).isTrue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void addsAResidentialGroupWithItsHouseholdsToACommune() {
		this.mutationAnswers.add(CannedUnits.GROUP_ADDED);
		test(find(Button.class).id("unit-add-group")).click();

		test(find(Button.class).id("unit-group-save")).click();
		assertThat(find(TextField.class).id("unit-group-name").getErrorMessage()).isEqualTo("Vui lòng nhập tên.");
		assertThat(find(Select.class).id("unit-group-type").getErrorMessage()).isEqualTo("Vui lòng chọn loại.");
		assertThat(find(IntegerField.class).id("unit-group-households").getErrorMessage())
			.isEqualTo("Vui lòng nhập số hộ.");
		assertThat(mutations()).isEmpty();

		test(find(TextField.class).id("unit-group-name")).setValue("Tổ dân phố số 5");
		test(find(Select.class).id("unit-group-type")).selectItem("Tổ dân phố");
		test(find(IntegerField.class).id("unit-group-households")).setValue(120);
		test(find(Button.class).id("unit-group-save")).click();

		assertThat(mutations()).singleElement().satisfies((call) -> {
			assertThat(call.runs("addResidentialGroup")).isTrue();
			assertThat(input(call)).isEqualTo(Map.of("communeId", "unit-p-hoan-kiem", "name", "Tổ dân phố số 5", "type",
					"TO_DAN_PHO", "households", 120));
		});
		assertThat(find(Dialog.class).withId("unit-group-dialog").exists()).isFalse();
		assertThat(find(Notification.class).id("unit-saved").getElement().getProperty("text"))
			.isEqualTo("Đã thêm tổ dân phố, thôn.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theApisReasonAboutTheHouseholdsAppearsUnderThem() {
		this.mutationAnswers.add(CannedUnits.userErrors("addResidentialGroup",
				CannedUnits.userError("households", "Số hộ vượt quá số hộ của phường.", "HOUSEHOLDS_EXCEED_COMMUNE")));
		test(find(Button.class).id("unit-add-group")).click();
		test(find(TextField.class).id("unit-group-name")).setValue("Thôn Đông");
		test(find(Select.class).id("unit-group-type")).selectItem("Thôn");
		test(find(IntegerField.class).id("unit-group-households")).setValue(99999);
		test(find(Button.class).id("unit-group-save")).click();

		IntegerField households = find(IntegerField.class).id("unit-group-households");
		assertThat(households.isInvalid()).isTrue();
		assertThat(households.getErrorMessage()).isEqualTo("Số hộ vượt quá số hộ của phường.");
	}

	private void save() {
		test(find(Button.class).id("unit-edit-save")).click();
	}

	private List<Call> mutations() {
		return this.backend.apiCalls()
			.stream()
			.filter((call) -> call.runs("updateUnit") || call.runs("addResidentialGroup"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> input(Call call) {
		return (Map<String, Object>) call.variables().get("input");
	}

}

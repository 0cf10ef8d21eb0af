package vn.ydan.admin.consultations.ui;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import vn.ydan.admin.consultations.HouseholdStatus;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ydan.admin.consultations.ui.CannedConsultations.GROUP_1;
import static vn.ydan.admin.consultations.ui.CannedConsultations.ID;

/**
 * The household register against the fake api: a CSV import (all or nothing, line errors
 * listed) and the printable list of a group with the households that answered online
 * marked.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class HouseholdsViewIntegrationTest extends SpringBrowserlessTest {

	private static final String CSV = "\uFEFFcommune_code,group_code,group_name,household_id\n00001,1,,H-1\n";

	private final FakeBackend backend = FakeBackend.shared();

	private String importAnswer = """
			{"data":{"importHouseholds":{"rows":1,"households":1,"durationMs":12,"errors":[]}}}""";

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void signedIn() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-canbo",
				Instant.now().plusSeconds(300), "refresh-1");
		this.backend.answerApi(this::answer);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theListOfAGroupMarksTheHouseholdsThatAnsweredOnline() {
		navigate("consultations/" + ID + "/households", HouseholdsView.class);

		Grid<HouseholdStatus> list = find(Grid.class).id("households-list");
		assertThat(test(list).size()).isEqualTo(3);
		assertThat(test(list).getCellText(0, 0)).isEqualTo("H-1");
		assertThat(test(list).getCellText(1, 1)).isEqualTo("✔ Trực tuyến");
		assertThat(test(list).getCellText(0, 1)).isEmpty();
		assertThat(text("households-list-summary"))
			.isEqualTo("Tổ dân phố 1: 3 hộ · 1 hộ đã trả lời trực tuyến · 2 hộ cần phát phiếu");
		assertThat(calls("consultationHouseholds")).singleElement()
			.satisfies((call) -> assertThat(call.variables()).containsEntry("groupId", GROUP_1));
		assertThat(text("households-frozen")).startsWith("Đợt đã mở");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anUploadedRegisterGoesToTheApiWithoutItsByteOrderMark() {
		navigate("consultations/" + ID + "/households", HouseholdsView.class);

		test(find(Upload.class).id("households-upload")).upload("ho.csv", "text/csv",
				CSV.getBytes(StandardCharsets.UTF_8));
		test(find(Button.class).id("households-import-start")).click();

		Map<String, Object> input = (Map<String, Object>) calls("importHouseholds").get(0).variables().get("input");
		assertThat(input).containsEntry("csv", CSV.substring(1)).containsEntry("asOf", "2025-04-18");
		assertThat(text("households-import-summary")).isEqualTo("Đã ghi 1 hộ (1 dòng) trong 12 ms.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRejectedFileListsItsLineErrors() {
		this.importAnswer = """
				{"data":{"importHouseholds":{"rows":2,"households":0,"durationMs":3,"errors":[
				 {"line":3,"column":"group_code","message":"Không có tổ mã 9 trong Phường Phúc Xá","code":"GROUP_UNKNOWN"}]}}}""";
		navigate("consultations/" + ID + "/households", HouseholdsView.class);

		test(find(Upload.class).id("households-upload")).upload("ho.csv", "text/csv",
				CSV.getBytes(StandardCharsets.UTF_8));
		test(find(Button.class).id("households-import-start")).click();

		assertThat(text("households-import-summary")).isEqualTo("Không ghi gì: 2 dòng, 1 lỗi.");
		Grid<Object> errors = find(Grid.class).id("households-import-errors");
		assertThat(test(errors).getCellText(0, 0)).isEqualTo("3");
		assertThat(test(errors).getCellText(0, 3)).isEqualTo("GROUP_UNKNOWN");
	}

	@Test
	@WithKeycloakUser(username = "thuky", givenName = "Cường", familyName = "Lê Văn", roles = "clerk")
	void clerksPrintListsButDoNotImport() {
		navigate("consultations/" + ID + "/households", HouseholdsView.class);

		assertThat(find(Upload.class).withId("households-upload").exists()).isFalse();
		assertThat(find(Grid.class).withId("households-list").exists()).isTrue();
	}

	private Reply answer(Call call) {
		if (call.runs("consultationHouseholds")) {
			return Reply.json(200, """
					{"data":{"consultation":{"households":[{"householdId":"H-1","answeredOnline":false},
					 {"householdId":"H-2","answeredOnline":true},{"householdId":"H-10","answeredOnline":false}]}}}""");
		}
		if (call.runs("consultationGroups")) {
			return Reply.json(200, CannedConsultations.groups());
		}
		if (call.runs("consultationTallies")) {
			return Reply.json(200, "{\"data\":{\"consultation\":{\"tallies\":[]}}}");
		}
		if (call.runs("consultation")) {
			return Reply.json(200, CannedConsultations.consultation("OPEN"));
		}
		if (call.runs("importHouseholds")) {
			return Reply.json(200, this.importAnswer);
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

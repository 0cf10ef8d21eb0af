package vn.ydan.admin.communities.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.ydan.admin.layout.EChart;
import vn.ydan.admin.communities.CommuneTeams;
import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Call;
import vn.ydan.admin.support.FakeBackend.Reply;
import vn.ydan.admin.support.TokensInSession;
import vn.ydan.admin.support.WithKeycloakUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commune's groups and teams in the console: the figures and flags as the api gives
 * them, a team formed through the form (what is sent), the api's refusal shown, and the
 * export without members.
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class CommunityTeamsViewIntegrationTest extends SpringBrowserlessTest {

	static final String GROUPS = """
			{"data":{"unit":{"id":"c1","code":"00004","fullName":"Phường Trúc Bạch","communityTeams":[
			 {"group":{"id":"g1","code":"1","name":"Tổ dân phố 1","households":120},"flags":["NO_SECURITY_TEAM"],"teams":[]},
			 {"group":{"id":"g2","code":"2","name":"Tổ dân phố 2","households":80},"flags":[],"teams":[
			   {"id":"t2","kind":"SECURITY_AND_ORDER","established":true,"belowMinimum":false,"minimumMembers":3,
			    "memberCount":3,"version":1,"decision":{"number":"12/QĐ-UBND","date":"2024-08-01","signer":"Phạm Văn Chủ Tịch"}}]}]}}}
			""";

	static final String STATS = """
			{"data":{"communityTeamStats":{"groups":2,"groupsWithTeam":1,"groupsWithoutTeam":1,"members":3,
			 "teamsBelowMinimum":0,"membersAtMinimum":6,"yearlyCost":41370000}}}
			""";

	private final FakeBackend backend = FakeBackend.shared();

	private final List<String> saveAnswers = new CopyOnWriteArrayList<>();

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private OAuth2AuthorizedClientRepository authorizedClients;

	@BeforeEach
	void onTheCommunesTeams() {
		this.backend.reset();
		TokensInSession.store(this.registrations, this.authorizedClients, "access-1", Instant.now().plusSeconds(300),
				"refresh-1");
		this.backend.answerApi((call) -> {
			if (call.runs("saveCommunityTeam")) {
				return Reply.json(200, this.saveAnswers.remove(0));
			}
			if (call.runs("communityTeamStats")) {
				return Reply.json(200, STATS);
			}
			return Reply.json(200, GROUPS);
		});
		UI.getCurrent().navigate(CommunityTeamsView.class, new RouteParameters("id", "c1"), QueryParameters.empty());
	}

	@Test
	void showsTheFiguresTheGroupsAndTheirFlagsInVietnamese() {
		assertThat(find(H2.class).id("communities-title").getText())
			.isEqualTo("Tổ bảo vệ an ninh, trật tự và tổ tự quản — Phường Trúc Bạch");
		assertThat(find(Button.class).id("communities-team-1-security_and_order").getText()).isEqualTo("Lập tổ");
		assertThat(find(Button.class).id("communities-team-2-security_and_order").getText())
			.isEqualTo("Đã thành lập · 3 người");
	}

	@Test
	void theFiguresAreChartedWithTheirTextForScreenReaders() {
		EChart groups = find(EChart.class).id("communities-chart-groups");
		assertThat(groups.option())
			.contains("\"data\":[\"Có tổ đã thành lập\",\"Chưa có tổ\",\"Tổ dưới số tối thiểu\"]")
			.contains("{\"value\":1,")
			.contains("{\"value\":0,");
		assertThat(find(Span.class).id("communities-chart-groups-text").getText())
			.isEqualTo("1 tổ dân phố, thôn có tổ bảo vệ đã thành lập, 1 chưa có, 0 tổ dưới số tối thiểu.");
		EChart members = find(EChart.class).id("communities-chart-members");
		assertThat(members.option()).contains("{\"value\":3,").contains("{\"value\":6,");
		assertThat(find(Span.class).id("communities-chart-members-text").getText())
			.isEqualTo("3 thành viên; luật đòi ít nhất 6.");
	}

	@Test
	void aTeamFormedInTheFormIsSentWholeAndARefusalIsShown() {
		this.saveAnswers.add("""
				{"data":{"saveCommunityTeam":{"team":null,"userErrors":[{"field":["input","established"],
				 "message":"tổ bảo vệ an ninh, trật tự có 1 thành viên, cần ít nhất 3 mới được ghi là đã thành lập",
				 "code":"TEAM_BELOW_MINIMUM"}]}}}
				""");
		this.saveAnswers
			.add("{\"data\":{\"saveCommunityTeam\":{\"team\":{\"id\":\"t1\",\"version\":1},\"userErrors\":[]}}}");
		test(find(Button.class).id("communities-team-1-security_and_order")).click();
		test(find(TextField.class).id("team-decision-number")).setValue("15/QĐ-UBND");
		find(DatePicker.class).id("team-decision-date").setValue(java.time.LocalDate.of(2024, 9, 2));
		test(find(TextField.class).id("team-decision-signer")).setValue("Phạm Văn Chủ Tịch");
		find(Checkbox.class).id("team-established").setValue(true);
		test(find(TextField.class).id("team-member-name-1")).setValue("Nguyễn Văn An");
		find(IntegerField.class).id("team-member-year-1").setValue(1970);

		test(find(Button.class).id("team-save")).click();
		assertThat(find(Span.class).id("team-error").getText()).contains("cần ít nhất 3");

		test(find(Button.class).id("team-member-add")).click();
		test(find(TextField.class).id("team-member-name-2")).setValue("Trần Thị Bình");
		find(IntegerField.class).id("team-member-year-2").setValue(1975);
		test(find(Button.class).id("team-member-add")).click();
		test(find(TextField.class).id("team-member-name-3")).setValue("Lê Văn Cường");
		find(IntegerField.class).id("team-member-year-3").setValue(1980);
		test(find(Button.class).id("team-save")).click();

		List<Call> saves = this.backend.apiCalls().stream().filter((call) -> call.runs("saveCommunityTeam")).toList();
		assertThat(saves).hasSize(2);
		@SuppressWarnings("unchecked")
		Map<String, Object> input = (Map<String, Object>) saves.get(1).variables().get("input");
		assertThat(input).containsEntry("groupId", "g1")
			.containsEntry("kind", "SECURITY_AND_ORDER")
			.containsEntry("established", true)
			.containsEntry("decision",
					Map.of("number", "15/QĐ-UBND", "date", "2024-09-02", "signer", "Phạm Văn Chủ Tịch"));
		assertThat((List<?>) input.get("members")).hasSize(3);
	}

	@Test
	void theExportListsGroupsAndTeamsWithoutMembers() throws Exception {
		CommuneTeams teams = JsonMapper.shared()
			.readValue(JsonMapper.shared().readTree(GROUPS).get("data").get("unit").toString(), CommuneTeams.class);

		assertThat(CommunityTeamsView.exportCsv(teams)).isEqualTo("""
				commune_code,code,name,households,security_team,security_members,self_management_members,flags
				00004,1,Tổ dân phố 1,120,none,0,0,NO_SECURITY_TEAM
				00004,2,Tổ dân phố 2,80,established,3,0,
				""");
	}

}
